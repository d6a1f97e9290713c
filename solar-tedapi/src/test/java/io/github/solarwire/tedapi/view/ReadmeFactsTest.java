package io.github.solarwire.tedapi.view;

import static io.github.solarwire.tedapi.view.TedapiVectors.PW2;
import static io.github.solarwire.tedapi.view.TedapiVectors.PW3;
import static io.github.solarwire.tedapi.view.TedapiVectors.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "facts to use as test assertions" of {@code shared/vectors/tedapi/README.md}. */
class ReadmeFactsTest {

    @Test
    void pw2() {
        GatewaySnapshot s = snapshot(PW2);
        assertEquals(24.074074, LegacyViews.rawSoe(s).orElseThrow(), 1e-6);
        assertEquals(6500.0 / 27000 * 100, LegacyViews.rawSoe(s).orElseThrow(), 1e-12);
        assertEquals(20.077973, LegacyViews.soe(s).orElseThrow(), 1e-6);
        assertEquals("-2100.00,900.00,6500.00,-3500.00,24.07\n", LegacyViews.csv(s, false, true));
        PvString a = LegacyViews.strings(s).get("A");
        assertEquals(4815.0, a.power(), 1e-9);
        assertEquals(385.2 * 12.5, a.power(), 1e-9);
        assertEquals("PV_Active", a.state());
        assertEquals(true, a.connected());
        // pypowerwall's get_reserve() raises TypeError here (no backup_reserve_percent); we report null.
        JsonNode operation = TedapiVectors.parse(LegacyViews.operationJson(s));
        assertTrue(operation.get("backup_reserve_percent").isNull());
        assertTrue(LegacyViews.csvV2(s, false, true).endsWith(",0,0\n"));
        // pypowerwall's /api/site_info is all nulls; ours reads site_info.
        SiteInfo info = LegacyViews.siteInfo(s).orElseThrow();
        assertEquals("Tesla Energy Gateway", info.siteName());
        assertEquals("America/Los_Angeles", info.timezone());
    }

    @Test
    void pw3() {
        GatewaySnapshot s = snapshot(PW3);
        assertEquals(50.0, LegacyViews.rawSoe(s).orElseThrow(), 1e-12);
        assertEquals(47.368421, LegacyViews.soe(s).orElseThrow(), 1e-6);
        assertEquals(
                24.0,
                TedapiVectors.parse(LegacyViews.operationJson(s))
                        .get("backup_reserve_percent")
                        .doubleValue());
        assertEquals(
                20.0,
                TedapiVectors.parse(LegacyViews.podJson(s))
                        .get("backup_reserve_percent")
                        .doubleValue(),
                1e-9);
        assertEquals("120.00,1800.00,3680.00,-2000.00,50.00,1,20\n", LegacyViews.csvV2(s, false, true));

        Vitals vitals = LegacyViews.vitals(s);
        JsonNode expansion = vitals.device("TEPOD--1807000-10-B--TG125035000A5E");
        assertEquals(6800, expansion.get("POD_nom_energy_remaining").intValue());
        assertEquals(13700, expansion.get("POD_nom_full_pack_energy").intValue());
        // PINV_Pout is kW (PCH_BatteryPower / 1000), PVAC_Pout is W.
        assertEquals(
                -1.0,
                vitals.device("TEPINV--" + TedapiVectors.PW3_LEADER)
                        .get("PINV_Pout")
                        .doubleValue());
        assertEquals(
                -1000.0,
                vitals.device("PVAC--" + TedapiVectors.PW3_LEADER)
                        .get("PVAC_Pout")
                        .doubleValue());
        List<BatteryBlock> blocks = LegacyViews.batteryBlocks(s);
        assertEquals(-1.0, blocks.get(0).pOutKw());

        Map<String, PvString> strings = LegacyViews.strings(s);
        assertEquals(
                List.of("A", "B", "C", "D", "E", "F", "A1", "B1", "C1", "D1", "E1", "F1"),
                List.copyOf(strings.keySet()));
        assertEquals("Pv_Active_Parallel", strings.get("B1").state());
        assertEquals(true, strings.get("B1").connected());
        assertEquals(0.0, strings.get("E").voltage());
    }
}
