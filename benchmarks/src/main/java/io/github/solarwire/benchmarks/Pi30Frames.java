package io.github.solarwire.benchmarks;

import io.github.solarwire.pi30.codec.Pi30Crc;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/** Realistic PI30 replies for the benchmarks: QPIGS frames with varying values and valid CRCs. */
final class Pi30Frames {

    /** Pool size; a power of two so that cycling is a mask. */
    static final int POOL = 1024;

    static final int MASK = POOL - 1;

    private Pi30Frames() {}

    /** A pool of distinct QPIGS replies, as an inverter sends them (about 110 bytes each). */
    static byte[][] qpigsPool(long seed) {
        Random random = new Random(seed);
        byte[][] pool = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            String payload = String.format(
                    Locale.ROOT,
                    "%05.1f %04.1f %05.1f %04.1f %04d %04d %03d %03d %05.2f %03d %03d %04d %04d %05.1f %05.2f %05d %s 00"
                            + " 00 %05d 010",
                    random.nextBoolean() ? 0.0 : 220 + random.nextInt(200) / 10.0,
                    random.nextBoolean() ? 0.0 : 49.5 + random.nextInt(10) / 10.0,
                    225 + random.nextInt(100) / 10.0,
                    49.8 + random.nextInt(4) / 10.0,
                    random.nextInt(5000),
                    random.nextInt(4000),
                    random.nextInt(100),
                    380 + random.nextInt(80),
                    44 + random.nextInt(1400) / 100.0,
                    random.nextInt(80),
                    random.nextInt(101),
                    20 + random.nextInt(50),
                    random.nextInt(30),
                    random.nextInt(4000) / 10.0,
                    44 + random.nextInt(1400) / 100.0,
                    random.nextInt(100),
                    bits(random),
                    random.nextInt(4000));
            pool[i] = reply(payload);
        }
        return pool;
    }

    static byte[] reply(String payload) {
        byte[] body = ("(" + payload).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = Arrays.copyOf(body, body.length + 3);
        int crc = Pi30Crc.wire(body, 0, body.length, Pi30Crc.Bump.DELIMITERS_AND_ZERO);
        frame[body.length] = (byte) (crc >>> 8);
        frame[body.length + 1] = (byte) crc;
        frame[body.length + 2] = '\r';
        return frame;
    }

    private static String bits(Random random) {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(random.nextBoolean() ? '1' : '0');
        }
        return s.toString();
    }
}
