package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TelemetryReadingsTest {

    private static Map<String, Reading> readings() throws IOException {
        byte[] stream = Files.readAllBytes(TestVectors.directory("solaredge").resolve("synthetic_all_devices.dat"));
        TelemetryBatch batch =
                Telemetry.parse(MessageStream.telemetryPayloads(stream).get(0));
        List<Reading> readings = TelemetryReadings.readings(batch.records());
        assertEquals(11, readings.size(), "14 records less 2 events and 1 unknown");
        return readings.stream().collect(Collectors.toMap(Reading::deviceId, Function.identity()));
    }

    @Test
    void inverters() throws IOException {
        Map<String, Reading> r = readings();
        Reading one = r.get("7F104920");
        assertEquals("inverter", one.device().kind());
        assertEquals("SolarEdge", one.device().vendor());
        assertEquals(214.0, one.value(Metrics.AC_POWER).orElseThrow());
        assertEquals(29742868.0, one.value(Metrics.PV_ENERGY_TOTAL).orElseThrow());
        assertEquals(246.421875, one.value(Metrics.AC_VOLTAGE_L1).orElseThrow());
        assertEquals(39.40625, one.value(Metrics.TEMPERATURE_INVERTER).orElseThrow());
        assertEquals(36000, one.value(Metrics.UPTIME).orElseThrow());
        Reading three = r.get("7E1820EA");
        assertEquals(231.25, three.value(Metrics.AC_VOLTAGE_L2).orElseThrow());
        assertEquals(1.0, three.value(Metrics.AC_CURRENT_L3).orElseThrow());
        assertEquals(50.0, three.value(Metrics.AC_FREQUENCY).orElseThrow());
        assertEquals("mppt", three.state("solaredge.mode").orElseThrow());
    }

    @Test
    void optimizers() throws IOException {
        Map<String, Reading> r = readings();
        Reading old = r.get("100BDB68");
        assertEquals("optimizer", old.device().kind());
        assertEquals("7F104920", old.device().parentId().orElseThrow());
        assertEquals(36.5, old.value(Metrics.DC_VOLTAGE_PV1).orElseThrow());
        assertEquals(36.5 * 8.125, old.value(Metrics.DC_POWER_PV1).orElseThrow());
        Reading packed = r.get("114C8EDE");
        assertEquals(0.375, packed.value(Metrics.DC_CURRENT_PV1).orElseThrow());
        assertEquals(10.25, packed.value(Metrics.PV_ENERGY_TODAY).orElseThrow());
        assertEquals(12.0, packed.value("solaredge.optimizer.temperature").orElseThrow());
        Reading s440 = r.get("124A5B6C");
        assertEquals(OptionalDouble.empty(), s440.value(Metrics.PV_ENERGY_TODAY));
        assertEquals(25.0, s440.value("solaredge.optimizer.output.voltage").orElseThrow());
    }

    @Test
    void batteryAndMeters() throws IOException {
        Map<String, Reading> r = readings();
        Reading battery = r.get("BAT1234567");
        assertEquals("battery", battery.device().kind());
        assertEquals("7F104920", battery.device().parentId().orElseThrow());
        assertEquals(52.25, battery.value(Metrics.BATTERY_VOLTAGE).orElseThrow());
        assertEquals(-3.5, battery.value(Metrics.BATTERY_CURRENT).orElseThrow());
        assertEquals(24.5, battery.value(Metrics.BATTERY_TEMPERATURE).orElseThrow());
        assertEquals(100.0 * 4321.5 / 9500.0, battery.value(Metrics.BATTERY_SOC).orElseThrow());
        assertEquals(
                98765, battery.value(Metrics.BATTERY_DISCHARGE_ENERGY_TOTAL).orElseThrow());
        assertEquals("charging", battery.state("solaredge.battery.status").orElseThrow());

        Reading grid = r.get("7F104920.5_GridImportExport");
        assertEquals("meter", grid.device().kind());
        assertEquals(1234567, grid.value(Metrics.GRID_EXPORT_ENERGY_TOTAL).orElseThrow());
        assertEquals(7654321, grid.value(Metrics.GRID_IMPORT_ENERGY_TOTAL).orElseThrow());
        assertEquals(-144.0, grid.value(Metrics.GRID_POWER).orElseThrow());
        Reading pv = r.get("7F104920.9_PVProduction");
        assertEquals(214.0, pv.value(Metrics.PV_POWER).orElseThrow());
        assertTrue(pv.value("solaredge.meter.power.from").isEmpty(), "NaN is left out");
        assertTrue(pv.value(Metrics.GRID_EXPORT_ENERGY_TOTAL).isEmpty());
        assertEquals(
                660.0, r.get("7F104920.3_Consumption").value(Metrics.LOAD_POWER).orElseThrow());
    }
}
