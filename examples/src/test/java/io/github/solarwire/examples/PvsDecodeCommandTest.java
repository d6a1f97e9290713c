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

/** {@code solar decode pvs} on the shared vectors and on bad input. */
class PvsDecodeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String vector(String file) {
        return TestVectors.directory("pvs").resolve(file).toString();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void aTelemetryFrameBecomesTheSiteReadingInWatts() throws Exception {
        Run run = Run.of("decode", "pvs", "--ws", vector("websocket/power_notification.pvs_recorder.json"));
        assertEquals(0, run.code(), run.err());
        List<JsonNode> readings = lines(run.out());
        assertEquals(1, readings.size(), run.out());
        JsonNode r = readings.get(0);
        assertEquals(6559.0014648437509, r.at("/values/pv.power").asDouble(), 1e-9, run.out());
        assertEquals(-4385.7470703125, r.at("/values/grid.power").asDouble(), 1e-9, run.out());
        assertEquals(2173.2543945312505, r.at("/values/load.power").asDouble(), 1e-9, run.out());
        assertEquals(33203250.0, r.at("/values/pv.energy.total").asDouble(), 1e-3, run.out());
        assertTrue(r.at("/values/battery.power").isMissingNode(), run.out());
        assertTrue(run.out().contains("2025-07-28T19:19:56Z"), run.out());
    }

    @Test
    void framesOnePerLineWithABadOneInTheMiddle(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("frames.jsonl");
        Files.writeString(
                file,
                "{\"notification\":\"power\",\"params\":{\"time\":1753730396,\"pv_p\":1.5}}\n"
                        + "{\"notification\":\"power\",\"params\":{\"time\":\n"
                        + "{\"notification\":\"power\",\"params\":{\"time\":1753730397,\"pv_p\":1.25,\"soc\":0.5,"
                        + "\"ess_p\":\"nan\"}}\n");
        Run run = Run.of("decode", "pvs", "--ws", file.toString());
        assertEquals(1, run.code(), run.out());
        List<JsonNode> out = lines(run.out());
        assertEquals(3, out.size(), run.out());
        assertEquals(1500.0, out.get(0).at("/values/pv.power").asDouble());
        assertTrue(out.get(1).get("error").asText().startsWith("line 2: "), run.out());
        assertEquals(1250.0, out.get(2).at("/values/pv.power").asDouble());
        assertEquals(50.0, out.get(2).at("/values/battery.soc").asDouble());
        assertTrue(out.get(2).at("/values/battery.power").isMissingNode(), run.out());
    }

    @Test
    void aDeviceListGivesOneReadingPerDevice() throws Exception {
        Run run = Run.of("decode", "pvs", "--devicelist", vector("dl_cgi/devicelist.ha-esunpower.2025-07-20.json"));
        assertEquals(0, run.code(), run.err());
        List<JsonNode> readings = lines(run.out());
        assertEquals(33, readings.size());
        double ac = 0;
        for (JsonNode r : readings) {
            if (r.path("kind").asText().equals("inverter")) {
                ac += r.at("/values/ac.power").asDouble();
            }
        }
        assertEquals(8147.7, ac, 1e-6, run.out());
    }

    @Test
    void aVarserverAnswerGivesLiveDataAndDevices() throws Exception {
        Run live = Run.of(
                "decode",
                "pvs",
                "--vars",
                vector("varserver/localapi_doc_examples/vars_match_livedata_fmt_obj_cache_ldata.json"));
        assertEquals(0, live.code(), live.err());
        JsonNode site = lines(live.out()).get(0);
        assertEquals(15.622, site.at("/values/pv.power").asDouble(), 1e-6, live.out());

        Run meters = Run.of(
                "decode",
                "pvs",
                "--vars",
                vector("varserver/localapi_doc_examples/vars_match_meter_data_fmt_obj.json"));
        assertEquals(0, meters.code(), meters.err());
        assertTrue(lines(meters.out()).size() >= 2, meters.out());
    }

    @Test
    void badInputIsAnErrorLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("403.json");
        Files.writeString(file, "{\"status\":403,\"error\":\"Unauthorized\",\"path\":\"\"}");
        Run run = Run.of("decode", "pvs", "--devicelist", file.toString());
        assertEquals(1, run.code());
        assertTrue(lines(run.out()).get(0).get("error").asText().contains("refused"), run.out());
    }

    @Test
    void exactlyOneInputIsRequired() {
        Run none = Run.of("decode", "pvs");
        assertEquals(2, none.code());
        Run two = Run.of("decode", "pvs", "--ws", "-", "--vars", "-");
        assertEquals(2, two.code());
        Run missing = Run.of("decode", "pvs", "--ws", "/nonexistent/file");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
