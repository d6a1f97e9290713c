package io.github.solarwire.pvs.ess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's SunVault snippet (checked against the README by the core's ReadmeSnippetsTest) runs. */
class SunVaultReadmeTest {

    private final Map<String, Object> published = new LinkedHashMap<>();
    private final Map<String, String> warnings = new LinkedHashMap<>();

    private void publish(String topic, Object value) {
        published.put(topic, value);
    }

    private void warn(String device, String message) {
        warnings.put(device, message);
    }

    private void readOnce(String host, int port502, int port503) throws IOException {
        // tag::sunvault[]
        try (SunVaultClient ess = SunVaultClient.builder(host) // 172.27.153.171 behind the PVS, or a proxy
                .sunSpecPort(port502)
                .schneiderPort(port503) // optional: grid, load and battery bank of the XW inverters
                .build()) {
            SunVaultPoll poll = ess.poll(); // units 1, 10, 11, 230, 231
            poll.topics().forEach((topic, value) -> publish("sunvault/" + topic, value)); // gateway/battery_soc 80
            poll.failures().forEach((unit, error) -> warn(unit.name(), error.getMessage())); // did not answer
        }
        // end::sunvault[]
    }

    @Test
    void snippetPublishesEveryUnitAndWarnsOfTheSilentOne() throws IOException {
        try (SimulatedSunVault sim = SimulatedSunVault.start()) {
            sim.silence(231);
            readOnce("127.0.0.1", sim.sunSpecPort(), sim.schneiderPort());
        }
        assertEquals(80L, published.get("sunvault/gateway/battery_soc"));
        assertEquals(1200L, published.get("sunvault/gateway/battery_power"));
        assertTrue(published.containsKey("sunvault/inverter10/grid_power"));
        assertEquals(Set.of("bms231"), warnings.keySet());
    }
}
