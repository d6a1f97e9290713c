package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarserverVarsTest {

    /** One sample object of the pypvs samples file, as the texts a /vars response would carry. */
    private static Map<String, String> sample(String name) throws ProtocolException {
        Map<String, Object> all =
                Values.object(Json.parse(Vectors.bytes(Vectors.PYPVS_SAMPLES), 1 << 20, "samples"), "samples");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Values.object(all.get(name), name).entrySet()) {
            fields.put(e.getKey(), Values.raw(e.getValue(), e.getKey()));
        }
        return fields;
    }

    private static VarserverVars parse(String body) throws ProtocolException {
        return VarserverVars.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void livedataObjectLayoutBalances() throws Exception {
        PowerNotification p =
                VarserverVars.parse(Vectors.bytes(Vectors.LIVEDATA)).liveData().orElseThrow();
        assertEquals(Instant.ofEpochSecond(1751083263), p.time());
        assertEquals(15.622, p.pvPower(), 1e-9);
        assertEquals(674.694, p.netPower(), 1e-9);
        assertEquals(1186.0, p.essPower(), 1e-9);
        assertEquals(86.0, p.soc(), 1e-9);
        assertEquals(570.0, p.backupTimeRemaining());
        assertEquals(2L, p.midstate());
        assertEquals(p.siteLoadPower(), p.pvPower() + p.netPower() + p.essPower(), 1e-3);
        assertEquals(p.siteLoadEnergy(), p.pvEnergy() + p.netEnergy() + p.essEnergy(), 100);
        assertEquals("0.015622", p.raw().get("pv_p"));
        PowerNotification cached = VarserverVars.parse(Vectors.bytes(Vectors.LIVEDATA_CACHED))
                .liveData()
                .orElseThrow();
        assertEquals(555.0, cached.backupTimeRemaining());
    }

    @Test
    void livedataSamplesNanAndSocFraction() throws Exception {
        PowerNotification none =
                new VarserverVars(sample("LIVEDATA_ANON"), Map.of()).liveData().orElseThrow();
        assertNull(none.essEnergy());
        assertNull(none.essPower());
        assertNull(none.soc());
        assertEquals(0.0, none.backupTimeRemaining());
        assertEquals(2L, none.midstate());
        PowerNotification ess = new VarserverVars(sample("LIVEDATA_WITH_ESS_ANON"), Map.of())
                .liveData()
                .orElseThrow();
        assertEquals(57.5, ess.soc(), 1e-9);
        assertEquals(1100.0, ess.backupTimeRemaining());
        assertEquals(Instant.ofEpochSecond(1775820600), ess.time());
    }

    @Test
    void meterDataObjectsBecomeMeterReadings() throws Exception {
        VarserverVars vars = VarserverVars.parse(Vectors.bytes(Vectors.METER_DATA));
        assertTrue(vars.liveData().isEmpty());
        List<VarserverDevice> devices = vars.devices();
        assertEquals(2, devices.size());
        assertEquals("meter", devices.get(0).type());
        assertEquals("11", devices.get(0).index());
        Reading production = devices.get(0).toReading("pvs", Instant.EPOCH);
        assertEquals(Instant.parse("2025-06-28T04:10:00Z"), production.timestamp());
        assertEquals("PVS6M23084354p", production.device().serial().orElseThrow());
        assertEquals(
                40_747_870.0, production.value("pvs.meter.energy.net.total").orElseThrow(), 1e-6);
        assertEquals(50.0, production.value("pvs.meter.ct_rating").orElseThrow());
        Reading consumption = devices.get(1).toReading("pvs", Instant.EPOCH);
        assertEquals(
                19_721_780.0,
                consumption.value("pvs.meter.energy.positive.total").orElseThrow(),
                1e-6);
        assertEquals(
                13_600_360.0,
                consumption.value("pvs.meter.energy.negative.total").orElseThrow(),
                1e-6);
        assertEquals(316.900551, consumption.value(Metrics.AC_POWER_L1).orElseThrow(), 1e-9);
        assertEquals(-3157.99665, consumption.value(Metrics.AC_REACTIVE_POWER).orElseThrow(), 1e-9);
        assertEquals("pvs", consumption.device().parentId().orElseThrow());
    }

    @Test
    void elidedInverterExampleIsNotJson() {
        assertThrows(ProtocolException.class, () -> VarserverVars.parse(Vectors.bytes(Vectors.INVERTER_ELIDED)));
    }

    @Test
    void listLayoutAndSystemInfo() throws Exception {
        VarserverVars list = VarserverVars.parse(Vectors.bytes(Vectors.MATCH_REV));
        VarserverVars obj = VarserverVars.parse(Vectors.bytes(Vectors.MATCH_REV_OBJ));
        assertEquals(list, obj);
        SystemInfo info = list.systemInfo();
        assertEquals("6.03", info.hardwareRevision());
        assertEquals("2025.06.24.61840", info.softwareRevision());
        assertEquals(61840, info.build());
        VarserverVars mac = VarserverVars.parse(Vectors.bytes(Vectors.NAME_SW_REV_LMAC));
        assertEquals("00:22:F2:13:85:54", mac.systemInfo().mac());
        assertEquals(
                "1",
                VarserverVars.parse(Vectors.bytes(Vectors.SET_TELEMETRY))
                        .value("/sys/telemetryws/enable")
                        .orElseThrow());
    }

    @Test
    void gatewaySampleIsTrimmed() throws Exception {
        SystemInfo info = new VarserverVars(sample("GATEWAY_SYS_INFO_ANON"), Map.of()).systemInfo();
        assertEquals("Storage", info.systemType());
        assertEquals("PVS6", info.model());
        assertEquals("6.02", info.hardwareRevision());
        assertEquals("2025.01.01.90001", info.softwareRevision());
        assertEquals(14042.9, info.uptime());
        assertEquals("02:aa:bb:cc:dd:01", info.mac());
        assertEquals(7.0, info.ramUsage());
        assertEquals(73.0, info.flashUsage());
        assertEquals(6.0, info.cpuUsage());
        Reading r = info.toReading(
                io.github.solarwire.core.DeviceInfo.builder("pvs", "supervisor").build(), Instant.EPOCH);
        assertEquals(14042.9, r.value(Metrics.UPTIME).orElseThrow());
        assertEquals("Storage", r.state("pvs.system_type").orElseThrow());
    }

    @Test
    void pypvsDeviceSamples() throws Exception {
        Reading inv = new VarserverDevice("inverter", "0", sample("INVERTER_SAMPLE")).toReading(null, Instant.EPOCH);
        assertEquals(Instant.ofEpochSecond(1775820600), inv.timestamp());
        assertEquals(296.59, inv.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals(244.070007, inv.value(Metrics.AC_VOLTAGE_L1).orElseThrow());
        assertEquals(1.21, inv.value(Metrics.AC_CURRENT_L1).orElseThrow());
        assertEquals(59.98, inv.value(Metrics.AC_FREQUENCY).orElseThrow());
        assertEquals(29.0, inv.value(Metrics.TEMPERATURE_HEATSINK).orElseThrow());
        assertEquals(2_843_847.168, inv.value(Metrics.PV_ENERGY_TOTAL).orElseThrow(), 1e-6);
        assertEquals(48.09, inv.value(Metrics.DC_VOLTAGE_PV1).orElseThrow());
        assertEquals(5.4, inv.value(Metrics.DC_CURRENT_PV1).orElseThrow());
        assertEquals(259.92, inv.value(Metrics.DC_POWER_PV1).orElseThrow(), 1e-9);
        assertEquals("E00987654321001", inv.device().id());

        Reading empty = new VarserverDevice("inverter", "3", Map.of()).toReading(null, Instant.EPOCH);
        assertEquals(0, empty.size(), "missing numeric keys are absent, not 0");
        assertEquals("pvs-inverter-3", empty.device().id());

        Reading prod =
                new VarserverDevice("meter", "1", sample("METER_PRODUCTION_ANON")).toReading(null, Instant.EPOCH);
        assertEquals(2972.999, prod.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals(59.988712, prod.value(Metrics.AC_FREQUENCY).orElseThrow());
        assertEquals(11_991_549.805, prod.value("pvs.meter.energy.net.total").orElseThrow(), 1e-6);
        assertEquals(243.58197, prod.value("pvs.ac.voltage.l1_l2").orElseThrow());

        Reading net = new VarserverDevice("meter", "2", sample("METER_NET_ANON")).toReading(null, Instant.EPOCH);
        assertEquals(-1449.301, net.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals(121.751556, net.value(Metrics.AC_VOLTAGE_L1).orElseThrow());
        assertEquals(121.830658, net.value(Metrics.AC_VOLTAGE_L2).orElseThrow());
        assertEquals(5_842_859.863, net.value("pvs.meter.energy.negative.total").orElseThrow(), 1e-6);
        assertEquals(-0.995831, net.value(Metrics.AC_POWER_FACTOR).orElseThrow());

        Reading mid = new VarserverDevice("transfer_switch", "0", sample("TRANSFER_SWITCH_ANON"))
                .toReading(null, Instant.EPOCH);
        assertEquals("MID_STATE_CLOSED", mid.state("pvs.mid_state").orElseThrow());
        assertEquals("PVD_STATE_CLOSED", mid.state("pvs.pvd1_state").orElseThrow());
        assertEquals(28.0, mid.value("pvs.temperature").orElseThrow());
        assertEquals(11.237206, mid.value("pvs.supply.voltage").orElseThrow());

        Reading ess = new VarserverDevice("ess", "0", sample("ESS_ANON")).toReading(null, Instant.EPOCH);
        assertEquals("battery", ess.device().kind());
        assertEquals(65.0, ess.value(Metrics.BATTERY_SOC).orElseThrow(), 1e-9);
        assertEquals(59.0, ess.value("pvs.battery.customer_soc").orElseThrow(), 1e-9);
        assertEquals(100.0, ess.value("pvs.battery.soh").orElseThrow(), 1e-9);
        assertEquals("ENERGY_ARBITRAGE", ess.state("pvs.ess.op_mode").orElseThrow());
        assertEquals(52.445, ess.value(Metrics.BATTERY_VOLTAGE).orElseThrow());
    }

    @Test
    void flatLayoutIsGroupedPerDevice() throws Exception {
        VarserverVars vars =
                parse("{\"/sys/devices/inverter/0/sn\":\"E1\",\"/sys/devices/inverter/0/p3phsumKw\":\"0.25\","
                        + "\"/sys/devices/inverter/1/sn\":\"E2\",\"/sys/devices/inverter/1/p3phsumKw\":0.5,"
                        + "\"/sys/devices/inverter/0/msmtEps\":\"2025-06-28T03:35:00Z\",\"/sys/info/uptime\":\"12\"}");
        List<VarserverDevice> devices = vars.devices();
        assertEquals(2, devices.size());
        assertEquals("E1", devices.get(0).serial());
        assertEquals(Instant.parse("2025-06-28T03:35:00Z"), devices.get(0).measuredAt());
        assertEquals(
                500.0,
                devices.get(1)
                        .toReading(null, Instant.EPOCH)
                        .value(Metrics.AC_POWER)
                        .orElseThrow(),
                1e-9);
        assertEquals(12.0, vars.systemInfo().uptime());
    }

    @Test
    void malformedResponsesAreProtocolExceptions() {
        for (String body : new String[] {
            "{\"values\":[{\"name\":\"/a\",\"value\":\"1\"}],\"count\":2}",
            "{\"values\":[{\"value\":\"1\"}],\"count\":1}",
            "{\"values\":[5],\"count\":1}",
            "{\"/a\":{\"b\":{\"c\":1}}}",
            "{\"/a\":[1]}",
            "{\"status\":401,\"error\":\"Unauthorized\"}",
            "\"x\""
        }) {
            assertThrows(ProtocolException.class, () -> parse(body), body);
        }
    }

    @Test
    void badDeviceValuesAreProtocolExceptionsWhenRead() throws Exception {
        VarserverVars vars =
                parse("{\"/sys/devices/1/inverter/data\":{\"msmtEps\":\"yesterday\",\"p3phsumKw\":\"x\"}}");
        VarserverDevice d = vars.devices().get(0);
        assertThrows(ProtocolException.class, d::measuredAt);
        assertThrows(ProtocolException.class, () -> d.toReading(null, Instant.EPOCH));
        assertThrows(
                ProtocolException.class,
                () -> parse("{\"/sys/livedata/pv_p\":\"x\"}").liveData());
    }
}
