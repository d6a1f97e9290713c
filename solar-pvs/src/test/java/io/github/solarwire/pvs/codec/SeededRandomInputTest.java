package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.ProtocolException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated vectors and random bytes through every parser: each gives a result or a
 * ProtocolException, nothing else. Seeded, so every failure reproduces.
 */
class SeededRandomInputTest {

    /** A parser under test. */
    private interface Parser {
        void parse(byte[] input) throws ProtocolException;
    }

    private static final String ALPHABET = "{}[]\":,\\ 0123456789.-+eE\tnatrufl";

    private static final Parser[] PARSERS = {
        TelemetryFrame::parse,
        b -> {
            if (TelemetryFrame.parse(b) instanceof PowerNotification p) {
                p.toReading(
                        io.github.solarwire.core.DeviceInfo.builder("site", "site")
                                .build(),
                        Instant.EPOCH);
            }
        },
        b -> {
            VarserverVars v = VarserverVars.parse(b);
            v.liveData();
            v.systemInfo();
            for (VarserverDevice d : v.devices()) {
                d.toReading(null, Instant.EPOCH);
            }
        },
        b -> DeviceList.toReadings(DeviceList.parse(b), Instant.EPOCH),
        b -> SupervisorInfo.parse(b).hasVarserver()
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20250628})
    void mutatedVectorsOnlyThrowProtocolException(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 150; round++) {
            byte[] base = Vectors.bytes(Vectors.ALL_JSON[random.nextInt(Vectors.ALL_JSON.length)]);
            byte[] input = mutate(base, random);
            for (Parser parser : PARSERS) {
                run(parser, input, seed, round);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void randomTokensOnlyThrowProtocolException(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            byte[] input = new byte[random.nextInt(200)];
            for (int i = 0; i < input.length; i++) {
                input[i] = round % 3 == 0
                        ? (byte) random.nextInt(256)
                        : (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            for (Parser parser : PARSERS) {
                run(parser, input, seed, round);
            }
        }
    }

    private static void run(Parser parser, byte[] input, long seed, int round) {
        try {
            parser.parse(input);
        } catch (ProtocolException expected) {
            // the only allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + seed + " round " + round + ": " + e, e);
        }
    }

    static byte[] mutate(byte[] base, Random random) {
        byte[] b = Arrays.copyOf(base, base.length);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            switch (random.nextInt(4)) {
                case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                case 1 -> b[random.nextInt(b.length)] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                case 2 -> b = Arrays.copyOf(b, Math.max(1, random.nextInt(b.length + 1)));
                default -> {
                    int at = random.nextInt(b.length);
                    int len = Math.min(b.length - at, random.nextInt(64));
                    byte[] grown = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, at, grown, at + len, b.length - at);
                    b = grown;
                }
            }
        }
        return b;
    }
}
