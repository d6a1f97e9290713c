package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code solar decode solaredge}: one JSON object per frame or skipped span. */
class SolarEdgeDecodeCommandTest {

    private static Path vector(String name) {
        return TestVectors.directory("solaredge").resolve(name);
    }

    private static List<String> lines(Run run) {
        return run.out().lines().toList();
    }

    @Test
    void theRealIssue135FramesFromHex() throws Exception {
        String hex = HexFormat.of().formatHex(Files.readAllBytes(vector("issue135_rs485_frames.dat")));
        Run run = Run.of("decode", "solaredge", "--timezone", "UTC", "--hex", hex);
        assertEquals(0, run.code(), run.err());
        List<String> lines = lines(run);
        assertEquals(2, lines.size(), run.out());
        assertEquals(
                "{\"offset\": 0, \"sequence\": 13720, \"source\": \"FFFFFFFE\", \"destination\": \"73123D96\","
                        + " \"function\": \"0x0302\", \"name\": \"CMD_POLESTAR_MASTER_GRANT\", \"length\": 0}",
                lines.get(0));
        String expected =
                Files.readString(vector("issue135_rs485_frames.expected.json")).strip();
        assertEquals(
                "{\"offset\": 22, \"sequence\": 885, \"source\": \"73123D96\", \"destination\": \"FFFFFFFE\","
                        + " \"function\": \"0x0500\", \"name\": \"CMD_SERVER_POST_DATA\", \"length\": 66,"
                        + " \"telemetry\": " + expected + "}",
                lines.get(1),
                "the 0x0500 payload is semonitor's own line");
    }

    @Test
    void theCommandSessionShowsTheParameterReadsAndReplies() {
        Run run = Run.of(
                "decode",
                "solaredge",
                "--file",
                vector("synthetic_cmd_session.rec").toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = lines(run);
        assertEquals(8, lines.size());
        assertTrue(
                lines.get(0)
                        .endsWith("\"function\": \"0x0012\", \"name\": \"CMD_PARAMS_GET_SINGLE\","
                                + " \"length\": 2, \"data\": {\"param\": 569}}"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"source\": \"7F104920\", \"destination\": \"FFFFFFFE\""), lines.get(1));
        assertTrue(lines.get(1).endsWith("\"data\": {\"value\": 589666785, \"type\": 0}}"), lines.get(1));
    }

    @Test
    void theEdgeCasesReportEverySkippedSpan() {
        Run run = Run.of(
                "decode",
                "solaredge",
                "--timezone",
                "UTC",
                "--file",
                vector("synthetic_edge_cases.dat").toString());
        assertEquals(1, run.code(), "skipped spans make exit code 1");
        String out = run.out();
        for (String reason : new String[] {"\"garbage\"", "\"bad_crc\"", "\"bad_length\""}) {
            assertTrue(out.contains("\"reason\": " + reason), reason + " in " + out);
        }
        long telemetry =
                lines(run).stream().filter(l -> l.contains("\"telemetry\"")).count();
        assertEquals(2, telemetry, "the two good 0x0500 frames with records: " + out);
        long empty = lines(run).stream()
                .filter(l -> l.contains("\"0x0500\"") && l.endsWith("\"length\": 0}"))
                .count();
        assertEquals(1, empty, "the empty 0x0500");
        long covered = 0;
        for (String l : lines(run)) {
            assertTrue(l.startsWith("{\"offset\": " + covered + ","), "contiguous: " + l);
            covered = nextOffset(l);
        }
    }

    private static long nextOffset(String line) {
        long offset = Long.parseLong(line.replaceAll("^\\{\"offset\": (\\d+),.*", "$1"));
        if (line.contains("\"skipped\": ")) {
            return offset + Long.parseLong(line.replaceAll(".*\"skipped\": (\\d+),.*", "$1"));
        }
        return offset + 22 + Long.parseLong(line.replaceAll(".*\"length\": (\\d+).*", "$1"));
    }

    @Test
    void badInputIsAUsageError() {
        Run both = Run.of("decode", "solaredge", "--hex", "00", "--file", "-");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exactly one of --hex, --file"), both.err());
        Run odd = Run.of("decode", "solaredge", "--hex", "123");
        assertEquals(2, odd.code());
        assertTrue(odd.err().contains("--hex"), odd.err());
    }

    @Test
    void aPayloadThatDoesNotFitItsLayoutIsAnError() {
        // a 0x0090 reply with 2 payload bytes instead of 6
        byte[] frame = new io.github.solarwire.solaredge.codec.SeFrame(
                        1,
                        0x7F104920L,
                        0xFFFFFFFEL,
                        io.github.solarwire.solaredge.codec.FunctionCode.PARAMS_SINGLE,
                        new byte[] {1, 2})
                .encode();
        Run run = Run.of("decode", "solaredge", "--hex", HexFormat.of().formatHex(frame));
        assertEquals(1, run.code());
        assertTrue(run.out().contains("\"data\": \"0102\", \"error\": "), run.out());
    }
}
