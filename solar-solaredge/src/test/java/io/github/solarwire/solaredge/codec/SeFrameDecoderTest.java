package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SeFrameDecoder} in any chunking finds what {@link SeFrames} finds in the whole buffer. */
class SeFrameDecoderTest {

    @Test
    void seededRandomStreamsInRandomChunkings() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int max = random.nextBoolean() ? SeFrame.MAX_LENGTH : 64 + random.nextInt(200);
            byte[] stream = randomStream(random, 1 + random.nextInt(12));
            Collected whole = Collected.scan(stream, max);
            assertEquals(stream.length, whole.coveredLength(), "seed " + seed);
            for (int round = 0; round < 5; round++) {
                Collected chunked = new Collected();
                SeFrameDecoder decoder = new SeFrameDecoder(max);
                for (int at = 0; at < stream.length; ) {
                    int n = Math.min(stream.length - at, 1 + random.nextInt(round == 0 ? 3 : 120));
                    decoder.feed(stream, at, n, chunked);
                    assertTrue(decoder.pending() < max);
                    at += n;
                }
                decoder.finish(chunked);
                assertEquals(whole.events, chunked.events, "seed " + seed + " round " + round);
            }
        }
    }

    @Test
    void everyFixedChunkSizeAndEverySplitPoint() {
        byte[] stream = randomStream(new Random(99), 8);
        Collected whole = Collected.scan(stream, SeFrame.MAX_LENGTH);
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            assertEquals(whole.events, decode(stream, chunk), "chunk " + chunk);
        }
        for (int split = 0; split <= stream.length; split++) {
            Collected c = new Collected();
            SeFrameDecoder decoder = new SeFrameDecoder();
            decoder.feed(stream, 0, split, c);
            decoder.feed(stream, split, stream.length - split, c);
            decoder.finish(c);
            assertEquals(whole.events, c.events, "split " + split);
        }
    }

    @Test
    void vectorFilesByteByByte() throws IOException {
        for (String name :
                List.of("synthetic_edge_cases.dat", "synthetic_server_session.rec", "synthetic_all_devices.dat")) {
            byte[] stream = SeFramesVectorTest.read(name);
            assertEquals(Collected.scan(stream, SeFrame.MAX_LENGTH).events, decode(stream, 1), name);
        }
    }

    @Test
    void countsByReasonAndTruncationAtTheEnd() {
        byte[] good = frame(1, new byte[] {1, 2, 3}).encode();
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 1] ^= 1;
        byte[] badComplement = good.clone();
        badComplement[6] ^= 1;
        byte[] stream =
                concat(new byte[] {9, 9}, badCrc, good, badComplement, good, new byte[] {7}, good, truncate(good, 10));
        SeFrameDecoder decoder = new SeFrameDecoder();
        Collected c = new Collected();
        decoder.feed(stream, c);
        assertEquals(3, c.frames.size());
        assertEquals(10, decoder.pending());
        decoder.finish(c);
        assertEquals(0, decoder.pending());
        assertEquals(1, decoder.skipCount(SeSkip.Reason.BAD_CRC));
        assertEquals(good.length, decoder.skippedBytes(SeSkip.Reason.BAD_CRC));
        assertEquals(1, decoder.skipCount(SeSkip.Reason.BAD_LENGTH));
        assertEquals(2, decoder.skipCount(SeSkip.Reason.GARBAGE));
        assertEquals(3, decoder.skippedBytes(SeSkip.Reason.GARBAGE));
        assertEquals(1, decoder.skipCount(SeSkip.Reason.TRUNCATED));
        assertEquals(10, decoder.skippedBytes(SeSkip.Reason.TRUNCATED));
        assertEquals(stream.length, c.coveredLength());
    }

    @Test
    void aFrameGluedInsideABrokenOneIsFound() {
        byte[] inner = frame(2, new byte[0]).encode();
        byte[] outer = frame(1, inner).encode();
        outer[outer.length - 2] ^= 0x55;
        Collected c = Collected.scan(outer, SeFrame.MAX_LENGTH);
        assertEquals(List.of(frame(2, new byte[0])), c.frames);
        assertEquals(SeSkip.Reason.BAD_CRC, c.skips.get(0).reason());
        assertEquals(new SeSkip(SeSkip.Reason.BAD_CRC, 0, 20), c.skips.get(0));
    }

    @Test
    void framesLongerThanTheMaximumAreSkipped() {
        byte[] big = frame(1, new byte[100]).encode();
        byte[] small = frame(2, new byte[10]).encode();
        byte[] stream = concat(big, small);
        SeFrameDecoder decoder = new SeFrameDecoder(64);
        Collected c = new Collected();
        decoder.feed(stream, c);
        decoder.finish(c);
        assertEquals(List.of(frame(2, new byte[10])), c.frames);
        assertEquals(List.of(new SeSkip(SeSkip.Reason.TOO_LONG, 0, big.length)), c.skips);
    }

    @Test
    void offsetsContinueAcrossFinish() {
        byte[] good = frame(3, new byte[] {5}).encode();
        SeFrameDecoder decoder = new SeFrameDecoder();
        Collected c = new Collected();
        decoder.feed(new byte[] {1, 2}, c);
        decoder.finish(c);
        decoder.feed(concat(new byte[] {4}, good), c);
        decoder.finish(c);
        assertEquals(
                List.of(new SeSkip(SeSkip.Reason.GARBAGE, 0, 2), new SeSkip(SeSkip.Reason.GARBAGE, 2, 1)), c.skips);
    }

    /**
     * Frames with garbage between them: random bytes, stray magics, magic prefixes, frames with a
     * bad CRC or complement, truncated frames, and frames nested in others.
     */
    static byte[] randomStream(Random random, int parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            byte[] payload = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
            random.nextBytes(payload);
            if (random.nextInt(6) == 0) {
                payload = concat(
                        payload,
                        frame(random.nextInt(0x10000), new byte[random.nextInt(8)])
                                .encode());
            }
            byte[] wire = new SeFrame(
                            random.nextInt(0x10000),
                            random.nextLong() & 0xFFFF_FFFFL,
                            random.nextLong() & 0xFFFF_FFFFL,
                            FunctionCode.of(random.nextInt(0x10000)),
                            payload)
                    .encode();
            switch (random.nextInt(8)) {
                case 0 ->
                    wire[SeFrame.HEADER_LENGTH + random.nextInt(wire.length - SeFrame.HEADER_LENGTH)] ^=
                            (byte) (1 + random.nextInt(255));
                case 1 -> wire[4 + random.nextInt(4)] ^= (byte) (1 + random.nextInt(255));
                case 2 -> wire = truncate(wire, random.nextInt(wire.length));
                default -> {}
            }
            out.writeBytes(wire);
            int garbage = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
            for (int g = 0; g < garbage; g++) {
                switch (random.nextInt(10)) {
                    case 0 -> out.writeBytes(new byte[] {0x12, 0x34, 0x56, 0x79});
                    case 1 -> out.writeBytes(new byte[] {0x12, 0x34});
                    default -> out.write(random.nextInt(256));
                }
            }
        }
        return out.toByteArray();
    }

    static SeFrame frame(int sequence, byte[] payload) {
        return new SeFrame(sequence, 0x7F104920L, SeFrame.MASTER_ADDRESS, FunctionCode.SERVER_POST_DATA, payload);
    }

    private static List<Object> decode(byte[] stream, int chunk) {
        Collected c = new Collected();
        SeFrameDecoder decoder = new SeFrameDecoder();
        for (int at = 0; at < stream.length; at += chunk) {
            decoder.feed(stream, at, Math.min(chunk, stream.length - at), c);
        }
        decoder.finish(c);
        return c.events;
    }

    private static byte[] truncate(byte[] b, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, 0, out, 0, length);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
