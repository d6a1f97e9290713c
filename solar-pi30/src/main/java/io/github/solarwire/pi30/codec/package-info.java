/**
 * The PI30 protocol as pure functions and small immutable objects: bytes in, records out.
 *
 * <ul>
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30Crc}: the Voltronic CRC;
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30Request}: request frames;
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30Frame} and {@link
 *       io.github.solarwire.pi30.codec.Pi30FrameDecoder}: checked reply frames, from whole buffers
 *       or from a stream in any chunking;
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30Queries}, {@link
 *       io.github.solarwire.pi30.codec.Pi30Settings}, {@link
 *       io.github.solarwire.pi30.codec.Pi30Commands}: every command with the decoder of its reply
 *       ({@link io.github.solarwire.pi30.codec.Pi30Command});
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30MppSolarFormat} and {@link
 *       io.github.solarwire.pi30.codec.Pi30SolarwireFormat}: JSON renderings;
 *   <li>{@link io.github.solarwire.pi30.codec.Pi30Readings}: the mapping to the core model.
 * </ul>
 *
 * <p>Nothing here does I/O, starts threads, reads clocks or logs. Bad input is always a {@link
 * io.github.solarwire.core.ProtocolException}.
 */
package io.github.solarwire.pi30.codec;
