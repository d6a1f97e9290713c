package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The frames in every SolarEdge vector file, as its README states them. */
class SeFramesVectorTest {

    private static final long INVERTER = 0x7F104920L;

    static Path vector(String name) {
        return TestVectors.directory("solaredge").resolve(name);
    }

    static byte[] read(String name) throws IOException {
        return Files.readAllBytes(vector(name));
    }

    static Stream<String> streams() {
        return Stream.of(
                "issue135_rs485_frames.dat",
                "synthetic_all_devices.dat",
                "synthetic_edge_cases.dat",
                "synthetic_encrypted_7f104920.dat",
                "synthetic_large.dat",
                "synthetic_cmd_session.rec",
                "synthetic_server_session.rec");
    }

    @ParameterizedTest
    @MethodSource("streams")
    void everyFrameReEncodesToItsExactBytes(String name) throws IOException {
        byte[] bytes = read(name);
        Collected c = Collected.scan(bytes, SeFrame.MAX_LENGTH);
        assertEquals(bytes.length, c.coveredLength());
        long at = 0;
        for (Object e : c.events) {
            if (e instanceof SeFrame f) {
                byte[] wire = Arrays.copyOfRange(bytes, (int) at, (int) at + f.length());
                assertArrayEquals(wire, f.encode(), name + " at " + at);
                assertEquals(f, assertDecodes(wire));
                at += f.length();
            } else {
                at += ((SeSkip) e).length();
            }
        }
        SeScan scan = SeFrames.scan(bytes);
        assertEquals(c.frames, scan.frames());
        assertEquals(c.skips, scan.skips());
    }

    /**
     * semonitor writes one JSON line per 0x0500 frame with a payload, so its expected output counts
     * the valid non-empty 0x0500 frames.
     */
    @ParameterizedTest
    @CsvSource({
        "issue135_rs485_frames.dat, issue135_rs485_frames.expected.json",
        "synthetic_all_devices.dat, synthetic_all_devices.expected.json",
        "synthetic_edge_cases.dat, synthetic_edge_cases.expected.json",
        "synthetic_large.dat, synthetic_large.expected.json.gz"
    })
    void oneSemonitorLinePerNonEmptyPost(String stream, String expected) throws IOException {
        long posts = SeFrames.scan(read(stream)).frames().stream()
                .filter(f -> f.function().equals(FunctionCode.SERVER_POST_DATA) && f.payloadLength() > 0)
                .count();
        assertEquals(lines(vector(expected)), posts);
    }

    @Test
    void issue135() throws IOException {
        byte[] bytes = read("issue135_rs485_frames.dat");
        assertEquals(0x4C45, SeCrc.ofFrame(bytes, 22, 66));
        SeScan scan = SeFrames.scan(bytes);
        assertEquals(List.of(), scan.skips());
        SeFrame grant = scan.frames().get(0);
        assertEquals(
                new SeFrame(0x3598, SeFrame.MASTER_ADDRESS, 0x73123D96L, FunctionCode.MASTER_GRANT, new byte[0]),
                grant);
        SeFrame post = scan.frames().get(1);
        assertEquals(0x0375, post.sequence());
        assertEquals(0x73123D96L, post.source());
        assertEquals(SeFrame.MASTER_ADDRESS, post.destination());
        assertEquals(FunctionCode.SERVER_POST_DATA, post.function());
        assertEquals(66, post.payloadLength());
        assertEquals(2, scan.frames().size());
    }

    @Test
    void allDevices() throws IOException, ProtocolException {
        SeScan scan = SeFrames.scan(read("synthetic_all_devices.dat"));
        assertEquals(List.of(), scan.skips());
        assertEquals(List.of(0x0501, 0x0580, 0x0500, 0x0080, 0x0500, 0x0080), codes(scan));
        assertEquals(List.of(0x0101, 0x0101, 0x0102, 0x0102, 0x0103, 0x0103), sequences(scan));
        assertEquals(
                new ServerGmtResponse(1_700_000_000L, -28_800),
                SePayload.decode(scan.frames().get(1)).orElseThrow());
        assertEquals(INVERTER, scan.frames().get(0).source());
        assertEquals(INVERTER, scan.frames().get(1).destination());
    }

    @Test
    void edgeCasesSkipGarbageBadCrcAndBadComplement() throws IOException {
        SeScan scan = SeFrames.scan(read("synthetic_edge_cases.dat"));
        assertEquals(List.of(0x0200, 0x0203, 0x0204), sequences(scan));
        assertEquals(List.of(0x0500, 0x0500, 0x0500), codes(scan));
        assertEquals(0, scan.frames().get(1).payloadLength());
        assertEquals(
                List.of(
                        new SeSkip(SeSkip.Reason.GARBAGE, 0, 10),
                        new SeSkip(SeSkip.Reason.GARBAGE, 53, 3),
                        new SeSkip(SeSkip.Reason.BAD_CRC, 56, 43),
                        new SeSkip(SeSkip.Reason.BAD_LENGTH, 99, 43),
                        new SeSkip(SeSkip.Reason.GARBAGE, 164, 8)),
                scan.skips());
        assertEquals(21, scan.skippedBytes(SeSkip.Reason.GARBAGE));
        assertEquals(1, scan.skipCount(SeSkip.Reason.BAD_CRC));
        assertEquals(1, scan.skipCount(SeSkip.Reason.BAD_LENGTH));
    }

    @Test
    void encryptedSessionFramesInTheClear() throws IOException {
        SeScan scan = SeFrames.scan(read("synthetic_encrypted_7f104920.dat"));
        assertEquals(List.of(), scan.skips());
        assertEquals(List.of(0x0503, 0x0080, 0x003D, 0x003D), codes(scan));
        assertEquals(
                List.of(34, 0, 177, 338),
                scan.frames().stream().map(SeFrame::payloadLength).toList());
        assertEquals(
                "SESSION_KEY_MATERIAL",
                scan.frames().get(0).function().knownName().orElseThrow());
    }

    @Test
    void largeHas2880PostsEachAcknowledged() throws IOException {
        SeScan scan = SeFrames.scan(read("synthetic_large.dat"));
        assertEquals(List.of(), scan.skips());
        assertEquals(5760, scan.frames().size());
        for (int i = 0; i < 2880; i++) {
            SeFrame post = scan.frames().get(2 * i);
            SeFrame ack = scan.frames().get(2 * i + 1);
            assertEquals(FunctionCode.SERVER_POST_DATA, post.function());
            assertEquals(i + 1, post.sequence());
            assertEquals(post.reply(FunctionCode.ACK, new byte[0]), ack);
        }
    }

    @Test
    void commandSessionMatchesSemonitorsOutput() throws IOException, ProtocolException {
        SeScan scan = SeFrames.scan(read("synthetic_cmd_session.rec"));
        assertEquals(List.of(), scan.skips());
        List<String> expected = Files.readAllLines(vector("synthetic_cmd_session.expected.jsonl"));
        Pattern line = Pattern.compile(
                "\\{\"command\": (\\d+), \"data\": \\{\"type\": (\\d+), \"value\": (\\d+)\\}, \"response\": (\\d+), \"sequence\": (\\d+)\\}");
        assertEquals(4, expected.size());
        assertEquals(8, scan.frames().size());
        for (int i = 0; i < 4; i++) {
            Matcher m = line.matcher(expected.get(i));
            assertTrue(m.matches(), expected.get(i));
            SeFrame request = scan.frames().get(2 * i);
            SeFrame response = scan.frames().get(2 * i + 1);
            assertEquals(Integer.parseInt(m.group(1)), request.function().code());
            assertEquals(Integer.parseInt(m.group(4)), response.function().code());
            assertEquals(Integer.parseInt(m.group(5)), request.sequence());
            assertEquals(request.sequence(), response.sequence());
            assertEquals(
                    new ParamGetRequest(0x0239 + i), SePayload.decode(request).orElseThrow());
            assertEquals(
                    new ParamResponse(Long.parseLong(m.group(3)), Integer.parseInt(m.group(2))),
                    SePayload.decode(response).orElseThrow());
            assertEquals(SeFrame.MASTER_ADDRESS, request.source());
            assertEquals(INVERTER, request.destination());
        }
    }

    @Test
    void serverSessionRecordingSplitsTheInputFrames() throws IOException {
        // semonitor's network-mode record writes each reply inside the next input frame, after its
        // magic (vectors README): those magics fail their complement, the replies inside are found.
        SeScan scan = SeFrames.scan(read("synthetic_server_session.rec"));
        assertEquals(List.of(0x0501, 0x0580, 0x0080), codes(scan));
        assertEquals(2, scan.skipCount(SeSkip.Reason.BAD_LENGTH));
        assertEquals(0, scan.skipCount(SeSkip.Reason.BAD_CRC));
    }

    private static long lines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank()).count();
        }
    }

    private static SeFrame assertDecodes(byte[] wire) {
        try {
            return SeFrame.decode(wire);
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Integer> codes(SeScan scan) {
        List<Integer> codes = new ArrayList<>();
        scan.frames().forEach(f -> codes.add(f.function().code()));
        return codes;
    }

    private static List<Integer> sequences(SeScan scan) {
        return scan.frames().stream().map(SeFrame::sequence).toList();
    }
}
