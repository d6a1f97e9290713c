package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar demo} end to end: simulated devices through the recorder into real files. */
class DemoCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("demo: (\\d+) readings from (\\d+) devices? appended to (.+) \\(0 dropped");

    @Test
    void writesEveryReadingOfEveryDeviceAsJsonLinesAndPrintsThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.jsonl");
        Run run = Run.of(
                "demo",
                "--duration",
                "1500ms",
                "--interval",
                "100ms",
                "--devices",
                "3",
                "--no-pvs",
                "--no-powerwall",
                "--out",
                out.toString());
        assertEquals(0, run.code(), run.err());

        List<String> lines = Files.readAllLines(out);
        Matcher summary = SUMMARY.matcher(run.out());
        assertTrue(summary.find(), run.out());
        assertEquals(lines.size(), Integer.parseInt(summary.group(1)), "summary counts the lines written");
        assertEquals("5", summary.group(2), "3 synthetic inverters and the PI30 and PIKO simulators");

        Set<String> devices = new HashSet<>();
        JsonFactory json = new JsonFactory();
        for (String line : lines) {
            try (JsonParser p = json.createParser(line)) {
                assertEquals(JsonToken.START_OBJECT, p.nextToken());
                assertEquals("time", p.nextFieldName());
                p.nextToken();
                assertEquals("device", p.nextFieldName());
                devices.add(p.nextTextValue());
                assertEquals("kind", p.nextFieldName());
                assertEquals("inverter", p.nextTextValue());
                assertEquals("values", p.nextFieldName());
                p.nextToken();
                if (!line.contains("\"device\":\"demo-pi30\"") && !line.contains("\"device\":\"demo-piko\"")) {
                    assertEquals("pv.power", p.nextFieldName());
                }
            }
            if (line.contains("\"device\":\"demo-piko\"")) {
                // Read from the PIKO simulator's web server through the HTTP client and page parser.
                assertTrue(line.contains("\"kostal.status\":"), line);
            }
            if (line.contains("\"device\":\"demo-pi30\"")) {
                // Read from the PI30 simulator through the serial link and the codec.
                assertTrue(line.contains("\"battery.soc\":") && line.contains("\"pi30.mode\":"), line);
            }
        }
        assertEquals(
                Set.of("demo-inverter-1", "demo-inverter-2", "demo-inverter-3", "demo-pi30", "demo-piko"), devices);
        assertTrue(lines.size() >= 6, "3 devices polled every 100 ms for 1.5 s gave only " + lines.size());

        long printed = run.out().lines().filter(l -> l.contains(" demo-")).count();
        assertEquals(lines.size(), printed, "every reading is printed live (output is not a terminal)");
    }

    @Test
    void appendsToAnExistingFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.jsonl");
        Files.writeString(out, "{\"earlier\":true}\n");
        Run run = Run.of("demo", "--duration", "300ms", "--interval", "100ms", "--out", out.toString(), "-q");
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("{\"earlier\":true}", lines.get(0));
        assertTrue(lines.size() >= 2);
    }

    @Test
    void quietPrintsOnlyTheSummary(@TempDir Path dir) {
        Run run = Run.of(
                "demo",
                "--duration",
                "300ms",
                "--interval",
                "100ms",
                "--out",
                dir.resolve("q.jsonl").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(SUMMARY.matcher(run.out()).find(), run.out());
    }

    @Test
    void optionsComeFromTheEnvironmentAndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path fromEnv = dir.resolve("env.jsonl");
        Path fromArgs = dir.resolve("args.jsonl");
        Map<String, String> env = Map.of(
                "SOLAR_DEMO_OUT", fromEnv.toString(),
                "SOLAR_DEMO_DURATION", "400ms",
                "SOLAR_DEMO_INTERVAL", "100ms",
                "SOLAR_DEMO_QUIET", "true",
                "SOLAR_DEMO_DEVICES", "2",
                "SOLAR_DEMO_NO_PVS", "true",
                "SOLAR_DEMO_NO_POWERWALL", "true");
        Run run = Run.of(env, "demo");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().lines().count(), "quiet came from the environment: " + run.out());
        assertTrue(run.out().contains("from 4 devices"), run.out());
        assertTrue(Files.readAllLines(fromEnv).size() >= 2);

        Run overridden = Run.of(env, "demo", "--out", fromArgs.toString(), "--devices", "1");
        assertEquals(0, overridden.code(), overridden.err());
        assertTrue(overridden.out().contains("from 3 devices appended to " + fromArgs), overridden.out());
        assertTrue(Files.exists(fromArgs));
    }

    @Test
    void alsoWritesCsvPerDeviceKind(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("csv");
        Run run = Run.of(
                "demo",
                "--duration",
                "500ms",
                "--interval",
                "100ms",
                "--out",
                dir.resolve("d.jsonl").toString(),
                "--csv",
                csv.toString(),
                "--no-pvs",
                "--no-powerwall",
                "-q");
        assertEquals(0, run.code(), run.err());
        List<String> rows = Files.readAllLines(csv.resolve("inverter.csv"));
        assertTrue(rows.get(0).startsWith("time,device,pv.power,"), rows.get(0));
        assertEquals(Files.readAllLines(dir.resolve("d.jsonl")).size(), rows.size() - 1);
    }

    @Test
    void readsThePvsSimulatorThroughVarserverAndItsTelemetryWebSocket(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pvs.jsonl");
        Run run = Run.of(
                "demo",
                "--duration",
                "3s",
                "--interval",
                "100ms",
                "--no-pi30",
                "--no-kostal",
                "--no-powerwall",
                "--out",
                out.toString(),
                "-q");
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("\"device\":\"demo-pvs\",\"kind\":\"site\"")
                                && l.contains("\"load.power\":")),
                "site totals from the telemetry WebSocket");
        long inverters = lines.stream()
                .filter(l -> l.contains("\"kind\":\"inverter\"") && !l.contains("demo-inverter"))
                .map(l -> l.substring(l.indexOf("\"device\":"), l.indexOf(",\"kind\"")))
                .distinct()
                .count();
        assertEquals(4, inverters, "the four PVS inverters polled through varserver");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"meter\"")), "the PVS meters");
    }

    @Test
    void readsThePowerwallGatewaySimulatorOverPinnedHttps(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pw.jsonl");
        Run run = Run.of(
                "demo",
                "--duration",
                "2s",
                "--interval",
                "100ms",
                "--no-pi30",
                "--no-kostal",
                "--no-pvs",
                "--out",
                out.toString(),
                "-q");
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.contains("\"device\":\"demo-powerwall\",\"kind\":\"site\"")
                                && l.contains("\"battery.soc\":")
                                && l.contains("\"tedapi.grid_status\":")),
                "the site from the gateway simulator: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"kind\":\"battery\"")), "the battery blocks");
    }
}
