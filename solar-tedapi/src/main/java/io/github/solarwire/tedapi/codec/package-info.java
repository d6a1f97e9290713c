/**
 * The TEDAPI wire format as pure functions: the exact request bytes for config, signed queries,
 * firmware and routed PW3 component queries; the two shipped sets of Tesla-signed queries; and the
 * response reader (gzip sniffing, the config and query JSON, the firmware info). No I/O.
 */
package io.github.solarwire.tedapi.codec;
