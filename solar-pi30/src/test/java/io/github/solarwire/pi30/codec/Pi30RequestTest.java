package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request encoding against every row of requests.jsonl, and back. */
class Pi30RequestTest {

    static Stream<Vectors.Request> requests() {
        return Vectors.requests().stream();
    }

    @Test
    void everyRequestRowIsRead() {
        assertEquals(84, Vectors.requests().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void encodesTheVectorFrame(Vectors.Request row) {
        Pi30Request request = row.revo()
                ? Pi30Request.withSumChecksum(row.command(), !row.command().startsWith("PSET"))
                : Pi30Request.of(row.command());
        assertEquals(Vectors.hex(row.frame()), Vectors.hex(request.frame()), row.toString());
        assertEquals(row.command(), request.command());
        if (row.revo()) {
            assertEquals(
                    row.text("revo_chk_sum_plus1"),
                    String.format("%02x", row.frame()[row.command().length()] & 0xFF));
            return;
        }
        byte[] command = row.command().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(row.text("crc_xmodem_raw"), String.format("%04x", Pi30Crc.xmodem(command)));
        assertEquals(
                row.text("crc_sent"),
                String.format("%04x", Pi30Crc.wire(command, 0, command.length, Pi30Crc.Bump.DELIMITERS_AND_ZERO)));
        List<byte[]> hid = request.hidReports();
        List<byte[]> expected = row.hidWrites();
        assertEquals(expected.size(), hid.size(), row.toString());
        for (int i = 0; i < hid.size(); i++) {
            assertArrayEquals(expected.get(i), hid.get(i), row + " report " + i);
        }
    }

    /** The three rows where the classic rule (no bump of 0x00) gives other bytes than mpp-solar's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void classicRuleMatchesTheVectorWhereItDiffers(Vectors.Request row) throws ProtocolException {
        if (row.revo()) {
            return;
        }
        Pi30Request classic = Pi30Request.of(row.command(), Pi30Crc.Bump.DELIMITERS);
        String classicCrc = row.text("crc_classic_rule");
        String sent = Vectors.hex(classic.frame())
                .substring(2 * row.command().length(), 2 * row.command().length() + 4);
        assertEquals(classicCrc != null ? classicCrc : row.text("crc_sent"), sent, row.toString());
        // Both forms read back as the same command: a simulator must take either.
        assertEquals(row.command(), Pi30Request.parse(classic.frame()).command());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void parsesTheVectorFrameBack(Vectors.Request row) throws ProtocolException {
        if (row.revo()) {
            return;
        }
        Pi30Request parsed = Pi30Request.parse(row.frame());
        assertEquals(row.command(), parsed.command());
        assertArrayEquals(row.frame(), parsed.frame());
        assertEquals(Pi30Request.of(row.command()), parsed);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomCommandsRoundTrip(long seed) throws ProtocolException {
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            StringBuilder command = new StringBuilder();
            int length = 1 + random.nextInt(40);
            while (command.length() < length) {
                char c = (char) (0x20 + random.nextInt(0x5F));
                if (c != '(') {
                    command.append(c);
                }
            }
            for (Pi30Crc.Bump bump : Pi30Crc.Bump.values()) {
                Pi30Request request = Pi30Request.of(command.toString(), bump);
                byte[] frame = request.frame();
                assertEquals(command.length() + 3, frame.length);
                assertEquals('\r', frame[frame.length - 1]);
                assertNotEquals('\r', frame[frame.length - 2], "a CRC byte is never CR");
                assertNotEquals('\r', frame[frame.length - 3], "a CRC byte is never CR");
                assertEquals(command.toString(), Pi30Request.parse(frame).command());
            }
        }
    }

    @Test
    void writeToCopiesTheFrame() {
        Pi30Request request = Pi30Request.of("QPIGS");
        byte[] buffer = new byte[12];
        assertEquals(8, request.writeTo(buffer, 2));
        assertEquals("00005150494753b7a90d0000", Vectors.hex(buffer));
        assertEquals(8, request.length());
        assertEquals("Pi30Request[QPIGS\\xb7\\xa9\\r]", request.toString());
    }

    @Test
    void framesAreCopiesSoTheRequestStaysImmutable() {
        Pi30Request request = Pi30Request.of("QPI");
        request.frame()[0] = 'X';
        request.hidReports().get(0)[0] = 'X';
        assertEquals("515049beac0d", Vectors.hex(request.frame()));
    }

    @Test
    void badCommandsAreRefusedWithTheReason() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Pi30Request.of(""));
        assertTrue(empty.getMessage().contains("1 to 128"), empty.getMessage());
        IllegalArgumentException cr = assertThrows(IllegalArgumentException.class, () -> Pi30Request.of("QPI\r"));
        assertTrue(cr.getMessage().contains("index 3"), cr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pi30Request.of("(QPI"));
        assertThrows(IllegalArgumentException.class, () -> Pi30Request.of("Q".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> Pi30Request.of("QPIé"));
    }

    @Test
    void badRequestFramesAreProtocolExceptions() {
        ProtocolException crc =
                assertThrows(ProtocolException.class, () -> Pi30Request.parse(Vectors.hex("515049beab0d")));
        assertTrue(crc.getMessage().startsWith("bad CRC at offset 3: expected 0xbeac, found 0xbeab"), crc.getMessage());
        assertThrows(ProtocolException.class, () -> Pi30Request.parse(Vectors.hex("515049beac")));
        assertThrows(ProtocolException.class, () -> Pi30Request.parse(Vectors.hex("beac0d")));
        assertThrows(ProtocolException.class, () -> Pi30Request.parse(Vectors.hex("510a49beac0d")));
    }
}
