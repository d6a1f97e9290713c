package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeviceListTest {

    private static List<DeviceListEntry> parse(String file) throws ProtocolException {
        return DeviceList.parse(Vectors.bytes(file));
    }

    private static double sum(List<Reading> readings, String kind, io.github.solarwire.core.Metric metric) {
        return readings.stream()
                .filter(r -> r.device().kind().equals(kind))
                .mapToDouble(r -> r.value(metric).orElse(0))
                .sum();
    }

    @Test
    void everyVectorHasOnlyKnownDeviceTypesAndStringMetrics() throws Exception {
        for (String file : List.of(
                Vectors.DL_KRBAKER,
                Vectors.DL_ESUNPOWER,
                Vectors.DL_EXPORTER,
                Vectors.DL_EXPORTER_ERROR,
                Vectors.DL_NOTES)) {
            List<DeviceListEntry> devices = parse(file);
            assertFalse(devices.isEmpty(), file);
            for (DeviceListEntry d : devices) {
                assertTrue(Set.of("PVS", "Power Meter", "Inverter").contains(d.deviceType()), file);
                assertTrue(d.currentTime() != null, file);
            }
            assertEquals(
                    1,
                    devices.stream().filter(d -> d.kind().equals("supervisor")).count(),
                    file);
            List<Reading> readings = DeviceList.toReadings(devices, Instant.EPOCH);
            assertEquals(devices.size(), readings.size());
            String pvs = readings.get(0).device().id();
            for (Reading r : readings.subList(1, readings.size())) {
                assertEquals(pvs, r.device().parentId().orElseThrow(), file);
                assertEquals("SunPower", r.device().vendor());
            }
        }
    }

    @Test
    void krbakerNightCapture() throws Exception {
        List<DeviceListEntry> devices = parse(Vectors.DL_KRBAKER);
        assertEquals(23, devices.size());
        DeviceListEntry pvs = devices.get(0);
        assertEquals("2024.2, Build 61640", pvs.swVersion());
        assertEquals(Instant.parse("2024-04-16T23:45:00Z"), pvs.dataTime());
        assertEquals(Instant.parse("2024-04-16T23:46:10Z"), pvs.currentTime());
        List<DeviceListEntry> inverters =
                devices.stream().filter(d -> d.kind().equals("inverter")).toList();
        assertEquals(20, inverters.size());
        assertTrue(inverters.stream().allMatch(d -> "error".equals(d.state())));
        List<Reading> readings = DeviceList.toReadings(devices, Instant.EPOCH);
        assertEquals(26_207_304.4, sum(readings, "inverter", Metrics.PV_ENERGY_TOTAL), 1e-3);
        assertEquals(0.0, sum(readings, "inverter", Metrics.AC_POWER), 1e-9);
        assertEquals(10.2, sum(readings, "inverter", Metrics.DC_POWER_PV1), 1e-9);
        assertTrue(readings.stream()
                .filter(r -> r.device().kind().equals("inverter"))
                .allMatch(r -> r.state("status").orElseThrow().equals("error")));

        Reading consumption = readings.stream()
                .filter(r -> r.device().serial().orElseThrow().equals("PVS6M20440321c"))
                .findFirst()
                .orElseThrow();
        assertEquals(186.9, consumption.value(Metrics.AC_POWER_L1).orElseThrow(), 1e-9);
        assertEquals(1162.4, consumption.value(Metrics.AC_POWER_L2).orElseThrow(), 1e-9);
        assertEquals(1349.3, consumption.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals(
                "GROSS_CONSUMPTION_LINESIDE",
                consumption.state("pvs.meter.subtype").orElseThrow());
        assertEquals(31.1, consumption.value(Metrics.AC_REACTIVE_POWER).orElseThrow(), 1e-9);
        assertEquals(1516.8, consumption.value(Metrics.AC_APPARENT_POWER).orElseThrow(), 1e-9);

        Reading production = readings.get(1);
        assertEquals("meter", production.device().kind());
        assertEquals(1.8457, production.value("pvs.meter.current").orElseThrow());
        assertTrue(production.value(Metrics.AC_POWER_L1).isEmpty());
        assertTrue(production.value(Metrics.AC_CURRENT_L1).isEmpty());

        // the only key to trust is SERIAL, even where DESCR disagrees
        DeviceListEntry odd = devices.stream()
                .filter(d -> d.serial().equals("E002020400144528"))
                .findFirst()
                .orElseThrow();
        assertEquals("Inverter E00202040014528", odd.fields().get("DESCR"));
        Set<String> ids = readings.stream().map(r -> r.device().id()).collect(Collectors.toSet());
        assertEquals(readings.size(), ids.size());
    }

    @Test
    void esunpowerDaytimeCapture() throws Exception {
        List<DeviceListEntry> devices = parse(Vectors.DL_ESUNPOWER);
        assertEquals(33, devices.size());
        assertEquals("2025.06, Build 61839", devices.get(0).swVersion());
        List<Reading> readings = DeviceList.toReadings(devices, Instant.EPOCH);
        assertEquals(
                30,
                readings.stream()
                        .filter(r -> r.device().kind().equals("inverter"))
                        .count());
        assertTrue(readings.stream()
                .filter(r -> r.device().kind().equals("inverter"))
                .allMatch(r -> r.state("status").orElseThrow().equals("working")));
        assertEquals(8147.7, sum(readings, "inverter", Metrics.AC_POWER), 1e-6);
        assertEquals(8434.1, sum(readings, "inverter", Metrics.DC_POWER_PV1), 1e-6);
        Reading production = readings.get(1);
        assertEquals(8085.5, production.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        Reading net = readings.get(2);
        assertEquals("NET_CONSUMPTION_LOADSIDE", net.state("pvs.meter.subtype").orElseThrow());
        assertEquals(-3028.2, net.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals(-1_205_650.0, net.value("pvs.meter.energy.net.total").orElseThrow(), 1e-6);
        assertEquals(25_996_559.9, net.value("pvs.meter.energy.positive.total").orElseThrow(), 1e-6);
        assertEquals(27_202_259.9, net.value("pvs.meter.energy.negative.total").orElseThrow(), 1e-6);
        assertEquals(120.3994, net.value(Metrics.AC_VOLTAGE_L1).orElseThrow());
        assertEquals(Instant.parse("2025-07-20T18:03:33Z"), net.timestamp());

        Reading supervisor = readings.get(0);
        assertEquals("supervisor", supervisor.device().kind());
        assertEquals(10599.0, supervisor.value(Metrics.UPTIME).orElseThrow());
        assertEquals(0.79, supervisor.value("pvs.cpu_load").orElseThrow());
        assertEquals(24.0, supervisor.value("pvs.scan_time").orElseThrow());
        assertEquals("260754360", supervisor.state("pvs.panid").orElseThrow());
        assertEquals("PV Supervisor PVS6", supervisor.device().model().orElseThrow());
        assertEquals("ZTFAKE0000000000001", supervisor.device().serial().orElseThrow());
    }

    @Test
    void exporterInverterIs17Point4Watts() throws Exception {
        List<DeviceListEntry> devices = parse(Vectors.DL_EXPORTER);
        List<Reading> readings = DeviceList.toReadings(devices, Instant.EPOCH);
        Reading inverter = readings.stream()
                .filter(r -> r.device().kind().equals("inverter"))
                .findFirst()
                .orElseThrow();
        assertEquals(17.4, inverter.value(Metrics.AC_POWER).orElseThrow(), 1e-9);
        assertEquals("error", inverter.state("status").orElseThrow());
        assertTrue(inverter.value("pvs.dc.power.sum").isPresent());
    }

    @Test
    void errorStateInverterWithoutMetricsHasNoValues() throws Exception {
        List<DeviceListEntry> devices = parse(Vectors.DL_EXPORTER_ERROR);
        DeviceListEntry inverter = devices.get(3);
        assertEquals("error", inverter.state());
        assertNull(inverter.dataTime());
        Reading r = DeviceList.toReadings(devices, Instant.EPOCH).get(3);
        assertTrue(r.value(Metrics.AC_POWER).isEmpty(), "missing is unknown, not 0");
        assertEquals(0, r.size());
        assertEquals(Instant.parse("2019-05-14T04:06:57Z"), r.timestamp());
        assertEquals("Error", r.state("pvs.state_description").orElseThrow());
    }

    @Test
    void refusalsAndMalformedListsAreProtocolExceptions() {
        String[] bad = {
            "{\"status\":403,\"error\":\"Unauthorized\",\"path\":\"\"}",
            "{\"result\":\"failed\",\"devices\":[]}",
            "{\"devices\":{}}",
            "{\"devices\":[{\"DEVICE_TYPE\":\"PVS\"}]}",
            "{\"devices\":[{\"SERIAL\":\"x\"}]}",
            "{\"devices\":[{\"SERIAL\":\"x\",\"DEVICE_TYPE\":\"PVS\",\"DATATIME\":\"2024,13,40,99,0,0\"}]}",
            "{\"devices\":[{\"SERIAL\":\"x\",\"DEVICE_TYPE\":\"PVS\",\"dl_uptime\":[1]}]}",
            "{\"devices\":[1]}"
        };
        for (String body : bad) {
            assertThrows(ProtocolException.class, () -> DeviceList.parse(body.getBytes(StandardCharsets.UTF_8)), body);
        }
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> DeviceList.parse(bad[0].getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("403 Unauthorized"), e.getMessage());
    }

    @Test
    void nonNumericMetricIsAProtocolExceptionWhenMapped() throws Exception {
        List<DeviceListEntry> devices = DeviceList.parse(
                "{\"devices\":[{\"SERIAL\":\"E1\",\"DEVICE_TYPE\":\"Inverter\",\"p_3phsum_kw\":\"O.5\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThrows(ProtocolException.class, () -> DeviceList.toReadings(devices, Instant.EPOCH));
    }
}
