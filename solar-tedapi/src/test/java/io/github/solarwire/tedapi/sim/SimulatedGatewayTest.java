package io.github.solarwire.tedapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The generated site JSON has the vectors' shapes and moves over time. */
class SimulatedGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

    private static JsonNode vector(String relative) throws IOException {
        return JSON.readTree(TestVectors.directory("tedapi").resolve(relative).toFile());
    }

    /** Every object key of the vector appears in the generated JSON too (arrays: first element). */
    private static void assertShape(JsonNode vector, JsonNode generated, String where) {
        if (vector.isObject()) {
            assertTrue(generated.isObject(), where + " is not an object");
            for (Iterator<String> it = vector.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertTrue(generated.has(key), where + "/" + key + " missing");
                assertShape(vector.get(key), generated.get(key), where + "/" + key);
            }
        } else if (vector.isArray() && !vector.isEmpty() && vector.get(0).isObject() && !generated.isEmpty()) {
            assertShape(vector.get(0), generated.get(0), where + "[0]");
        }
    }

    @Test
    void pw3ShapesFollowTheVectors() throws IOException {
        SimulatedGateway pw3 = SimulatedGateway.pw3();
        JsonNode status = JSON.readTree(pw3.statusJson(NOON));
        assertShape(vector("generated/pw3/input/status.json").get("control"), status.get("control"), "control");
        JsonNode components = JSON.readTree(pw3.componentsJson(pw3.din(), NOON));
        assertShape(vector("generated/pw3/input/components_leader.json"), components, "");
        JsonNode config = JSON.readTree(pw3.configJson());
        assertShape(vector("generated/pw3/input/config.json").get("site_info"), config.get("site_info"), "site_info");
        assertEquals("Powerwall3Follower", config.at("/battery_blocks/1/type").asText());
        assertThrows(IllegalArgumentException.class, () -> pw3.componentsJson("nope", NOON));
    }

    @Test
    void pw2ShapesFollowTheVectors() throws IOException {
        SimulatedGateway pw2 = SimulatedGateway.pw2();
        JsonNode status = JSON.readTree(pw2.statusJson(NOON));
        JsonNode vector = vector("generated/pw2/input/status.json");
        assertShape(vector.get("control"), status.get("control"), "control");
        assertShape(vector.at("/esCan/bus/PVAC/0/PVAC_Status"), status.at("/esCan/bus/PVAC/0/PVAC_Status"), "PVAC");
        assertShape(vector.at("/esCan/bus/POD/0"), status.at("/esCan/bus/POD/0"), "POD");
        JsonNode controller = JSON.readTree(pw2.controllerJson(NOON));
        assertEquals(3, controller.at("/components/msa").size());
    }

    @Test
    void valuesMoveOverTimeAndBalance() throws IOException {
        SimulatedGateway pw2 = SimulatedGateway.pw2();
        assertEquals(pw2.statusJson(NOON), pw2.statusJson(NOON));
        JsonNode noon = JSON.readTree(pw2.statusJson(NOON)).at("/control/meterAggregates");
        JsonNode night =
                JSON.readTree(pw2.statusJson(NOON.plusSeconds(12 * 3600))).at("/control/meterAggregates");
        assertNotEquals(noon, night);
        assertTrue(noon.get(3).get("realPowerW").asDouble() > 5000, "solar at noon");
        assertEquals(0, night.get(3).get("realPowerW").asDouble(), "no solar at midnight");
        for (JsonNode aggregates : new JsonNode[] {noon, night}) {
            double site = aggregates.get(0).get("realPowerW").asDouble();
            double battery = aggregates.get(1).get("realPowerW").asDouble();
            double load = aggregates.get(2).get("realPowerW").asDouble();
            double solar = aggregates.get(3).get("realPowerW").asDouble();
            assertEquals(load, site + battery + solar, 1.0);
        }
        JsonNode system = JSON.readTree(pw2.statusJson(NOON)).at("/control/systemStatus");
        assertTrue(system.get("nominalEnergyRemainingWh").asDouble()
                < system.get("nominalFullPackEnergyWh").asDouble());
    }
}
