/**
 * The Kostal PIKO interfaces as pure functions and small immutable objects: bytes in, records out.
 *
 * <ul>
 *   <li>{@link io.github.solarwire.kostal.codec.PikoStatusPage}: the first-generation status page,
 *       in any language and any layout of 1 to 3 strings and phases;
 *   <li>{@link io.github.solarwire.kostal.codec.Port81Request}, {@link
 *       io.github.solarwire.kostal.codec.Port81Response} and {@link
 *       io.github.solarwire.kostal.codec.Port81Decoder}: the binary protocol on TCP port 81;
 *   <li>{@link io.github.solarwire.kostal.codec.MpPlusXml}: the PIKO MP plus {@code all.xml};
 *   <li>{@link io.github.solarwire.kostal.codec.LogDaten}: the {@code LogDaten.dat} history;
 *   <li>{@link io.github.solarwire.kostal.codec.PikoStatus}: what every source decodes to, and
 *       {@link io.github.solarwire.kostal.codec.KostalReadings} and {@link
 *       io.github.solarwire.kostal.codec.KostalDocument}: its mapping to the core model and to the
 *       kostal2mqtt JSON document.
 * </ul>
 *
 * <p>Nothing here does I/O, starts threads, reads clocks or logs. Bad input is always a {@link
 * io.github.solarwire.core.ProtocolException}. Every type is immutable and thread-safe.
 */
package io.github.solarwire.kostal.codec;
