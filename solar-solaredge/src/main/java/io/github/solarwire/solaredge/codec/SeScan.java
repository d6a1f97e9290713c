package io.github.solarwire.solaredge.codec;

import java.util.List;

/**
 * What {@link SeFrames#scan(byte[])} found in a buffer. Immutable.
 *
 * @param frames the valid frames, in order
 * @param skips the skipped spans, in order
 */
public record SeScan(List<SeFrame> frames, List<SeSkip> skips) {

    /**
     * The result of a scan.
     *
     * @param frames the valid frames, in order (copied)
     * @param skips the skipped spans, in order (copied)
     */
    public SeScan {
        frames = List.copyOf(frames);
        skips = List.copyOf(skips);
    }

    /**
     * How many spans were skipped for a reason.
     *
     * @param reason the reason
     * @return the number of spans
     */
    public long skipCount(SeSkip.Reason reason) {
        return skips.stream().filter(s -> s.reason() == reason).count();
    }

    /**
     * How many bytes were skipped for a reason.
     *
     * @param reason the reason
     * @return the number of bytes
     */
    public long skippedBytes(SeSkip.Reason reason) {
        return skips.stream()
                .filter(s -> s.reason() == reason)
                .mapToLong(SeSkip::length)
                .sum();
    }
}
