package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LogDaten.dat history excerpt, with the values the vectors' README states. */
class LogDatenTest {

    @Test
    void headerAndFirstRow() throws Exception {
        LogDaten log = LogDaten.parse(Vectors.bytes(Vectors.LOGDATEN));
        assertEquals(200, log.inverterNumber());
        assertEquals("WR", log.name());
        assertEquals(294_137_991L, log.currentTime());
        assertEquals(42, log.columns().size());
        assertEquals("Zeit", log.columns().get(0));
        assertEquals(6, log.rows().size());
        LogDaten.Row first = log.rows().get(0);
        assertEquals(259_408_372L, first.time());
        double[] v = first.values();
        assertEquals(612, v[log.columns().indexOf("DC1 U") - 1]);
        assertEquals(1100, v[log.columns().indexOf("DC1 I") - 1]);
        assertEquals(50.0, v[log.columns().indexOf("AC F") - 1]);
        assertTrue(Double.isNaN(v[log.columns().indexOf("total E") - 1]), "short rows leave fields absent");
    }

    @Test
    void readingsConvertMilliampsAndTime() throws Exception {
        LogDaten log = LogDaten.parse(Vectors.bytes(Vectors.LOGDATEN));
        DeviceInfo device =
                DeviceInfo.builder("piko", "inverter").vendor("Kostal").build();
        Instant readAt = Instant.parse("2024-06-01T12:00:00Z");
        List<Reading> readings = log.toReadings(device, readAt);
        Reading r = readings.get(0);
        assertEquals(readAt.minusSeconds(294_137_991L - 259_408_372L), r.timestamp());
        assertEquals(612.0, r.value(Metrics.DC_VOLTAGE_PV1).orElseThrow());
        assertEquals(1.1, r.value(Metrics.DC_CURRENT_PV1).orElseThrow(), 1e-12);
        assertEquals(681.0, r.value(Metrics.DC_POWER_PV1).orElseThrow());
        assertEquals(0.96, r.value(Metrics.DC_CURRENT_PV3).orElseThrow(), 1e-12);
        assertEquals(1.24, r.value(Metrics.AC_CURRENT_L1).orElseThrow(), 1e-12);
        assertEquals(2.01, r.value(Metrics.AC_CURRENT_L3).orElseThrow(), 1e-12);
        assertEquals(431.0, r.value(Metrics.AC_POWER_L3).orElseThrow());
        assertEquals(50.0, r.value(Metrics.AC_FREQUENCY).orElseThrow());
        Reading last = readings.get(readings.size() - 1);
        assertEquals(228.0, last.value(Metrics.AC_VOLTAGE_L2).orElseThrow());
        assertFalse(last.value(Metrics.AC_VOLTAGE_L3).isPresent(), "the cut-off row ends early");
    }

    @Test
    void badFilesAreProtocolExceptions() {
        assertThrows(ProtocolException.class, () -> LogDaten.parse("hello".getBytes(StandardCharsets.ISO_8859_1)));
        assertThrows(
                ProtocolException.class,
                () -> LogDaten.parse("akt. Zeit:\t 5\nZeit\tDC1 U\n 1\tabc\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThrows(
                ProtocolException.class,
                () -> LogDaten.parse("Zeit\tDC1 U\n 1\t2\n".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
