package io.github.solarwire.tedapi.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.solarwire.core.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every response in the vectors, plain and gzipped, decodes to the JSON it was built from. */
class TedapiResponsesTest {

    static Stream<Arguments> jsonResponses() {
        return Stream.of(
                        Arguments.of("pw2", "config", "config.json"),
                        Arguments.of("pw2", "status", "status.json"),
                        Arguments.of("pw2", "controller", "controller.json"),
                        Arguments.of("pw3", "config", "config.json"),
                        Arguments.of("pw3", "status", "status.json"),
                        Arguments.of("pw3", "controller", "controller.json"),
                        Arguments.of("pw3", "components", "components_leader.json"),
                        Arguments.of("pw3", "components_device", "components_leader.json"))
                .flatMap(a -> Stream.of(
                        Arguments.of(a.get()[0], a.get()[1] + "", a.get()[2], ""),
                        Arguments.of(a.get()[0], a.get()[1] + "", a.get()[2], "_gzip")))
                .filter(a -> Vectors.path(file(a.get()[0], a.get()[1], a.get()[3]))
                        .toFile()
                        .exists());
    }

    private static String file(Object scenario, Object kind, Object suffix) {
        return "generated/" + scenario + "/wire/response_" + kind + suffix + ".bin";
    }

    @ParameterizedTest(name = "{0} {1}{3}")
    @MethodSource("jsonResponses")
    void decodesToTheInputJson(String scenario, String kind, String input, String suffix) throws ProtocolException {
        byte[] body = Vectors.bytes(file(scenario, kind, suffix));
        String json = kind.equals("config") ? TedapiResponses.configJson(body) : TedapiResponses.queryJson(body);
        JsonNode expected = Vectors.json("generated/" + scenario + "/input/" + input);
        assertEquals(expected, Vectors.parse(json));
    }

    @Test
    void everyGzipVectorIsCovered() {
        long gzip = jsonResponses().filter(a -> a.get()[3].equals("_gzip")).count();
        assertEquals(3, gzip, "pw2 config, status and controller come gzipped too");
    }

    @Test
    void firmwareAsPypowerwallRendersIt() throws ProtocolException {
        for (String suffix : List.of("", "_gzip")) {
            FirmwareInfo info = TedapiResponses.firmware(Vectors.bytes(file("pw2", "firmware", suffix)));
            JsonNode details = Vectors.json("generated/pw2/library_outputs/tedapi_firmware_details.json")
                    .get("system");
            assertEquals(details.get("din").asText(), info.din());
            assertEquals(details.at("/gateway/partNumber").asText(), info.partNumber());
            assertEquals(details.at("/gateway/serialNumber").asText(), info.serialNumber());
            assertEquals(details.at("/version/text").asText(), info.version());
            assertEquals(details.at("/version/githash").asText(), info.gitHash());
            assertEquals(4, info.deviceType());
            assertEquals(1, info.updateStatus());
            JsonNode radio = details.at("/wireless/device/0");
            assertEquals(
                    List.of(new FirmwareInfo.Radio(
                            radio.get("company").asText(),
                            radio.get("model").asText(),
                            radio.get("fcc_id").asText(),
                            radio.get("ic").asText())),
                    info.radios());
        }
        FirmwareInfo pw3 = TedapiResponses.firmware(Vectors.bytes(file("pw3", "firmware", "")));
        assertEquals(Vectors.din("pw3"), pw3.din());
    }

    @Test
    void aQueryResponseCarriesItsStatus() throws ProtocolException {
        QueryResult result = TedapiResponses.query(Vectors.bytes(file("pw2", "status", "")));
        assertEquals(QueryResult.SUCCESS, result.status());
        assertTrue(result.usable());
        assertTrue(result.errors().isEmpty());
    }

    @Test
    void theWrongPayloadSaysWhatWasExpected() {
        ProtocolException e = assertThrows(
                ProtocolException.class, () -> TedapiResponses.configJson(Vectors.bytes(file("pw2", "status", ""))));
        assertEquals("filestore (field 15)", e.expected().orElseThrow());
        assertEquals("graphql", e.found().orElseThrow());
        assertThrows(ProtocolException.class, () -> TedapiResponses.firmware(Vectors.bytes(file("pw2", "config", ""))));
        assertThrows(ProtocolException.class, () -> TedapiResponses.query(Vectors.bytes(file("pw2", "firmware", ""))));
    }

    @Test
    void garbageAndDamagedGzipAreProtocolExceptions() {
        byte[] gzip = Vectors.bytes(file("pw2", "status", "_gzip"));
        assertThrows(ProtocolException.class, () -> TedapiResponses.queryJson(Arrays.copyOf(gzip, gzip.length / 2)));
        assertThrows(ProtocolException.class, () -> TedapiResponses.queryJson(new byte[] {(byte) 0xff, 1, 2}));
        assertThrows(ProtocolException.class, () -> TedapiResponses.queryJson(new byte[0]));
        assertThrows(ProtocolException.class, () -> TedapiResponses.configJson("<html>".getBytes()));
    }

    @Test
    void aGzipBombIsCutOff() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= TedapiResponses.MAX_BODY_BYTES >> 20; i++) {
                gz.write(zeros);
            }
        }
        ProtocolException e = assertThrows(ProtocolException.class, () -> TedapiResponses.plain(out.toByteArray()));
        assertTrue(e.what().contains("too large"), e.getMessage());
    }

    @Test
    void theDinComesPlainOrGzipped() throws IOException {
        String din = Vectors.din("pw3");
        assertEquals(din, TedapiResponses.din((din + "\n").getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(din.getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(TedapiResponses.isGzip(out.toByteArray()));
        assertEquals(din, TedapiResponses.din(out.toByteArray()));
        assertThrows(ProtocolException.class, () -> TedapiResponses.din("<html>denied</html>".getBytes()));
        assertFalse(TedapiResponses.isGzip(new byte[] {0x1f}));
    }
}
