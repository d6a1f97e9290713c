package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar demo --mqtt-host}: discovery and every state reach a real mosquitto. */
class DemoMqttTest {

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private TestSubscriber subscriber;

    @AfterEach
    void tearDown() throws Exception {
        if (subscriber != null) {
            subscriber.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private void subscribe(String user, String password) throws Exception {
        subscriber = TestSubscriber.subscribe(broker, "#", MqttQos.AT_LEAST_ONCE, user, password);
    }

    private List<String> received() {
        return subscriber.all();
    }

    @Test
    void publishesDiscoveryAndEveryStateAndGoesOfflineAtTheEnd() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscribe(null, null);
        Path out = dir.resolve("demo.jsonl");
        Run run = Run.of(
                "demo",
                "--duration",
                "1500ms",
                "--interval",
                "100ms",
                "--devices",
                "2",
                "--no-pvs",
                "--no-powerwall",
                "-q",
                "--out",
                out.toString(),
                "--mqtt-host",
                broker.host(),
                "--mqtt-port",
                Integer.toString(broker.port()));
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(run.out().contains("demo: " + (lines.size() + 4) + " MQTT messages acknowledged"), run.out());
        assertTrue(run.out().contains(", 0 left unsent"), run.out());

        // Everything was acknowledged before the demo exited, so the subscriber has it or is about to.
        subscriber.await("offline", () -> subscriber.contains("solar/availability offline"));
        List<String> all = received();
        for (String device : List.of("demo-inverter-1", "demo-inverter-2", "demo-pi30")) {
            String config = "homeassistant/device/solarwire_" + device + "/config ";
            int announced = indexOf(all, config);
            int firstState = indexOf(all, "solar/" + device + "/state ");
            assertTrue(announced >= 0 && announced < firstState, device + " announced before its first state: " + all);
            String payload = all.get(announced).substring(config.length());
            assertTrue(payload.contains("\"cmps\""), payload);
            if (device.equals("demo-pi30")) {
                // Read from the PI30 simulator on a pty; a PI30 has no energy counters.
                assertTrue(payload.contains("\"device_class\":\"battery\""), payload);
                assertTrue(payload.contains("\"mdl\":\"MKS2-5000\""), payload);
            } else {
                assertTrue(payload.contains("\"unit_of_measurement\":\"kWh\""), payload);
                assertTrue(payload.contains("\"state_class\":\"total_increasing\""), payload);
            }
            long fileLines = lines.stream()
                    .filter(l -> l.contains("\"device\":\"" + device + "\""))
                    .count();
            long states = all.stream()
                    .filter(m -> m.startsWith("solar/" + device + "/state {"))
                    .count();
            assertEquals(fileLines, states, "every reading of " + device + " in the file was published");
        }
        assertEquals("solar/availability online", all.get(indexOf(all, "solar/availability ")));
        assertEquals("solar/availability offline", all.get(all.size() - 1));
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndNeverPrintsIt() throws Exception {
        broker = MosquittoBroker.builder(dir).user("solar", "pw-4f9a").build().start();
        subscribe("solar", "pw-4f9a");
        Run run = Run.of(
                Map.of("SOLAR_DEMO_MQTT_PASSWORD", "pw-4f9a"),
                "demo",
                "--duration",
                "500ms",
                "--interval",
                "100ms",
                "-q",
                "--out",
                dir.resolve("demo.jsonl").toString(),
                "--mqtt-host",
                broker.host(),
                "--mqtt-port",
                Integer.toString(broker.port()),
                "--mqtt-user",
                "solar",
                "--no-ha-discovery");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(", 0 left unsent"), run.out());
        assertFalse((run.out() + run.err()).contains("pw-4f9a"));
        subscriber.await("offline", () -> subscriber.contains("solar/availability offline"));
        assertTrue(
                subscriber.count(m -> m.startsWith("solar/demo-inverter-1/state {")) > 0,
                received().toString());
        assertTrue(
                received().stream().noneMatch(m -> m.startsWith("homeassistant/")),
                received().toString());
    }

    @Test
    void aBadMqttOptionIsAOneLineUsageError() {
        Run run = Run.of("demo", "--duration", "100ms", "--mqtt-host", "127.0.0.1", "--mqtt-version", "4");
        assertEquals(2, run.code());
        assertTrue(
                run.err().startsWith("solar demo: Invalid value for option '--mqtt-version': 4; accepted: 3 or 5"),
                run.err());
    }

    private static int indexOf(List<String> all, String prefix) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
