package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link Pi30FrameDecoder}: any stream in any chunking never throws and never buffers more than
 * its bound. The first byte chooses the chunk size; the rest is the stream.
 */
class Pi30FrameDecoderFuzzTest {

    private static final int MAX = 128;

    @FuzzTest
    void feed(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x1F);
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(MAX, Pi30Frame.Check.CRC_OR_SUM);
        Collected collected = new Collected();
        for (int at = 1; at < data.length; at += chunk) {
            decoder.feed(data, at, Math.min(chunk, data.length - at), collected);
            assertTrue(decoder.pending() <= MAX, "pending " + decoder.pending());
        }
        for (Pi30Frame frame : collected.frames) {
            assertTrue(frame.length() <= MAX, "frame of " + frame.length());
        }
    }
}
