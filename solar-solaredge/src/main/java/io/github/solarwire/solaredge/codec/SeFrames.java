package io.github.solarwire.solaredge.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the frames in a whole buffer: a {@code .dat} or {@code .rec} file, a capture's TCP stream.
 *
 * <p>Never throws on bad input. Garbage is skipped up to the next magic; a frame whose length
 * complement or CRC fails, or that the buffer cuts short, is skipped from its magic to the next
 * one, so a valid frame glued to a broken one is still found (semonitor loses it, spec §2.3).
 * Everything skipped is reported as {@link SeSkip} spans. {@link SeFrameDecoder} does the same for
 * a stream fed in pieces and finds exactly the same frames and spans.
 *
 * <p>Stateless and thread-safe.
 */
public final class SeFrames {

    private SeFrames() {}

    /**
     * Scans a whole buffer for frames of any length.
     *
     * @param buffer the bytes
     * @return the frames and the skipped spans
     */
    public static SeScan scan(byte[] buffer) {
        List<SeFrame> frames = new ArrayList<>();
        List<SeSkip> skips = new ArrayList<>();
        scan(buffer, 0, buffer.length, SeFrame.MAX_LENGTH, new SeFrameHandler() {
            @Override
            public void frame(SeFrame frame) {
                frames.add(frame);
            }

            @Override
            public void skipped(SeSkip skip) {
                skips.add(skip);
            }
        });
        return new SeScan(frames, skips);
    }

    /**
     * Scans a whole buffer for frames of any length, handing each frame and skipped span on.
     *
     * @param buffer the bytes
     * @param handler receives the frames and spans, in order
     */
    public static void scan(byte[] buffer, SeFrameHandler handler) {
        scan(buffer, 0, buffer.length, SeFrame.MAX_LENGTH, handler);
    }

    /**
     * Scans a byte range, handing each frame and skipped span on. Span offsets count from {@code
     * offset}.
     *
     * @param buffer the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @param maxFrameLength the longest frame accepted, {@link SeFrame#OVERHEAD} to {@link
     *     SeFrame#MAX_LENGTH}; a longer one is skipped as {@link SeSkip.Reason#TOO_LONG}
     * @param handler receives the frames and spans, in order
     * @throws IndexOutOfBoundsException when the range is not inside {@code buffer}
     * @throws IllegalArgumentException when the maximum length is out of range
     */
    public static void scan(byte[] buffer, int offset, int length, int maxFrameLength, SeFrameHandler handler) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        Objects.requireNonNull(handler, "handler");
        SeFrameScanner scanner = new SeFrameScanner(maxFrameLength);
        scanner.scan(buffer, offset, offset + length, -offset, true, handler);
        scanner.close(length, handler);
    }
}
