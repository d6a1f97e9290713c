package io.github.solarwire.tedapi.view;

import static io.github.solarwire.tedapi.view.TedapiVectors.PW2;
import static io.github.solarwire.tedapi.view.TedapiVectors.PW3;
import static io.github.solarwire.tedapi.view.TedapiVectors.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Partial snapshots give views with null or absent fields, never an exception. */
class MissingDataTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nothingButTheDin() {
        GatewaySnapshot s =
                GatewaySnapshot.builder(" 1232100-00-E--TG123456789ABC\n").build();
        AllViews.computeAll(s);
        assertEquals("1232100-00-E--TG123456789ABC", s.din());
        assertTrue(LegacyViews.aggregates(s).isEmpty());
        assertArrayEquals(utf8("null"), LegacyViews.aggregatesJson(s));
        assertArrayEquals(utf8("null"), LegacyViews.soeJson(s));
        assertArrayEquals(utf8("null"), LegacyViews.gridStatusJson(s));
        assertArrayEquals(utf8("null"), LegacyViews.siteInfoJson(s));
        assertArrayEquals(utf8("null"), LegacyViews.statusJson(s));
        assertArrayEquals(utf8("[]"), LegacyViews.alertsJson(s));
        assertEquals("0.00,0.00,0.00,0.00,0.00,0,0\n", LegacyViews.csvV2(s, false, true));
        // Even without data pypowerwall emits the gateway blocks; so do we.
        assertTrue(LegacyViews.vitals(s).keys().contains("STSTSM--1232100-00-E--TG123456789ABC"));
        assertTrue(LegacyViews.vitals(s).keys().contains("TESYNC--None--None"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"control\":{},\"esCan\":{\"bus\":{}}}", "{\"control\":null,\"esCan\":[1,2]}"})
    void emptyStatus(String status) throws Exception {
        GatewaySnapshot s = GatewaySnapshot.builder("din")
                .config(input(PW3, "config.json"))
                .status(utf8(status))
                .build();
        AllViews.computeAll(s);
        MeterAggregates a = LegacyViews.aggregates(s).orElseThrow();
        assertEquals(null, a.site().instantPower());
        assertEquals(null, a.site().instantAverageCurrent());
        assertEquals("site: voltage/current from unknown", a.site().disclaimer());
        assertTrue(LegacyViews.soe(s).isEmpty());
        assertTrue(LegacyViews.gridStatus(s).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {PW2, PW3})
    void withoutTheFullQueryOrComponents(String scenario) throws Exception {
        GatewaySnapshot s = GatewaySnapshot.builder(TedapiVectors.din(scenario))
                .config(input(scenario, "config.json"))
                .status(input(scenario, "status.json"))
                .build();
        AllViews.computeAll(s);
        assertTrue(LegacyViews.fans(s).isEmpty());
        if (PW3.equals(scenario)) {
            // Without ComponentsQuery results a PW3 has no PVAC, TEPINV or TEPOD blocks.
            assertTrue(LegacyViews.strings(s).isEmpty());
            assertTrue(LegacyViews.batteryBlocks(s).stream().allMatch(b -> "BatteryExpansion".equals(b.type())));
        }
    }

    @Test
    void pw3WithOnlyTheFollowerAndBrokenComponents() throws Exception {
        GatewaySnapshot s = GatewaySnapshot.builder(TedapiVectors.PW3_LEADER)
                .config(input(PW3, "config.json"))
                .status(input(PW3, "status.json"))
                .components(
                        TedapiVectors.PW3_LEADER,
                        utf8("{\"components\":{\"pch\":[{\"signals\":[{\"name\":1},"
                                + "{\"name\":\"PCH_PvVoltageA\",\"value\":\"x\"}]}],\"bms\":[{},null,5],\"hvp\":7}}"))
                .components(TedapiVectors.PW3_FOLLOWER, input(PW3, "components_follower.json"))
                .build();
        AllViews.computeAll(s);
        List<BatteryBlock> blocks = LegacyViews.batteryBlocks(s);
        assertEquals(3, blocks.size());
        assertEquals(null, blocks.get(0).pOutKw());
        assertEquals("Unknown", LegacyViews.strings(s).get("A").state());
    }

    @Test
    void snapshotCopiesItsTrees() throws Exception {
        ObjectNode config = (ObjectNode) TedapiVectors.parse(input(PW2, "config.json"));
        GatewaySnapshot s = GatewaySnapshot.builder("din").config(config).build();
        config.put("vin", "changed");
        ((ObjectNode) s.config()).put("vin", "changed too");
        JsonNode vin = s.config().get("vin");
        assertEquals("1232100-00-E--TG123456789ABC", vin.asText());
        assertEquals(null, s.status());
        assertEquals(null, s.components("nope"));
    }
}
