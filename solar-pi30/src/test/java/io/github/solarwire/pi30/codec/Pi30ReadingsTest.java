package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Pi30ReadingsTest {

    private static final DeviceInfo INFO = DeviceInfo.builder("pi30-92932105105335", "inverter")
            .vendor("Voltronic")
            .protocol("pi30")
            .build();
    private static final Pi30Queries MAX = Pi30Queries.of(Pi30Protocol.PI30MAX);

    private static double value(Reading reading, Metric metric) {
        return reading.value(metric).orElseThrow(() -> new AssertionError(metric + " missing from " + reading));
    }

    @Test
    void aMaxPollMapsToTheCatalogue() throws Exception {
        QpigsResponse qpigs =
                MAX.qpigs().decode(Vectors.first("pi30max", "QPIGS").bytes());
        Qpigs2Response qpigs2 =
                MAX.qpigs2().decode(Vectors.first("pi30max", "QPIGS2").bytes());
        QmodResponse qmod = MAX.qmod().decode(Frames.reply("B"));
        QpiwsResponse qpiws =
                MAX.qpiws().decode(Vectors.first("pi30max", "QPIWS").bytes());
        Reading reading = Pi30Readings.addTo(Reading.builder(INFO, Instant.EPOCH), qpigs, qpigs2, qmod, qpiws)
                .build();

        assertEquals(227.2, value(reading, Pi30Metrics.AC_INPUT_VOLTAGE));
        assertEquals(50.0, value(reading, Pi30Metrics.AC_INPUT_FREQUENCY));
        assertEquals(230.3, value(reading, Metrics.AC_VOLTAGE_L1));
        assertEquals(50.0, value(reading, Metrics.AC_FREQUENCY));
        assertEquals(829, value(reading, Metrics.AC_APPARENT_POWER));
        assertEquals(751, value(reading, Metrics.AC_POWER));
        assertEquals(751, value(reading, Metrics.LOAD_POWER));
        assertEquals(10, value(reading, Pi30Metrics.LOAD_PERCENT));
        assertEquals(447, value(reading, Pi30Metrics.BUS_VOLTAGE));
        assertEquals(54.5, value(reading, Metrics.BATTERY_VOLTAGE));
        assertEquals(-20, value(reading, Metrics.BATTERY_CURRENT), "charging at 20 A is negative");
        assertEquals(-1090, value(reading, Metrics.BATTERY_POWER));
        assertEquals(83, value(reading, Metrics.BATTERY_SOC));
        assertEquals(323.6, value(reading, Metrics.DC_VOLTAGE_PV1));
        assertEquals(2.7, value(reading, Metrics.DC_CURRENT_PV1));
        assertEquals(879, value(reading, Metrics.DC_POWER_PV1));
        assertEquals(327.3, value(reading, Metrics.DC_VOLTAGE_PV2));
        assertEquals(3.1, value(reading, Metrics.DC_CURRENT_PV2));
        assertEquals(1026, value(reading, Metrics.DC_POWER_PV2));
        assertEquals(1905, value(reading, Metrics.PV_POWER));
        assertEquals(54, value(reading, Metrics.TEMPERATURE_INVERTER));
        assertEquals(
                Map.of(
                        Pi30Readings.MODE,
                        "battery",
                        Pi30Readings.WARNINGS,
                        "line_fail,overload",
                        Pi30Readings.FAULTS,
                        "none"),
                reading.states());
        assertEquals(Unit.VOLT, Pi30Metrics.BUS_VOLTAGE.unit());
        assertEquals("pi30.bus.voltage", Pi30Metrics.BUS_VOLTAGE.key());
    }

    @Test
    void discharging() throws Exception {
        QpigsResponse qpigs = MAX.qpigs()
                .decode(
                        Frames.reply(
                                "000.0 00.0 230.0 50.0 0500 0450 010 400 51.20 000 070 0040 00.0 000.0 00.00 00010 00010000 00 00 00000 010"));
        Reading reading = Pi30Readings.addTo(Reading.builder(INFO, Instant.EPOCH), qpigs, null, null, null)
                .build();
        assertEquals(10, value(reading, Metrics.BATTERY_CURRENT));
        assertEquals(512, value(reading, Metrics.BATTERY_POWER));
        assertEquals(0, value(reading, Metrics.PV_POWER));
        assertFalse(reading.value(Metrics.DC_POWER_PV2).isPresent(), "no QPIGS2, no PV2");
        assertEquals(Map.of(), reading.states());
    }

    @Test
    void threeTrackersAndFaults() throws Exception {
        QpigsResponse qpigs =
                MAX.qpigs().decode(Vectors.first("pi30max", "QPIGS").bytes());
        Qpigs2Response qpigs2 = MAX.qpigs2()
                .decode(Frames.reply("03.1 327.3 54.20 01026 00000011 005 0280 02.0 301.0 54.10 00602 01908"));
        QpiwsResponse qpiws = MAX.qpiws().decode(Frames.reply("010000000010000000000000000000000000"));
        Reading reading = Pi30Readings.addTo(
                        Reading.builder(INFO, Instant.EPOCH),
                        qpigs,
                        qpigs2,
                        MAX.qmod().decode(Frames.reply("X")),
                        qpiws)
                .build();
        assertEquals(602, value(reading, Metrics.DC_POWER_PV3));
        assertEquals(879 + 1026 + 602, value(reading, Metrics.PV_POWER));
        assertEquals("unknown (X)", reading.state(Pi30Readings.MODE).orElseThrow());
        assertEquals(
                "inverter_fault,fan_locked",
                reading.state(Pi30Readings.WARNINGS).orElseThrow());
        assertEquals(
                "inverter_fault,fan_locked", reading.state(Pi30Readings.FAULTS).orElseThrow());
    }
}
