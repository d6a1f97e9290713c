package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Unit;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {

    private static final DeviceInfo INVERTER = DeviceInfo.builder("inv.1", "inverter")
            .vendor("Voltronic")
            .model("Axpert MKS II")
            .serial("96321")
            .firmware("72.70")
            .parentId("gw-1")
            .build();

    private final HomeAssistantDiscovery discovery = HomeAssistantDiscovery.builder(d -> "solar/" + d.id() + "/state")
            .availabilityTopic("solar/availability")
            .expireAfter(Duration.ofSeconds(30))
            .originVersion("0.1.0")
            .build();

    /** Flattens a JSON document into path → scalar text, e.g. {@code cmps.x.unit_of_measurement}. */
    private static Map<String, String> flatten(byte[] json) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        if (field != null) {
                            path.addLast(field);
                        }
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    default -> {
                        String prefix = String.join(".", path);
                        String key = field == null ? prefix + "[]" : (prefix.isEmpty() ? field : prefix + "." + field);
                        out.merge(key, p.getText(), (a, b) -> a + "," + b);
                        field = null;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void oneRetainedDeviceMessageWithDeviceOriginAndComponents() throws IOException {
        Publication config = discovery.config(
                INVERTER, List.of(Metrics.PV_POWER, Metrics.PV_ENERGY_TOTAL, Metrics.BATTERY_SOC), List.of("status"));
        assertEquals("homeassistant/device/solarwire_inv_1/config", config.topic());
        assertTrue(config.retain());
        Map<String, String> c = flatten(config.payload());

        assertEquals("solarwire_inv_1", c.get("dev.ids[]"));
        assertEquals("Voltronic", c.get("dev.mf"));
        assertEquals("Axpert MKS II", c.get("dev.mdl"));
        assertEquals("96321", c.get("dev.sn"));
        assertEquals("72.70", c.get("dev.sw"));
        assertEquals("solarwire_gw-1", c.get("dev.via_device"));
        assertEquals("solarwire", c.get("o.name"));
        assertEquals("0.1.0", c.get("o.sw"));
        assertEquals("solar/inv.1/state", c.get("state_topic"));
        assertEquals("solar/availability", c.get("availability_topic"));
        assertEquals("online", c.get("payload_available"));
        assertEquals("offline", c.get("payload_not_available"));

        String pv = "cmps.solarwire_inv_1_pv_power.";
        assertEquals("sensor", c.get(pv + "p"));
        assertEquals("solarwire_inv_1_pv_power", c.get(pv + "unique_id"));
        assertEquals("sensor.solarwire_inv_1_pv_power", c.get(pv + "default_entity_id"));
        assertEquals("power", c.get(pv + "device_class"));
        assertEquals("measurement", c.get(pv + "state_class"));
        assertEquals("W", c.get(pv + "unit_of_measurement"));
        assertEquals("{{ value_json['pv.power'] }}", c.get(pv + "value_template"));
        assertEquals("30", c.get(pv + "expire_after"));

        String energy = "cmps.solarwire_inv_1_pv_energy_total.";
        assertEquals("energy", c.get(energy + "device_class"));
        assertEquals("total_increasing", c.get(energy + "state_class"));
        assertEquals("kWh", c.get(energy + "unit_of_measurement"));
        assertEquals("{{ (value_json['pv.energy.total'] * 0.001) | round(6) }}", c.get(energy + "value_template"));

        String soc = "cmps.solarwire_inv_1_battery_soc.";
        assertEquals("battery", c.get(soc + "device_class"));
        assertEquals("%", c.get(soc + "unit_of_measurement"));

        String status = "cmps.solarwire_inv_1_status.";
        assertEquals("{{ value_json['status'] }}", c.get(status + "value_template"));
        assertFalse(c.containsKey(status + "device_class"));

        assertFalse(c.keySet().stream().anyMatch(k -> k.endsWith("object_id")), "object_id is deprecated");
    }

    @Test
    void everyCatalogueMetricGetsTheClassAndUnitHomeAssistantAccepts() {
        Map<Unit, String> unitShown =
                Map.of(Unit.WATT, "W", Unit.VOLT, "V", Unit.AMPERE, "A", Unit.HERTZ, "Hz", Unit.CELSIUS, "°C");
        for (Metric m : Metrics.all()) {
            HomeAssistantEntity e = HomeAssistantEntity.of(m);
            if (m.unit() == Unit.WATT_HOUR) {
                assertEquals(List.of("kWh"), e.unit().stream().toList(), m.key());
                assertEquals(0.001, e.scale(), m.key());
                if (m.key().endsWith(".total")) {
                    assertEquals("energy", e.deviceClass().orElseThrow(), m.key());
                    assertEquals("total_increasing", e.stateClass(), m.key());
                }
            } else if (unitShown.containsKey(m.unit())) {
                assertEquals(unitShown.get(m.unit()), e.unit().orElseThrow(), m.key());
                assertEquals("measurement", e.stateClass(), m.key());
                assertEquals(1, e.scale());
            }
        }
        assertEquals(
                "power_factor",
                HomeAssistantEntity.of(Metrics.AC_POWER_FACTOR).deviceClass().orElseThrow());
        assertEquals("total_increasing", HomeAssistantEntity.of(Metrics.UPTIME).stateClass());
        assertTrue(HomeAssistantEntity.of(Metric.gauge("pi30.fan.duty", Unit.PERCENT))
                .deviceClass()
                .isEmpty());
    }

    @Test
    void removalIsAnEmptyRetainedMessageOnTheSameTopic() {
        Publication removal = discovery.removal(INVERTER);
        assertEquals(discovery.configTopic(INVERTER), removal.topic());
        assertEquals(0, removal.payload().length);
        assertTrue(removal.retain());
    }

    @Test
    void prefixIsConfigurableAndValidated() {
        HomeAssistantDiscovery custom =
                HomeAssistantDiscovery.builder(d -> "s").prefix("ha").build();
        assertEquals("ha/device/solarwire_inv_1/config", custom.configTopic(INVERTER));
        assertEquals("ha/status", custom.statusTopic());
        for (String bad : new String[] {"", "ha/", "ha/#", "+"}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> HomeAssistantDiscovery.builder(d -> "s").prefix(bad),
                    bad);
        }
    }
}
