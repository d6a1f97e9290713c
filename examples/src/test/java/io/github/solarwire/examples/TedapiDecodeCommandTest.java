package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.testkit.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar decode tedapi} on the shared vectors: the views pypowerwall's proxy served for the same documents. */
class TedapiDecodeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir(String site) {
        return TestVectors.directory("tedapi").resolve("generated").resolve(site);
    }

    private static List<String> args(String site, String view) throws Exception {
        Path in = dir(site).resolve("input");
        List<String> a = new ArrayList<>(List.of(
                "decode", "tedapi",
                "--din", Files.readString(in.resolve("din.txt")).strip(),
                "--config", in.resolve("config.json").toString(),
                "--status", in.resolve("status.json").toString(),
                "--view", view));
        if (Files.exists(in.resolve("controller.json"))) {
            a.addAll(List.of("--controller", in.resolve("controller.json").toString()));
        }
        return a;
    }

    @Test
    void aggregatesMatchTheProxysForPw2() throws Exception {
        Run run = Run.of(args("pw2", "aggregates").toArray(String[]::new));
        assertEquals(0, run.code(), run.err() + run.out());
        JsonNode ours = JSON.readTree(run.out());
        JsonNode theirs = JSON.readTree(
                dir("pw2").resolve("proxy_outputs/api_meters_aggregates.body").toFile());
        for (String meter : List.of("site", "battery", "load", "solar")) {
            assertEquals(
                    theirs.at("/" + meter + "/instant_power").asDouble(),
                    ours.at("/" + meter + "/instant_power").asDouble(),
                    1e-6,
                    meter + ": " + run.out());
        }
    }

    @Test
    void soeIsAppScaled() throws Exception {
        Run run = Run.of(args("pw2", "soe").toArray(String[]::new));
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(20.077973, JSON.readTree(run.out()).get("percentage").asDouble(), 1e-5, run.out());
    }

    @Test
    void csvIsTheProxysLine() throws Exception {
        Run run = Run.of(args("pw2", "csv").toArray(String[]::new));
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals("-2100.00,900.00,6500.00,-3500.00,24.07", run.out().strip());
    }

    @Test
    void badInputIsAnErrorLineAndAnUnknownViewAUsageError(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{not json");
        List<String> a = args("pw2", "aggregates");
        a.set(a.indexOf("--status") + 1, bad.toString());
        Run run = Run.of(a.toArray(String[]::new));
        assertEquals(1, run.code(), run.out());
        assertTrue(JSON.readTree(run.out()).has("error"), run.out());
        Run unknown = Run.of(args("pw2", "weather").toArray(String[]::new));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("aggregates"), unknown.err());
    }
}
