package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link SeFrames#scan} and {@link SeFrameDecoder}: any bytes never throw, the frames and spans
 * cover the input exactly, every frame re-encodes to its bytes, and the decoder in any chunking
 * agrees with the scanner. The first byte chooses the chunk size and a small maximum frame length;
 * the rest is the stream.
 */
class SeFramesFuzzTest {

    @FuzzTest
    void scan(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x3F);
        int max = (data[0] & 0x40) != 0 ? SeFrame.OVERHEAD + 40 : SeFrame.MAX_LENGTH;
        byte[] stream = java.util.Arrays.copyOfRange(data, 1, data.length);
        Collected whole = Collected.scan(stream, max);
        assertEquals(stream.length, whole.coveredLength());
        long at = 0;
        for (Object e : whole.events) {
            if (e instanceof SeFrame f) {
                assertTrue(f.length() <= max);
                assertArrayEquals(java.util.Arrays.copyOfRange(stream, (int) at, (int) at + f.length()), f.encode());
                at += f.length();
            } else {
                at += ((SeSkip) e).length();
            }
        }
        SeFrameDecoder decoder = new SeFrameDecoder(max);
        Collected chunked = new Collected();
        for (int i = 0; i < stream.length; i += chunk) {
            decoder.feed(stream, i, Math.min(chunk, stream.length - i), chunked);
            assertTrue(decoder.pending() < max);
        }
        decoder.finish(chunked);
        assertEquals(whole.events, chunked.events);
    }
}
