package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar se2graphite} against a stand-in carbon plaintext receiver. */
class Se2GraphiteCommandTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");

    /** The plaintext lines sent, as path to "value timestamp"; every line must be well formed. */
    private static Map<String, String> parse(String text) {
        Map<String, String> metrics = new LinkedHashMap<>();
        assertTrue(text.endsWith("\n"), text);
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ");
            assertEquals(3, parts.length, line);
            Double.parseDouble(parts[1]);
            Long.parseLong(parts[2]);
            assertEquals(null, metrics.put(parts[0], parts[1] + " " + parts[2]), "sent twice: " + line);
        }
        return metrics;
    }

    @Test
    void everyNumericAttributeGoesOverOneConnection() throws Exception {
        try (CarbonListener carbon = new CarbonListener()) {
            Run run = carbon.run(
                    "se2graphite",
                    "-b",
                    "site",
                    "--zone",
                    "UTC",
                    VECTORS.resolve("synthetic_encrypted_7f104920.expected.json")
                            .toString());
            assertEquals(0, run.code(), run.err());
            List<byte[]> connections = carbon.connections();
            assertEquals(1, connections.size());
            Map<String, String> metrics = parse(new String(connections.get(0), StandardCharsets.UTF_8));
            // 1 inverter × 12 attributes + 15 optimizers × 7: ID, Date and Time left out
            assertEquals(12 + 15 * 7, metrics.size(), metrics.keySet().toString());
            assertEquals("240.0 1700000000", metrics.get("site.inverters.7F104920.Pac"));
            assertEquals("300 1700000000", metrics.get("site.inverters.7F104920.Interval"));
            assertEquals("0.31875000000000003 1700000300", metrics.get("site.optimizers.11000001.Imod"));
            assertEquals("2205 1700000000", metrics.get("site.optimizers.114C8EDE.Uptime"));
            assertFalse(metrics.containsKey("site.optimizers.11000001.ID"));
            assertFalse(metrics.containsKey("site.optimizers.11000001.Date"));
        }
    }

    @Test
    void nanIsLeftOutAndNestedDevicesAreNamedWithDots() throws Exception {
        try (CarbonListener carbon = new CarbonListener()) {
            Run run = carbon.run(
                    "se2graphite",
                    "--zone",
                    "Europe/Berlin",
                    VECTORS.resolve("issue135_rs485_frames.expected.json").toString());
            assertEquals(0, run.code(), run.err());
            Map<String, String> metrics = parse(new String(carbon.connections().get(0), StandardCharsets.UTF_8));
            // 2019-07-17 17:34:55 in Berlin (CEST) is 15:34:55 UTC
            assertEquals("0.0 1563377695", metrics.get("meters_0x0022.73123D96.9_PVProduction.P2X"));
            assertFalse(metrics.containsKey("meters_0x0022.73123D96.9_PVProduction.PfromX"));
            assertFalse(metrics.containsKey("meters_0x0022.73123D96.9_PVProduction.Flag_off12_hex"));
        }
    }

    @Test
    void badLinesAreReportedAndTheRestSent(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.json");
        Files.writeString(
                input,
                "{\"inverters\": {\"A\": {\"Date\": \"2023-11-14\", \"Time\": \"22:13:20\", \"Pac\": 1}}}\n"
                        + "{\"inverters\": {\"A\": {\"Date\": \"yesterday\", \"Time\": \"22:13:20\", \"Pac\": 2}}}\n"
                        + "garbage\n"
                        + "{\"inverters\": {\"A\": {\"Date\": \"2023-11-14\", \"Time\": \"22:13:21\", \"Pac\": 3}}}\n");
        try (CarbonListener carbon = new CarbonListener()) {
            Run run = carbon.run("se2graphite", "--zone", "UTC", input.toString());
            assertEquals(1, run.code(), run.err());
            assertEquals(2, run.err().lines().count(), run.err());
            assertEquals(
                    "inverters.A.Pac 1 1700000000\ninverters.A.Pac 3 1700000001\n",
                    new String(carbon.connections().get(0), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnreachableCarbonIsExitCodeOne() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Run run = Run.of("se2graphite", "-H", "127.0.0.1", "-p", String.valueOf(port), "-");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("127.0.0.1:" + port), run.err());
    }
}
