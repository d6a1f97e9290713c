/**
 * SolarEdge framing as pure functions and small immutable objects: bytes in, frames out.
 *
 * <ul>
 *   <li>{@link io.github.solarwire.solaredge.codec.SeCrc}: the frame CRC;
 *   <li>{@link io.github.solarwire.solaredge.codec.SeFrame}: one frame, decoded and encoded exactly;
 *   <li>{@link io.github.solarwire.solaredge.codec.SeFrames} and {@link
 *       io.github.solarwire.solaredge.codec.SeFrameDecoder}: frames from whole buffers or from a
 *       stream in any chunking, skipping and counting garbage and broken frames ({@link
 *       io.github.solarwire.solaredge.codec.SeSkip});
 *   <li>{@link io.github.solarwire.solaredge.codec.FunctionCode}: the function-code table;
 *   <li>{@link io.github.solarwire.solaredge.codec.SePayload}: typed payloads of parameter reads and
 *       writes and of the server time.
 * </ul>
 *
 * <p>Nothing here does I/O, starts threads, reads clocks or logs. Scanning never throws on bad
 * input; single-frame and payload decoders throw {@link io.github.solarwire.core.ProtocolException}.
 */
package io.github.solarwire.solaredge.codec;
