package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryFrameTest {

    private static final DeviceInfo SITE = DeviceInfo.builder("site", "site").build();

    @Test
    void vectorDecodesToWattsOnce() throws Exception {
        PowerNotification p =
                assertInstanceOf(PowerNotification.class, TelemetryFrame.parse(Vectors.bytes(Vectors.WS_POWER)));
        assertEquals("power", p.type());
        assertEquals(Instant.parse("2025-07-28T19:19:56Z"), p.time());
        assertEquals(2.1732543945312505 * 1000, p.siteLoadPower());
        assertEquals(-4.3857470703125 * 1000, p.netPower());
        assertEquals(6.5590014648437509 * 1000, p.pvPower());
        assertEquals(39676.479999999996 * 1000, p.siteLoadEnergy());
        assertEquals(6473.23 * 1000, p.netEnergy());
        assertEquals(33203.25 * 1000, p.pvEnergy());
        assertNull(p.essPower());
        assertNull(p.essEnergy());
        assertNull(p.soc());
        assertNull(p.backupTimeRemaining());
        assertNull(p.midstate());
        assertEquals(p.siteLoadPower(), p.pvPower() + p.netPower(), 1e-6);
        assertEquals(p.siteLoadEnergy(), p.pvEnergy() + p.netEnergy(), 1e-3);
    }

    @Test
    void rawValuesAreKeptExactlyAsReceived() throws Exception {
        PowerNotification p = (PowerNotification) TelemetryFrame.parse(Vectors.bytes(Vectors.WS_POWER));
        assertEquals("6.5590014648437509", p.raw().get("pv_p"));
        assertEquals("-4.3857470703125", p.raw().get("net_p"));
        assertEquals("1753730396", p.raw().get("time"));
        assertEquals(
                java.util.List.of("time", "site_load_p", "net_p", "pv_p", "site_load_en", "net_en", "pv_en"),
                java.util.List.copyOf(p.raw().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> p.raw().put("x", "y"));
    }

    @Test
    void readingHasSiteTotalsInCanonicalUnits() throws Exception {
        PowerNotification p = (PowerNotification) TelemetryFrame.parse(Vectors.bytes(Vectors.WS_POWER));
        Reading r = p.toReading(SITE, Instant.EPOCH);
        assertEquals(Instant.ofEpochSecond(1753730396), r.timestamp());
        assertEquals(6559.0014648437509, r.value(Metrics.PV_POWER).orElseThrow(), 1e-9);
        assertEquals(-4385.7470703125, r.value(Metrics.GRID_POWER).orElseThrow(), 1e-9);
        assertEquals(2173.2543945312505, r.value(Metrics.LOAD_POWER).orElseThrow(), 1e-9);
        assertEquals(33_203_250.0, r.value(Metrics.PV_ENERGY_TOTAL).orElseThrow(), 1e-6);
        assertEquals(39_676_480.0, r.value(Metrics.LOAD_ENERGY_TOTAL).orElseThrow(), 1e-3);
        assertEquals(
                6_473_230.0, r.value(PowerNotification.GRID_ENERGY_NET_TOTAL).orElseThrow(), 1e-6);
        assertTrue(r.value(Metrics.BATTERY_SOC).isEmpty());
        assertTrue(r.value(Metrics.BATTERY_POWER).isEmpty());
        assertEquals(6, r.size());
    }

    @Test
    void batteryFieldsSocFractionAndMilliseconds() throws Exception {
        String frame = "{\"notification\":\"power\",\"params\":{\"time\":1775820600123,\"ess_p\":\"0.35\","
                + "\"ess_en\":-1800.5,\"soc\":0.575,\"backupTimeRemaining\":1100,\"midstate\":2}}";
        PowerNotification p = (PowerNotification) TelemetryFrame.parse(frame);
        assertEquals(Instant.ofEpochMilli(1775820600123L), p.time());
        assertEquals(350.0, p.essPower(), 1e-9);
        assertEquals(-1_800_500.0, p.essEnergy(), 1e-6);
        assertEquals(57.5, p.soc(), 1e-9);
        assertEquals(1100.0, p.backupTimeRemaining());
        assertEquals(2L, p.midstate());
        Reading r = p.toReading(SITE, Instant.EPOCH);
        assertEquals(57.5, r.value(Metrics.BATTERY_SOC).orElseThrow(), 1e-9);
        assertEquals(350.0, r.value(Metrics.BATTERY_POWER).orElseThrow(), 1e-9);
        assertEquals(66_000.0, r.value(PowerNotification.BACKUP_TIME_REMAINING).orElseThrow());
        assertEquals("2", r.state("pvs.midstate").orElseThrow());
        assertTrue(r.value(Metrics.PV_POWER).isEmpty());
    }

    @Test
    void nanAndNullAreAbsentNotZero() throws Exception {
        String frame =
                "{\"notification\":\"power\",\"params\":{\"pv_p\":\"nan\",\"ess_p\":null,\"soc\":\"\",\"net_p\":\"NaN\"}}";
        PowerNotification p = (PowerNotification) TelemetryFrame.parse(frame);
        assertNull(p.pvPower());
        assertNull(p.essPower());
        assertNull(p.soc());
        assertNull(p.netPower());
        assertNull(p.time());
        assertEquals("nan", p.raw().get("pv_p"));
        assertEquals("null", p.raw().get("ess_p"));
        Reading r = p.toReading(SITE, Instant.EPOCH);
        assertEquals(Instant.EPOCH, r.timestamp());
        assertEquals(0, r.size());
    }

    @Test
    void otherNotificationTypesAreAResultNotAnError() throws Exception {
        TelemetryMessage m = TelemetryFrame.parse("{\"notification\":\"status\",\"params\":[1,2]}");
        assertEquals(new OtherNotification("status"), m);
        assertFalse(m instanceof PowerNotification);
    }

    @Test
    void badFramesAreProtocolExceptions() {
        String[] bad = {
            "",
            "[]",
            "{}",
            "{\"notification\":5}",
            "{\"notification\":\"power\"}",
            "{\"notification\":\"power\",\"params\":[]}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":\"abc\"}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":{\"x\":1}}}",
            "{\"notification\":\"power\",\"params\":{\"time\":-5}}",
            "{\"notification\":\"power\",\"params\":{\"time\":1e30}}",
            "{\"notification\":\"power\",\"params\":{\"midstate\":2.5}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1e308}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":\"Infinity\"}}",
            "{\"notification\":\"power\",\"notification\":\"power\",\"params\":{}}",
            "{\"notification\":\"power\",\"params\":{}} trailing",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1"
        };
        for (String frame : bad) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> TelemetryFrame.parse(frame), frame);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void oversizedFrameIsRejectedBeforeParsing() {
        byte[] big = new byte[TelemetryFrame.MAX_BYTES + 1];
        ProtocolException e = assertThrows(ProtocolException.class, () -> TelemetryFrame.parse(big));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "{\"notification\":\"x\",\"p\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThrows(ProtocolException.class, () -> TelemetryFrame.parse(deep));
    }
}
