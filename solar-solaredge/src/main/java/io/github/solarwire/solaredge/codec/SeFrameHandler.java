package io.github.solarwire.solaredge.codec;

/**
 * Receives what {@link SeFrames#scan(byte[], SeFrameHandler)} and {@link SeFrameDecoder} cut out of
 * a byte stream, in stream order.
 */
public interface SeFrameHandler {

    /**
     * A complete frame whose length complement and CRC check out.
     *
     * @param frame the frame
     */
    void frame(SeFrame frame);

    /**
     * A span without a valid frame; ignored by default.
     *
     * @param skip the span and why it was skipped
     */
    default void skipped(SeSkip skip) {}
}
