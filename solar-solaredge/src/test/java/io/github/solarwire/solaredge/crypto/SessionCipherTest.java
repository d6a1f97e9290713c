package io.github.solarwire.solaredge.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionCipherTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SESSION_KEY = HEX.parseHex("f61c3396c4db85ef3e5e5e7e117d142c");

    private static List<byte[]> frames;
    private static InverterKey key;

    @BeforeAll
    static void readVectors() throws Exception {
        frames = TestFrames.split(Files.readAllBytes(VECTORS.resolve("synthetic_encrypted_7f104920.dat")));
        key = InverterKey.read(VECTORS.resolve("7f104920.key"));
    }

    private static byte[] sessionKeyMessage() {
        byte[] frame = frames.get(0);
        assertEquals(0x0503, TestFrames.function(frame));
        return TestFrames.payload(frame);
    }

    private static List<byte[]> envelopes() {
        return frames.stream()
                .filter(f -> TestFrames.function(f) == 0x003d)
                .map(TestFrames::payload)
                .toList();
    }

    @Test
    void decryptsTheVectorIntoTheFramesOfItsExpectedJson() throws Exception {
        SessionCipher cipher = SessionCipher.fromSessionKeyMessage(key, sessionKeyMessage());
        List<byte[]> envelopes = envelopes();
        List<String> lines = Files.readAllLines(VECTORS.resolve("synthetic_encrypted_7f104920.expected.json"));
        assertEquals(lines.size(), envelopes.size());
        int[] innerSequences = {0x1234, 0x1235};
        for (int i = 0; i < envelopes.size(); i++) {
            byte[] inner = cipher.decrypt(envelopes.get(i));
            assertEquals(innerSequences[i], cipher.innerSequence(envelopes.get(i)));
            assertEquals(0x0500, TestFrames.function(inner));
            assertEquals(0x7F104920L, TestFrames.source(inner));
            assertTrue(TestFrames.crcHolds(inner), "inner CRC");
            assertEquals(devices(lines.get(i)), records(TestFrames.payload(inner)));
        }
        byte[] first = cipher.decrypt(envelopes.get(0));
        assertEquals("123456798500" + "7aff01032049107ffeffffff0005", HEX.formatHex(Arrays.copyOf(first, 20)));
    }

    @Test
    void aKnownSessionKeyDecryptsTheSame() throws Exception {
        SessionCipher derived = SessionCipher.fromSessionKeyMessage(key, sessionKeyMessage());
        SessionCipher known = SessionCipher.ofSessionKey(SESSION_KEY);
        for (byte[] envelope : envelopes()) {
            assertArrayEquals(derived.decrypt(envelope), known.decrypt(envelope));
        }
    }

    @Test
    void reEncryptingWithTheVectorsIvAndMaskGivesItsPayload() throws Exception {
        SessionCipher cipher = SessionCipher.ofSessionKey(SESSION_KEY);
        byte[] envelope = envelopes().get(0);
        byte[] inner = cipher.decrypt(envelope);
        byte[] again = cipher.encrypt(inner, 0x1234, Arrays.copyOf(envelope, 16), HEX.parseHex("2b33c1dc"));
        assertArrayEquals(envelope, again);
    }

    @Test
    void aWrongKeyIsReportedAsSuch() throws Exception {
        byte[] wrong = key.bytes();
        wrong[15] ^= 1;
        SessionCipher cipher = SessionCipher.fromSessionKeyMessage(InverterKey.of(wrong), sessionKeyMessage());
        for (byte[] envelope : envelopes()) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> cipher.decrypt(envelope));
            assertTrue(e.getMessage().contains("wrong inverter key"), e.getMessage());
        }
    }

    @Test
    void aCorruptedLengthIsReported() throws Exception {
        SessionCipher cipher = SessionCipher.ofSessionKey(SESSION_KEY);
        byte[] envelope = envelopes().get(0);
        envelope[16 + 6 + 4] ^= 0x01;
        assertThrows(ProtocolException.class, () -> cipher.decrypt(envelope));
        byte[] cut = Arrays.copyOf(envelopes().get(0), 100);
        ProtocolException e = assertThrows(ProtocolException.class, () -> cipher.decrypt(cut));
        assertTrue(e.getMessage().contains("longer than its envelope"), e.getMessage());
    }

    @Test
    void shortInputsAreProtocolErrors() {
        SessionCipher cipher = SessionCipher.ofSessionKey(SESSION_KEY);
        assertThrows(ProtocolException.class, () -> cipher.decrypt(new byte[21]));
        assertThrows(ProtocolException.class, () -> cipher.decrypt(new byte[22]));
        assertThrows(ProtocolException.class, () -> cipher.innerSequence(new byte[3]));
        assertThrows(ProtocolException.class, () -> SessionCipher.fromSessionKeyMessage(key, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> SessionCipher.ofSessionKey(new byte[8]));
    }

    @Test
    void encryptThenDecryptGivesTheFrameBack() throws Exception {
        SessionCipher cipher = SessionCipher.ofSessionKey(SESSION_KEY);
        Random random = new Random(5);
        int previous = -1;
        for (int n : new int[] {0, 1, 3, 4, 15, 16, 17, 100, 1000}) {
            byte[] frame = frame(random, n);
            SessionCipher.Envelope envelope = cipher.encrypt(frame);
            byte[] payload = envelope.payload();
            assertEquals(22 + frame.length, payload.length);
            assertArrayEquals(frame, cipher.decrypt(payload));
            assertEquals(envelope.innerSequence(), cipher.innerSequence(payload));
            assertEquals((envelope.innerSequence() + 999) & 0xFFFF, envelope.outerSequence());
            if (previous >= 0) {
                assertEquals((previous + 1) & 0xFFFF, envelope.innerSequence());
            }
            previous = envelope.innerSequence();
            assertFalse(envelope.toString().contains(HEX.formatHex(payload).substring(0, 16)));
        }
    }

    @Test
    void paddingAfterTheInnerFrameIsDropped() throws Exception {
        SessionCipher cipher = SessionCipher.ofSessionKey(SESSION_KEY);
        byte[] frame = frame(new Random(9), 10);
        byte[] padded = Arrays.copyOf(frame, frame.length + 7);
        byte[] payload = cipher.encrypt(padded, 7, new byte[16], new byte[] {1, 2, 3, 4});
        assertArrayEquals(frame, cipher.decrypt(payload));
    }

    @Test
    void neverShowsTheKey() throws Exception {
        SessionCipher cipher = SessionCipher.fromSessionKeyMessage(key, sessionKeyMessage());
        assertFalse(cipher.toString().contains("f61c"));
    }

    /** An inner frame of n payload bytes with a valid header; the CRC bytes are random. */
    private static byte[] frame(Random random, int n) {
        byte[] frame = new byte[22 + n];
        random.nextBytes(frame);
        frame[0] = 0x12;
        frame[1] = 0x34;
        frame[2] = 0x56;
        frame[3] = 0x79;
        frame[4] = (byte) n;
        frame[5] = (byte) (n >>> 8);
        frame[6] = (byte) ~n;
        frame[7] = (byte) (~n >>> 8);
        return frame;
    }

    /** The number of devices in one line of semonitor's JSON. */
    private static int devices(String line) {
        Matcher ids = Pattern.compile("\"ID\": ").matcher(line);
        int count = 0;
        while (ids.find()) {
            count++;
        }
        return count;
    }

    /** The number of records in a 0x0500 payload: u16 type, u32 id, u16 length, then that many bytes. */
    private static int records(byte[] payload) {
        int count = 0;
        for (int at = 0; at + 8 <= payload.length; at += 8 + TestFrames.u16(payload, at + 6)) {
            count++;
        }
        return count;
    }
}
