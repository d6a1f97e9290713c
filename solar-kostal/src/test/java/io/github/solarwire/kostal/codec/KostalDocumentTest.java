package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kostal2mqtt document and the core reading. */
class KostalDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void piko36Document() throws Exception {
        String json = KostalDocument.toJson(PikoStatusPage.parse(Vectors.bytes(Vectors.PIKO36)));
        assertEquals(
                "{\"PIKO\":{\"ENERGY\":{\"actual\":2336,\"total\":33523,\"daily\":11.71},"
                        + "\"IN\":{\"STRING1\":{\"voltage\":338,\"current\":3.88,\"state\":1},"
                        + "\"STRING2\":{\"voltage\":336,\"current\":3.97,\"state\":1},"
                        + "\"STRING3\":{\"voltage\":null,\"current\":null,\"state\":null}},"
                        + "\"OUT\":{\"PHASE1\":{\"voltage\":236,\"power\":2336,\"state\":1},"
                        + "\"PHASE2\":{\"voltage\":null,\"power\":null,\"state\":null},"
                        + "\"PHASE3\":{\"voltage\":null,\"power\":null,\"state\":null}},"
                        + "\"STATE\":{\"string\":\"supply MPP\",\"binary\":1,\"flag\":3,"
                        + "\"debug\":\"PIKO 3.6, VS7 (255), 2 strings, 1 phase\"}}}",
                json);
        JSON.readTree(json);
    }

    @Test
    void piko55GermanStatesFollowCurrentAndPower() throws Exception {
        JsonNode d = JSON.readTree(KostalDocument.toJson(PikoStatusPage.parse(Vectors.bytes(Vectors.PIKO55_DE))));
        JsonNode piko = d.get("PIKO");
        assertEquals(1, piko.at("/IN/STRING1/state").asInt());
        assertEquals(0, piko.at("/IN/STRING3/state").asInt());
        assertEquals(0, piko.at("/OUT/PHASE1/state").asInt());
        assertEquals(1, piko.at("/OUT/PHASE2/state").asInt());
        assertEquals(19.83, piko.at("/ENERGY/daily").asDouble());
        assertEquals(9290, piko.at("/ENERGY/total").asInt());
        assertEquals(3, piko.at("/STATE/flag").asInt());
    }

    /** Synthetic night page: totals survive, live values are null, flag 1. */
    @Test
    void nightDocumentKeepsTotals() throws Exception {
        String[] xx = {"x x x", "x x x"};
        byte[] page = SyntheticPage.build(
                SyntheticPage.GERMAN,
                "PIKO 10.1",
                "WR (200)",
                "x x x",
                "41801",
                "0.00",
                "Aus",
                SyntheticPage.of(xx, xx, xx),
                SyntheticPage.of(xx, xx, xx),
                "\n");
        JsonNode piko =
                JSON.readTree(KostalDocument.toJson(PikoStatusPage.parse(page))).get("PIKO");
        assertEquals(41801, piko.at("/ENERGY/total").asInt());
        assertEquals(0, piko.at("/ENERGY/daily").asInt());
        assertEquals(true, piko.at("/ENERGY/actual").isNull());
        assertEquals(true, piko.at("/IN/STRING1/voltage").isNull());
        assertEquals(0, piko.at("/IN/STRING1/state").asInt());
        assertEquals(1, piko.at("/STATE/flag").asInt());
        assertEquals(0, piko.at("/STATE/binary").asInt());
        assertEquals("Aus", piko.at("/STATE/string").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "Aus,1,0",
        "Off,1,0",
        "Uit,1,0",
        "Leerlauf,2,0",
        "Idle,2,0",
        "Standby,2,0",
        "Einspeisen MPP,3,1",
        "supply MPP,3,1",
        "Feed in MPP,3,1",
        "toevoer MPP,3,1",
        "Feeding regulated,3,1",
        "Starting,0,0",
        "Fehler,0,0"
    })
    void statusWordsOfEveryLanguage(String status, int flag, int binary) throws Exception {
        PikoStatus s = new PikoStatus(null, null, null, null, null, null, status, List.of(), List.of());
        JsonNode state = JSON.readTree(KostalDocument.toJson(s)).at("/PIKO/STATE");
        assertEquals(flag, state.get("flag").asInt());
        assertEquals(binary, state.get("binary").asInt());
        assertEquals(status, state.get("string").asText());
    }

    @Test
    void noStatusIsNoData() throws Exception {
        PikoStatus s = new PikoStatus(null, null, null, null, null, null, null, List.of(), List.of());
        JsonNode state = JSON.readTree(KostalDocument.toJson(s)).at("/PIKO/STATE");
        assertEquals(-1, state.get("flag").asInt());
        assertEquals(true, state.get("binary").isNull());
        assertEquals("No data", state.get("string").asText());
    }

    @Test
    void readingHasCanonicalUnits() throws Exception {
        PikoStatus s = PikoStatusPage.parse(Vectors.bytes(Vectors.PIKO55_NL));
        DeviceInfo device = DeviceInfo.builder("piko", "inverter")
                .vendor("Kostal")
                .model(s.model())
                .build();
        Reading r = KostalReadings.toReading(s, device, Instant.EPOCH);
        assertEquals(3126.0, r.value(Metrics.AC_POWER).orElseThrow());
        assertEquals(3126.0, r.value(Metrics.PV_POWER).orElseThrow());
        assertEquals(41_801_000.0, r.value(Metrics.PV_ENERGY_TOTAL).orElseThrow());
        assertEquals(13_460.0, r.value(Metrics.PV_ENERGY_TODAY).orElseThrow());
        assertEquals(6.47, r.value(Metrics.DC_CURRENT_PV2).orElseThrow());
        assertEquals(1069.0, r.value(Metrics.AC_POWER_L3).orElseThrow());
        assertEquals("toevoer MPP", r.state(KostalReadings.STATUS).orElseThrow());
        PikoStatus piko36 = PikoStatusPage.parse(Vectors.bytes(Vectors.PIKO36));
        Reading r36 = KostalReadings.toReading(piko36, device, Instant.EPOCH);
        assertEquals(false, r36.value(Metrics.AC_VOLTAGE_L2).isPresent());
        assertEquals(false, r36.value(Metrics.DC_VOLTAGE_PV3).isPresent());
    }
}
