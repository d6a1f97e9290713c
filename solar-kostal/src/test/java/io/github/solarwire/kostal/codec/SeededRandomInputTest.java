package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.solarwire.core.ProtocolException;
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

    private static final String ALPHABET = "<>&\"'x\t\n;#FEA0123456789";

    private static final String[] FILES = {
        Vectors.PIKO36, Vectors.PIKO55_DE, Vectors.PIKO55_NL, Vectors.LOGDATEN, Vectors.MP15, Vectors.MP30
    };

    private static final Parser[] PARSERS = {
        PikoStatusPage::parse,
        PikoStatusPage::parseWithJsoup,
        b -> KostalDocument.toJson(PikoStatusPage.parse(b)),
        MpPlusXml::parse,
        b -> MpPlusXml.parse(b).toStatus(),
        LogDaten::parse,
        b -> {
            for (Port81Command c : Port81Command.values()) {
                try {
                    Port81Decoder.decode(b, b.length > 1 ? b[1] & 0xFF : 0, c);
                } catch (ProtocolException expected) {
                    // next command
                }
            }
        }
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240601})
    void mutatedVectorsOnlyThrowProtocolException(long seed) {
        Random random = new Random(seed);
        byte[] port81 = Port81Response.encode(255, Port81Command.TECHNICAL_DATA, Port81Test.technicalDataPayload());
        for (int round = 0; round < 60; round++) {
            byte[] base = round % 7 == 6 ? port81 : Vectors.bytes(FILES[random.nextInt(FILES.length)]);
            byte[] input = mutate(base, random);
            for (Parser parser : PARSERS) {
                run(parser, input, seed, round);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void randomBytesOnlyThrowProtocolException(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[random.nextInt(300)];
            random.nextBytes(input);
            if (round % 2 == 0 && input.length > 2) {
                input[0] = 0x62;
                input[input.length - 2] = (byte) -Port81Request.sum(input, 0, input.length - 2);
                input[input.length - 2] -= input[input.length - 1];
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

    private static byte[] mutate(byte[] base, Random random) {
        byte[] b = Arrays.copyOf(base, base.length);
        int edits = 1 + random.nextInt(12);
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
        if (b.length == 0) {
            fail("empty mutation");
        }
        return b;
    }
}
