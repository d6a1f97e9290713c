package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.pvs.codec.DeviceList;
import io.github.solarwire.pvs.codec.DeviceListEntry;
import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.SupervisorInfo;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulatedPvsTest {

    /** Midnight in California on the longest day. */
    static final Instant MIDNIGHT = Instant.parse("2025-06-21T07:00:00Z");

    static final Instant NOON = MIDNIGHT.plus(Duration.ofHours(13));

    private static final Pattern COMPACT_POWER = Pattern.compile(
            "\\{\"notification\":\"power\",\"params\":\\{\"time\":\\d+,\"site_load_p\":-?[0-9.]+,\"net_p\":-?[0-9.]+,"
                    + "\"pv_p\":-?[0-9.]+,\"site_load_en\":-?[0-9.]+,\"net_en\":-?[0-9.]+,\"pv_en\":-?[0-9.]+"
                    + "(,\"ess_p\":-?[0-9.]+,\"ess_en\":-?[0-9.]+,\"soc\":[0-9.]+,\"backupTimeRemaining\":\\d+,"
                    + "\"midstate\":2)?}}");

    private static PowerNotification power(byte[] frame) throws Exception {
        return (PowerNotification) TelemetryFrame.parse(frame);
    }

    @Test
    void aWholeDayOfFramesBalancesAndNeverLosesEnergy() throws Exception {
        for (boolean storage : new boolean[] {false, true}) {
            SimulatedPvs pvs = SimulatedPvs.builder().storage(storage).seed(7).build();
            PowerNotification previous = null;
            double maxPv = 0;
            double minSoc = 100;
            double maxSoc = 0;
            boolean charged = false;
            boolean discharged = false;
            for (Instant t = MIDNIGHT; t.isBefore(MIDNIGHT.plus(Duration.ofDays(1))); t = t.plusSeconds(60)) {
                byte[] frame = pvs.powerFrame(t);
                String text = new String(frame, StandardCharsets.UTF_8);
                assertTrue(COMPACT_POWER.matcher(text).matches(), text);
                PowerNotification p = power(frame);
                assertEquals(t, p.time());
                assertEquals(p.siteLoadPower(), p.pvPower() + p.netPower() + ess(p.essPower()), 1e-6, text);
                assertEquals(p.siteLoadEnergy(), p.pvEnergy() + p.netEnergy() + ess(p.essEnergy()), 1e-6, text);
                assertTrue(p.pvPower() >= 0 && p.siteLoadPower() > 0, text);
                if (previous != null) {
                    assertTrue(p.pvEnergy() >= previous.pvEnergy(), text);
                    assertTrue(p.siteLoadEnergy() > previous.siteLoadEnergy(), text);
                }
                if (storage) {
                    assertTrue(p.soc() >= 0 && p.soc() <= 100, text);
                    minSoc = Math.min(minSoc, p.soc());
                    maxSoc = Math.max(maxSoc, p.soc());
                    charged |= p.essPower() < 0;
                    discharged |= p.essPower() > 0;
                    assertEquals(2L, p.midstate());
                } else {
                    assertNull(p.essPower(), text);
                    assertNull(p.soc(), text);
                    assertFalse(text.contains("ess_"), text);
                }
                maxPv = Math.max(maxPv, p.pvPower());
                previous = p;
            }
            assertTrue(maxPv > 2000, "a sunny June day peaks above 2 kW: " + maxPv);
            if (storage) {
                assertTrue(charged && discharged, "the battery charges by day and discharges at night");
                assertTrue(maxSoc > minSoc, "the charge moves");
            }
        }
    }

    private static double ess(Double value) {
        return value == null ? 0 : value;
    }

    @Test
    void theSameSeedAndInstantsGiveTheSameBytes() {
        SimulatedPvs a = SimulatedPvs.builder().seed(3).storage(true).build();
        SimulatedPvs b = SimulatedPvs.builder().seed(3).storage(true).build();
        for (Instant t = NOON; t.isBefore(NOON.plusSeconds(600)); t = t.plusSeconds(7)) {
            assertArrayEquals(a.powerFrame(t), b.powerFrame(t));
        }
        assertArrayEquals(a.deviceList(NOON.plusSeconds(600)), b.deviceList(NOON.plusSeconds(600)));
    }

    @Test
    void anEarlierInstantKeepsTheLatestEnergies() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        pvs.state(NOON);
        PowerNotification late = power(pvs.powerFrame(NOON.plusSeconds(3600)));
        PowerNotification early = power(pvs.powerFrame(NOON.plusSeconds(60)));
        assertEquals(late.pvEnergy(), early.pvEnergy());
        assertEquals(late.siteLoadEnergy(), early.siteLoadEnergy());
    }

    @Test
    void supervisorInfoGivesTheBuildThatPicksTheDataPath() throws Exception {
        SupervisorInfo pvs6 =
                SupervisorInfo.parse(SimulatedPvs.builder().build().supervisorInfo());
        assertEquals(SimulatedPvs.DEFAULT_SERIAL, pvs6.serial());
        assertEquals("PVS6", pvs6.model());
        assertEquals("2025.10, Build 61846", pvs6.swVersion());
        assertEquals(61846, pvs6.build());
        assertTrue(pvs6.hasVarserver());

        SupervisorInfo legacy =
                SupervisorInfo.parse(SimulatedPvs.builder().build(61839).build().supervisorInfo());
        assertEquals(61839, legacy.build());
        assertFalse(legacy.hasVarserver());

        byte[] pvs5Body =
                SimulatedPvs.builder().model(PvsModel.PVS5).build(5412).build().supervisorInfo();
        assertFalse(new String(pvs5Body, StandardCharsets.UTF_8).contains("BUILD"));
        SupervisorInfo pvs5 = SupervisorInfo.parse(pvs5Body);
        assertEquals(5412, pvs5.build());
        assertTrue(pvs5.hasVarserver());

        SupervisorInfo start =
                SupervisorInfo.parse(SimulatedPvs.builder().build(61839).build().startResponse());
        assertEquals("1.0.0", start.fwVersion());
        assertEquals(61839, start.build());
    }

    @Test
    void thePasswordIsTheSerialsLastFiveCharactersUpperCased() {
        assertEquals("A0321", SimulatedPvs.builder().build().password());
        assertEquals(
                "B12CD", SimulatedPvs.builder().serial("zt1234b12cd").build().password());
        SimulatedPvs shortest = SimulatedPvs.builder().serial("ABCDE").build();
        assertEquals("ABCDE", shortest.password());
        assertDoesNotThrow(() -> DeviceList.parse(shortest.deviceList(NOON)));
    }

    @Test
    void theDeviceListBalancesByDay() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().inverters(20).build();
        PvsState state = pvs.state(NOON);
        List<DeviceListEntry> devices = DeviceList.parse(pvs.deviceList(NOON));
        assertEquals(23, devices.size());
        assertEquals("PVS", devices.get(0).deviceType());
        assertEquals(NOON, devices.get(0).currentTime());
        DeviceListEntry production = devices.get(1);
        DeviceListEntry consumption = devices.get(2);
        assertEquals("PVS5-METER-P", production.fields().get("TYPE"));
        assertTrue(production.serial().endsWith("p"));
        assertEquals("PVS5-METER-C", consumption.fields().get("TYPE"));
        assertTrue(consumption.serial().endsWith("c"));
        double pv = number(production, "p_3phsum_kw");
        assertEquals(state.pvKw(), pv, 1e-4);
        assertEquals(state.netKw(), number(consumption, "p_3phsum_kw"), 1e-4);
        assertEquals(
                number(consumption, "p_3phsum_kw"), number(consumption, "p1_kw") + number(consumption, "p2_kw"), 2e-4);
        assertEquals(
                number(consumption, "net_ltea_3phsum_kwh"),
                number(consumption, "pos_ltea_3phsum_kwh") - number(consumption, "neg_ltea_3phsum_kwh"),
                0.01);
        double acSum = 0;
        for (DeviceListEntry inverter : devices.subList(3, devices.size())) {
            assertEquals("Inverter", inverter.deviceType());
            assertEquals("SOLARBRIDGE", inverter.fields().get("TYPE"));
            assertEquals("working", inverter.state());
            assertNotNull(inverter.dataTime());
            acSum += number(inverter, "p_3phsum_kw");
            assertTrue(number(inverter, "p_mppt1_kw") > number(inverter, "p_3phsum_kw"), "DC exceeds AC");
        }
        assertTrue(pv > 1, "noon in June");
        assertEquals(pv, acSum, 20 * 1e-4, "the inverters sum to the production meter");
        assertEquals(devices.size(), DeviceList.toReadings(devices, NOON).size());
    }

    @Test
    void atNightEveryInverterIsInErrorSomeWithoutMetricsOrDatatime() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build();
        List<DeviceListEntry> devices = DeviceList.parse(pvs.deviceList(MIDNIGHT));
        List<DeviceListEntry> inverters = devices.subList(3, devices.size());
        assertEquals(12, inverters.size());
        int withMetrics = 0;
        for (DeviceListEntry inverter : inverters) {
            assertEquals("error", inverter.state());
            if (inverter.fields().containsKey("p_3phsum_kw")) {
                withMetrics++;
                assertNotNull(inverter.dataTime());
                assertEquals(0, number(inverter, "p_3phsum_kw"));
            } else {
                assertNull(inverter.dataTime());
                assertFalse(inverter.fields().containsKey("ltea_3phsum_kwh"));
            }
        }
        assertTrue(withMetrics > 0 && withMetrics < inverters.size(), "both kinds: " + withMetrics);
        DeviceList.toReadings(devices, MIDNIGHT);
    }

    @Test
    void everyDeviceListMetricIsAStringExceptPanidSlaveAndIsdetail() {
        String body = new String(SimulatedPvs.builder().build().deviceList(NOON), StandardCharsets.UTF_8);
        String bare = body.replaceAll("\"(panid|slave)\":\\d+", "").replaceAll("\"ISDETAIL\":true", "");
        assertFalse(Pattern.compile("\":-?\\d").matcher(bare).find(), body);
        assertTrue(body.endsWith("],\"result\":\"succeed\"}"));
        assertTrue(Pattern.compile("\"CURTIME\":\"\\d{4},\\d\\d,\\d\\d,\\d\\d,\\d\\d,\\d\\d\"")
                .matcher(body)
                .find());
    }

    private static double number(DeviceListEntry device, String field) {
        return Double.parseDouble(device.fields().get(field));
    }
}
