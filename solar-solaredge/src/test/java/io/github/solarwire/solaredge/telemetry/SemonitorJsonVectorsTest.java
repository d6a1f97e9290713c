package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The semonitor JSON lines of the unencrypted vectors, reproduced byte for byte (TZ=UTC). */
class SemonitorJsonVectorsTest {

    private static final Path DIR = TestVectors.directory("solaredge");

    @ParameterizedTest
    @ValueSource(strings = {"issue135_rs485_frames", "synthetic_all_devices", "synthetic_edge_cases"})
    void reproducesExpectedLines(String name) throws IOException {
        String expected = Files.readString(DIR.resolve(name + ".expected.json"), StandardCharsets.ISO_8859_1);
        assertEquals(expected, lines(Files.readAllBytes(DIR.resolve(name + ".dat"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic_large"})
    void reproducesLargeStream(String name) throws IOException {
        byte[] expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve(name + ".expected.json.gz")))) {
            expected = in.readAllBytes();
        }
        String actual = lines(Files.readAllBytes(DIR.resolve(name + ".dat")));
        assertEquals(16_242_577, expected.length);
        assertTrue(
                actual.equals(new String(expected, StandardCharsets.ISO_8859_1)),
                "the 2,880 lines differ from semonitor's");
    }

    private static String lines(byte[] stream) {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (byte[] payload : MessageStream.telemetryPayloads(stream)) {
            TelemetryBatch batch = Telemetry.parse(payload);
            batch.errors().forEach(e -> errors.add(e.getMessage()));
            out.append(SemonitorJson.line(batch.records(), ZoneOffset.UTC)).append('\n');
        }
        assertEquals(List.of(), errors);
        return out.toString();
    }
}
