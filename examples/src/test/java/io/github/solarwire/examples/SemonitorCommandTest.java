package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar semonitor}: byte-identical JSON lines for the shared vectors (made by the peer with TZ=UTC). */
class SemonitorCommandTest {

    private static Path vector(String name) {
        return TestVectors.directory("solaredge").resolve(name);
    }

    @Test
    void everyUnencryptedVectorIsReproducedByteForByte(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"issue135_rs485_frames", "synthetic_all_devices", "synthetic_edge_cases"}) {
            Path out = dir.resolve(name + ".json");
            Run run = Run.of(
                    "semonitor",
                    "--timezone",
                    "UTC",
                    "-o",
                    out.toString(),
                    vector(name + ".dat").toString());
            assertEquals(0, run.code(), name + ": " + run.err());
            assertArrayEquals(Files.readAllBytes(vector(name + ".expected.json")), Files.readAllBytes(out), name);
        }
    }

    @Test
    void theEncryptedVectorDecryptsWithTheKeyAndIsReproducedByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("enc.json");
        Run run = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-k",
                vector("7f104920.key").toString(),
                "-o",
                out.toString(),
                vector("synthetic_encrypted_7f104920.dat").toString());
        assertEquals(0, run.code(), run.err());
        assertArrayEquals(
                Files.readAllBytes(vector("synthetic_encrypted_7f104920.expected.json")), Files.readAllBytes(out));

        Run withoutKey = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-o",
                dir.resolve("nokey.json").toString(),
                vector("synthetic_encrypted_7f104920.dat").toString());
        assertEquals(0, withoutKey.code(), withoutKey.err());
        assertTrue(withoutKey.err().contains("-k"), withoutKey.err());
        assertEquals(0, Files.size(dir.resolve("nokey.json")));

        Path wrong = dir.resolve("wrong.key");
        Files.writeString(wrong, "00112233445566778899aabbccddeeff");
        Run wrongKey = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-k",
                wrong.toString(),
                "-o",
                dir.resolve("w.json").toString(),
                vector("synthetic_encrypted_7f104920.dat").toString());
        assertEquals(0, wrongKey.code(), wrongKey.err());
        assertTrue(wrongKey.err().contains("wrong inverter key"), wrongKey.err());
        assertEquals(0, Files.size(dir.resolve("w.json")), "a wrong key gives no garbage readings");
    }

    @Test
    void theLargeCaptureIsReproducedByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("large.json");
        Run run = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-o",
                out.toString(),
                vector("synthetic_large.dat").toString());
        assertEquals(0, run.code(), run.err());
        byte[] expected;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(vector("synthetic_large.expected.json.gz")))) {
            expected = gz.readAllBytes();
        }
        assertArrayEquals(expected, Files.readAllBytes(out));
    }

    @Test
    void badFramesAreSkippedAndCountedButMinusXStops(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("edge.json");
        Run verbose = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-v",
                "-o",
                out.toString(),
                vector("synthetic_edge_cases.dat").toString());
        assertEquals(0, verbose.code(), verbose.err());
        assertTrue(verbose.err().contains("BAD_CRC"), verbose.err());
        Run halt = Run.of(
                "semonitor",
                "--timezone",
                "UTC",
                "-x",
                "-o",
                dir.resolve("x.json").toString(),
                vector("synthetic_edge_cases.dat").toString());
        assertEquals(1, halt.code());
        assertTrue(halt.err().contains("-x"), halt.err());
    }

    @Test
    void appendsWithMinusA(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a.json");
        String in = vector("issue135_rs485_frames.dat").toString();
        assertEquals(
                0,
                Run.of("semonitor", "--timezone", "UTC", "-o", out.toString(), in)
                        .code());
        assertEquals(
                0,
                Run.of("semonitor", "--timezone", "UTC", "-a", "-o", out.toString(), in)
                        .code());
        assertEquals(2, Files.readAllLines(out).size());
        Run missing = Run.of("semonitor", "/nonexistent.dat");
        assertEquals(2, missing.code());
    }
}
