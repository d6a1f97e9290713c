/**
 * The SolarEdge 0x0500 performance-data payload as pure functions and immutable records: {@link
 * io.github.solarwire.solaredge.telemetry.Telemetry#parse(byte[])} turns a payload into one typed
 * {@link io.github.solarwire.solaredge.telemetry.TelemetryRecord} per device record, {@link
 * io.github.solarwire.solaredge.telemetry.TelemetryReadings} maps them to solarwire readings in
 * canonical units, and {@link io.github.solarwire.solaredge.telemetry.SemonitorView} with {@link
 * io.github.solarwire.solaredge.telemetry.SemonitorJson} reproduce semonitor's JSON lines.
 *
 * <p>Nothing here does I/O, starts threads, reads clocks or logs. A bad record is reported as a
 * {@link io.github.solarwire.core.ProtocolException} in the batch, beside the good records of the
 * same payload. Every type is immutable and thread-safe.
 */
package io.github.solarwire.solaredge.telemetry;
