package io.github.solarwire.solaredge.codec;

import java.util.Objects;

/**
 * Cuts a byte stream fed in pieces of any size into frames: a serial port's reads, an RS485 bus, a
 * TCP connection's segments. Fed the same bytes in any chunking and then {@link #finish}ed, it
 * reports exactly the frames and skipped spans that {@link SeFrames#scan(byte[], int, int, int,
 * SeFrameHandler)} finds in the whole buffer.
 *
 * <p>Never throws on bad input: garbage, wrong length complements, bad CRCs and frames longer than
 * the maximum are skipped and reported as {@link SeSkip} spans, and counted by reason. It buffers
 * at most one frame begun and not yet complete, so never more than the maximum frame length.
 *
 * <p>A claimed length can hold back the frames behind a false magic until that many bytes have
 * arrived; a maximum below the default bounds that delay, at the cost of skipping longer frames.
 *
 * <p>Not thread-safe: one decoder per stream, fed from one thread.
 */
public final class SeFrameDecoder {

    /**
     * The default maximum frame length, {@link SeFrame#MAX_LENGTH}: any frame the length field can
     * state, as semonitor accepts.
     */
    public static final int DEFAULT_MAX_FRAME_LENGTH = SeFrame.MAX_LENGTH;

    private final SeFrameScanner scanner;
    private final byte[] pending;
    private int pendingLength;
    private long pendingOffset;

    /** A decoder with {@link #DEFAULT_MAX_FRAME_LENGTH}. */
    public SeFrameDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * A decoder.
     *
     * @param maxFrameLength the longest frame accepted, {@link SeFrame#OVERHEAD} to {@link
     *     SeFrame#MAX_LENGTH}; a longer one is skipped as {@link SeSkip.Reason#TOO_LONG}
     * @throws IllegalArgumentException when the length is out of range
     */
    public SeFrameDecoder(int maxFrameLength) {
        this.scanner = new SeFrameScanner(maxFrameLength);
        this.pending = new byte[maxFrameLength];
    }

    /**
     * Feeds bytes; every frame and span they complete goes to the handler before this returns.
     *
     * @param bytes the buffer
     * @param offset where the new bytes start
     * @param count how many
     * @param handler receives frames and spans
     * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
     */
    public void feed(byte[] bytes, int offset, int count, SeFrameHandler handler) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        Objects.requireNonNull(handler, "handler");
        int at = offset;
        int end = offset + count;
        while (at < end) {
            if (pendingLength == 0) {
                // Scan the caller's array in place; keep only the undecided tail.
                long base = pendingOffset - at;
                int decided = scanner.scan(bytes, at, end, base, false, handler);
                keep(bytes, decided, end - decided, base + decided);
                return;
            }
            int n = Math.min(end - at, pending.length - pendingLength);
            System.arraycopy(bytes, at, pending, pendingLength, n);
            pendingLength += n;
            at += n;
            int decided = scanner.scan(pending, 0, pendingLength, pendingOffset, false, handler);
            keep(pending, decided, pendingLength - decided, pendingOffset + decided);
        }
    }

    /**
     * Feeds a whole array.
     *
     * @param bytes the new bytes
     * @param handler receives frames and spans
     */
    public void feed(byte[] bytes, SeFrameHandler handler) {
        feed(bytes, 0, bytes.length, handler);
    }

    /**
     * Ends the stream: a frame begun is reported as {@link SeSkip.Reason#TRUNCATED} (after any frames
     * found behind its magic), and the last span is closed. The decoder can then start a new stream,
     * whose offsets continue from this one's.
     *
     * @param handler receives the remaining frames and spans
     */
    public void finish(SeFrameHandler handler) {
        Objects.requireNonNull(handler, "handler");
        scanner.scan(pending, 0, pendingLength, pendingOffset, true, handler);
        pendingOffset += pendingLength;
        pendingLength = 0;
        scanner.close(pendingOffset, handler);
    }

    /**
     * The bytes held for a frame begun, or that may begin a magic.
     *
     * @return the count, below the maximum frame length
     */
    public int pending() {
        return pendingLength;
    }

    /**
     * How many spans were reported for a reason so far.
     *
     * @param reason the reason
     * @return the count
     */
    public long skipCount(SeSkip.Reason reason) {
        return scanner.count(reason);
    }

    /**
     * How many bytes were skipped for a reason so far, in spans already reported.
     *
     * @param reason the reason
     * @return the count
     */
    public long skippedBytes(SeSkip.Reason reason) {
        return scanner.bytes(reason);
    }

    private void keep(byte[] from, int index, int length, long streamOffset) {
        System.arraycopy(from, index, pending, 0, length);
        pendingLength = length;
        pendingOffset = streamOffset;
    }
}
