package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar se2state} on the shared vectors and on input the peer crashes on. */
class Se2StateCommandTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");

    @Test
    void theVectorsStateFileIsReproducedByteForByte(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Run run = Run.of(
                "se2state",
                "-i",
                "7F104920",
                "-o",
                state.toString(),
                VECTORS.resolve("synthetic_encrypted_7f104920.expected.json").toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(
                Files.readString(VECTORS.resolve("se2state/synthetic_encrypted_7f104920.state.json")),
                Files.readString(state));
    }

    @Test
    void aThreePhaseInverterAndEventsDoNotCrashIt(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Run run = Run.of(
                "se2state",
                "-o",
                state.toString(),
                VECTORS.resolve("synthetic_all_devices.expected.json").toString());
        assertEquals(0, run.code(), run.err());
        Map<?, ?> parsed = (Map<?, ?>) PythonJson.parse(Files.readString(state));
        Map<?, ?> inverters = (Map<?, ?>) parsed.get("inverters");
        Map<?, ?> stats = (Map<?, ?>) inverters.get("stats");
        assertTrue(inverters.size() >= 3, inverters.keySet().toString());
        // the events zero the current power, stats included, as the peer does
        assertEquals(0.0, stats.get("Pac"));
        Map<?, ?> optimizerStats = (Map<?, ?>) ((Map<?, ?>) parsed.get("optimizers")).get("stats");
        assertEquals(0.0, optimizerStats.get("Vmod"));
    }

    @Test
    void anExistingStateFileIsContinued(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        String line = "{\"events\": {}, \"inverters\": {\"A\": {\"Date\": \"2023-11-14\", \"Time\": \"22:13:20\","
                + " \"Vac\": 230.0, \"Pac\": 100, \"Eac\": 1.5, \"Eday\": 10, \"Etot\": 7, \"Temp\": 30.0}},"
                + " \"optimizers\": {}}\n";
        Files.writeString(first, line);
        Files.writeString(second, line.replace("\"A\"", "\"B\"").replace("\"Pac\": 100", "\"Pac\": 50"));
        assertEquals(
                0, Run.of("se2state", "-o", state.toString(), first.toString()).code());
        Run run = Run.of("se2state", "-o", state.toString(), second.toString());
        assertEquals(0, run.code(), run.err());
        String text = Files.readString(state, StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("{\"inverters\": {\"stats\": {\"Vac\": 230.0, \"Pac\": 150, \"Eac\": 3.0,"
                        + " \"Eday\": 20, \"Etot\": 14, \"Temp\": 30.0}, \"A\": "),
                text);
        assertTrue(text.endsWith("\"optimizers\": {\"stats\": {\"Temp\": 0}}}"), text);
    }

    @Test
    void badLinesAreReportedAndSkippedWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        Path input = dir.resolve("in.json");
        Files.writeString(
                input,
                "not json\n"
                        + "[1, 2]\n"
                        + "\n"
                        + "{\"inverters\": 5}\n"
                        + "{\"events\": {}, \"inverters\": {}, \"optimizers\": {\"O\": {\"Date\": \"2023-11-14\","
                        + " \"Vmod\": 2.0, \"Imod\": 0.5, \"Temp\": 3}}}\n");
        Run run = Run.of("se2state", "-o", state.toString(), input.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(3, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("line 1: "), run.err());
        assertTrue(run.err().contains("line 4: "), run.err());
        assertTrue(Files.readString(state).contains("\"Pdc\": 1.0"), Files.readString(state));
    }

    @Test
    void theOutputFileIsRequiredAndTheInputMustExist(@TempDir Path dir) {
        assertEquals(2, Run.of("se2state", "-").code());
        Run missing = Run.of("se2state", "-o", dir.resolve("s.json").toString(), "/nonexistent/x.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
