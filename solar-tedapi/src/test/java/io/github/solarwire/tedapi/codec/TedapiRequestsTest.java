package io.github.solarwire.tedapi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every request pypowerwall sent, rebuilt byte for byte from the DIN and the shipped query sets. */
class TedapiRequestsTest {

    private static final QuerySets SETS = QuerySets.shipped();
    private static final String PW3_FOLLOWER = "1707000-11-J--TG1234567890CD";

    static Stream<Arguments> scenarios() {
        return Stream.of("pw2", "pw3")
                .flatMap(s -> Stream.of(
                        Arguments.of(s, "config"),
                        Arguments.of(s, "firmware"),
                        Arguments.of(s, "status"),
                        Arguments.of(s, "controller")));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void rebuildsTheRequestsPypowerwallSent(String scenario, String kind) {
        String din = Vectors.din(scenario);
        byte[] built = switch (kind) {
            case "config" -> TedapiRequests.config(din);
            case "firmware" -> TedapiRequests.firmware(din);
            case "status" -> TedapiRequests.query(din, SETS.get(QuerySetVersion.V2024_06, QueryRole.STATUS));
            default -> TedapiRequests.query(din, SETS.get(QuerySetVersion.V2024_06, QueryRole.CONTROLLER));
        };
        assertArrayEquals(Vectors.bytes("generated/" + scenario + "/wire/request_" + kind + ".bin"), built);
    }

    @Test
    void componentsInTheLeaderFormAndRoutedToAUnit() {
        String leader = Vectors.din("pw3");
        SignedQuery components = SETS.get(QuerySetVersion.V2024_06, QueryRole.COMPONENTS);
        assertArrayEquals(
                Vectors.bytes("generated/pw3/wire/request_components.bin"),
                TedapiRequests.components(leader, components));
        assertArrayEquals(
                Vectors.bytes("generated/pw3/wire/request_components_device.bin"),
                TedapiRequests.components(leader, leader, components));
    }

    @Test
    void aRoutedRequestNamesLeaderAndTargetWithTailTwo() {
        String leader = Vectors.din("pw3");
        byte[] routed = TedapiRequests.components(
                leader, PW3_FOLLOWER, SETS.get(QuerySetVersion.V2024_06, QueryRole.COMPONENTS));
        String hex = HexFormat.of().formatHex(routed);
        assertEquals(
                "0801" + "121e0a1c" + HexFormat.of().formatHex(leader.getBytes()) + "1a1e0a1c"
                        + HexFormat.of().formatHex(PW3_FOLLOWER.getBytes()),
                hex.substring(hex.indexOf("0801"), hex.indexOf("0801") + 4 + 2 * 64));
        assertEquals("12020802", hex.substring(hex.length() - 8));
        assertEquals("/tedapi/device/" + PW3_FOLLOWER + "/v1", TedapiRequests.devicePath(PW3_FOLLOWER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DeviceControllerQuery", "PW3Query", "GridCodesQuery"})
    void rebuildsTheV2026Requests(String operation) {
        SignedQuery query = SETS.byName(QuerySetVersion.V2026_06, operation).orElseThrow();
        assertArrayEquals(
                Vectors.bytes("generated/v2026_requests/request_" + operation + "_V2026_06.bin"),
                TedapiRequests.query(Vectors.din("pw3"), query));
    }

    @Test
    void theConfigRequestHasTheDocumentedLayout() {
        String din = Vectors.din("pw2");
        byte[] config = TedapiRequests.config(din);
        assertEquals(63, config.length);
        assertEquals(
                "0a390801120218011a1e0a1c" + HexFormat.of().formatHex(din.getBytes()) + "7a110a0f0801120b"
                        + HexFormat.of().formatHex("config.json".getBytes()) + "12020801",
                HexFormat.of().formatHex(config));
        byte[] firmware = TedapiRequests.firmware(din);
        assertEquals(48, firmware.length);
        assertEquals("2202120012020801", HexFormat.of().formatHex(firmware, 40, 48));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "TG 1", "../x"})
    void refusesWhatIsNotADin(String din) {
        assertThrows(IllegalArgumentException.class, () -> TedapiRequests.config(din));
        assertThrows(IllegalArgumentException.class, () -> TedapiRequests.devicePath(din));
    }

    @Test
    void v2024QueriesAreSentAsVersionOneSignedQueries() {
        SignedQuery status = SETS.get(QuerySetVersion.V2024_06, QueryRole.STATUS);
        assertEquals(0, status.version());
        assertEquals(0, status.signedBytes().length);
        byte[] bytes = status.queryBytes();
        assertEquals(0x08, bytes[0]);
        assertEquals(0x01, bytes[1]);
    }
}
