package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random input to every parser: random bytes, truncated and bit-flipped vector frames, and
 * mutated payloads re-sealed with a valid CRC (so the field decoders, not just the CRC check, see
 * them). Whatever the input, the only exception is {@link ProtocolException}, and the renderings
 * of what does decode never throw.
 */
class SeededRandomInputTest {

    private static final List<Pi30Command<?>> COMMANDS = AllQueries.all();
    private static final byte[] ALPHABET = "0123456789 .-+ABDEKNSab(".getBytes(StandardCharsets.US_ASCII);

    /** Runs one input through every parser; fails on any exception but ProtocolException. */
    private static void everyParser(byte[] input) {
        for (Pi30Frame.Check check : Pi30Frame.Check.values()) {
            try {
                Pi30Frame.parse(input, 0, input.length, check);
            } catch (ProtocolException expected) {
                // bad input is reported, not thrown as anything else
            }
        }
        try {
            Pi30Request.parse(input);
        } catch (ProtocolException expected) {
            // as above
        }
        try {
            QpigsResponse.decode(input, 0, input.length);
        } catch (ProtocolException expected) {
            // as above
        }
        for (Pi30Command<?> command : COMMANDS) {
            try {
                Object decoded = command.decode(input);
                Pi30MppSolarFormat.toJson(command, decoded);
                Pi30SolarwireFormat.toJson(command, decoded);
            } catch (ProtocolException expected) {
                // as above
            } catch (RuntimeException e) {
                fail(command + " on " + Pi30Frame.escape(input, 0, input.length) + ": " + e, e);
            }
        }
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(64, Pi30Frame.Check.CRC);
        Collected collected = new Collected();
        decoder.feed(input, collected);
        assertTrue(decoder.pending() <= 64);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomBytes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            byte[] input = new byte[random.nextInt(160)];
            random.nextBytes(input);
            if (input.length > 0 && random.nextBoolean()) {
                input[0] = '(';
                input[input.length - 1] = '\r';
            }
            everyParser(input);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void truncatedAndBitFlippedVectors(long seed) {
        Random random = new Random(seed);
        for (Vectors.Response row : Vectors.responses()) {
            byte[] frame = row.bytes();
            everyParser(Arrays.copyOf(frame, random.nextInt(frame.length + 1)));
            byte[] flipped = frame.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            }
            everyParser(flipped);
        }
    }

    /** Payload mutations with a valid CRC: digits become letters, fields split, join, vanish or grow. */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void mutatedPayloadsWithAValidCrc(long seed) {
        Random random = new Random(seed);
        List<Vectors.Response> rows = Vectors.responses();
        for (int i = 0; i < 300; i++) {
            byte[] frame = rows.get(random.nextInt(rows.size())).bytes();
            StringBuilder payload = new StringBuilder();
            for (int j = 1; j < frame.length - 3; j++) {
                payload.append((char) (frame[j] & 0xFF));
            }
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = payload.length() == 0 ? 0 : random.nextInt(payload.length());
                char c = (char) ALPHABET[random.nextInt(ALPHABET.length)];
                switch (random.nextInt(3)) {
                    case 0 -> payload.insert(at, c);
                    case 1 -> {
                        if (payload.length() > 0) {
                            payload.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (payload.length() > 0) {
                            payload.setCharAt(at, c);
                        }
                    }
                }
            }
            String text = payload.toString();
            if (text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
                everyParser(Frames.reply(text));
            }
            everyParser(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** A long random stream of frames, garbage and padding, in random chunks: every line is accounted for. */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void streamOfFramesAndGarbage(long seed) {
        Random random = new Random(seed);
        List<Vectors.Response> rows = Vectors.responses();
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        int good = 0;
        for (int i = 0; i < 300; i++) {
            if (random.nextInt(4) == 0) {
                byte[] garbage = new byte[random.nextInt(40)];
                random.nextBytes(garbage);
                stream.writeBytes(garbage);
                stream.write('\r');
            } else {
                stream.writeBytes(Frames.reply("PI30"));
                good++;
            }
            stream.writeBytes(new byte[random.nextInt(8)]);
            stream.writeBytes(rows.get(random.nextInt(rows.size())).bytes());
        }
        byte[] bytes = stream.toByteArray();
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected collected = new Collected();
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(64));
            decoder.feed(bytes, at, n, collected);
            at += n;
        }
        long pi30 = collected.frames.stream()
                .filter(f -> f.payload().equals("PI30"))
                .count();
        assertTrue(pi30 >= good, pi30 + " of " + good + " (PI30) frames came through the garbage");
        assertEquals(0, decoder.pending(), "the stream ends with a terminated frame");
    }
}
