package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.solaredge.codec.ParamGetRequest;
import io.github.solarwire.solaredge.codec.ParamResponse;
import io.github.solarwire.testkit.TestVectors;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar sekey}: the vector key, byte for byte, from both kinds of input. */
class SekeyCommandTest {

    private static Path vector(String name) {
        return TestVectors.directory("solaredge").resolve(name);
    }

    @Test
    void commandModeJsonLinesGiveTheVectorKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k.key");
        Run run = Run.of(
                "sekey",
                "-o",
                key.toString(),
                vector("synthetic_cmd_session.expected.jsonl").toString());
        assertEquals(0, run.code(), run.err());
        assertArrayEquals(Files.readAllBytes(vector("7f104920.key")), Files.readAllBytes(key));
    }

    @Test
    void theRecordedMessageStreamGivesTheVectorKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("k.key");
        Run run = Run.of(
                "sekey",
                "-o",
                key.toString(),
                vector("synthetic_cmd_session.rec").toString());
        assertEquals(0, run.code(), run.err());
        assertArrayEquals(Files.readAllBytes(vector("7f104920.key")), Files.readAllBytes(key));

        Run stdout = Run.of(
                "sekey", "-i", "7f104920", vector("synthetic_cmd_session.rec").toString());
        assertEquals(0, stdout.code(), stdout.err());
        assertEquals(Files.readString(vector("7f104920.key")), stdout.out(), "no newline on standard output either");
    }

    @Test
    void missingParametersAreNamed(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(vector("synthetic_cmd_session.expected.jsonl"));
        Path two = dir.resolve("two.jsonl");
        Files.write(two, lines.subList(0, 2));
        Run json = Run.of("sekey", "-o", dir.resolve("x.key").toString(), two.toString());
        assertEquals(1, json.code());
        assertTrue(json.err().contains("0x023B, 0x023C missing"), json.err());
        assertFalse(Files.exists(dir.resolve("x.key")), "no key file is written");

        // the stream without its third exchange (0x023B): 4 frames of 22 + 2 and 22 + 6 bytes each
        byte[] rec = Files.readAllBytes(vector("synthetic_cmd_session.rec"));
        int exchange = 24 + 28;
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.write(rec, 0, 2 * exchange);
        cut.write(rec, 3 * exchange, rec.length - 3 * exchange);
        Path stream = dir.resolve("cut.dat");
        Files.write(stream, cut.toByteArray());
        Run raw = Run.of("sekey", stream.toString());
        assertEquals(1, raw.code());
        assertTrue(raw.err().contains("parameter 0x023B missing"), raw.err());

        Path other = dir.resolve("other.dat");
        Files.write(other, Files.readAllBytes(vector("synthetic_all_devices.dat")));
        Run none = Run.of("sekey", other.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("no 0x0090 replies"), none.err());
    }

    @Test
    void aReplyIsMatchedToItsRequestBySequenceAndAddress(@TempDir Path dir) throws Exception {
        long inverter = 0x7F104920L;
        long[] values = {0x232599E1L, 0x47BBDDF4L, 0x6F6F33D5L, 0x78327E17L};
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        for (int i = 3; i >= 0; i--) { // requested in reverse order; a reply for another seq is ignored
            s.writeBytes(new ParamGetRequest(0x0239 + i)
                    .toFrame(10 + i, 0xFFFFFFFDL, inverter)
                    .encode());
            s.writeBytes(new ParamResponse(12345, 0)
                    .toFrame(99, inverter, 0xFFFFFFFDL)
                    .encode());
            s.writeBytes(new ParamResponse(values[i], 0)
                    .toFrame(10 + i, inverter, 0xFFFFFFFDL)
                    .encode());
        }
        Path stream = dir.resolve("s.dat");
        Files.write(stream, s.toByteArray());
        Run run = Run.of("sekey", stream.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(Files.readString(vector("7f104920.key")), run.out());
    }
}
