package io.github.solarwire.solaredge.codec;

/**
 * A span of a byte stream that held no valid frame, and why.
 *
 * <p>A span starts at garbage or at a magic whose frame failed a check, and runs up to the next
 * magic (where scanning resumes) or the end of the stream. Spans and frames never overlap, and
 * together they cover the whole stream. Immutable.
 *
 * @param reason why the bytes were skipped
 * @param offset where the span starts, counted from the stream's first byte
 * @param length how many bytes it covers, at least 1
 */
public record SeSkip(Reason reason, long offset, long length) {

    /** Why a span was skipped. */
    public enum Reason {
        /** Bytes before the first magic, between frames or after the last frame. */
        GARBAGE,
        /** A magic whose length field does not match its one's complement. */
        BAD_LENGTH,
        /** A magic whose length field states a frame longer than the reader's maximum. */
        TOO_LONG,
        /** A magic whose frame is complete but whose CRC does not match. */
        BAD_CRC,
        /** A magic whose frame the stream ended before completing. */
        TRUNCATED
    }
}
