package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import io.github.solarwire.pvs.sim.PvsSimulatorServer;
import io.github.solarwire.pvs.sim.SimulatedPvs;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solar pvs2mqtt} end to end: the PVS simulator (varserver login, telemetry enabled through
 * it, the WebSocket), the app, and a real mosquitto with a password. Every topic and payload is
 * checked against the frames the simulator sent, read by an independent WebSocket client.
 */
class Pvs2MqttCommandTest {

    @TempDir
    Path dir;

    @Test
    void publishesPvsRecordersTopicsAndPayloads() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir)
                        .user("frigate", "mq-pw")
                        .build()
                        .start();
                PvsSimulatorServer pvs = PvsSimulatorServer.builder(SimulatedPvs.builder()
                                .storage(true)
                                .inverters(3)
                                .build())
                        .messageInterval(Duration.ofMillis(50))
                        .timeStep(Duration.ofSeconds(1))
                        .start(Instant.parse("2025-07-28T19:00:00Z"))
                        .start();
                TestSubscriber subscriber = TestSubscriber.subscribe(
                        broker, "pvs/#", com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE, "frigate", "mq-pw")) {
            Map<Long, Map<String, String>> frames = new ConcurrentHashMap<>();
            CompletableFuture<Run> app = CompletableFuture.supplyAsync(() -> Run.of(
                    Map.of(
                            "PVS_HOST", "127.0.0.1",
                            "PVS_WS_PORT", Integer.toString(pvs.webSocketPort()),
                            "MQTT_HOST", broker.host(),
                            "MQTT_PORT", Integer.toString(broker.port()),
                            "MQTT_PASSWORD", "mq-pw"),
                    "pvs2mqtt",
                    "--pvs-http-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--pvs-varserver-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--interval",
                    "400ms",
                    "--run-for",
                    "4s"));
            subscriber.await("online", () -> subscriber.contains("pvs/status online"));
            WebSocket witness = witness(pvs, frames);
            Run run = app.get(60, TimeUnit.SECONDS);
            witness.abort();
            assertEquals(0, run.code(), run.err());
            subscriber.await("offline", () -> subscriber.contains("pvs/status offline"));

            // group the value messages by the notification they came from: each group starts at pvs/time
            List<Map<String, String>> groups = new ArrayList<>();
            for (String m : subscriber.all()) {
                String topic = m.substring(0, m.indexOf(' '));
                String payload = m.substring(m.indexOf(' ') + 1);
                if (topic.equals("pvs/status")) {
                    continue;
                }
                String field = topic.substring("pvs/".length());
                assertTrue(Pvs2MqttCommand.FIELDS.contains(field), "unexpected topic " + topic);
                if (field.equals("time")) {
                    groups.add(new LinkedHashMap<>());
                }
                groups.get(groups.size() - 1).put(field, payload);
            }
            assertTrue(groups.size() >= 3, "groups: " + groups.size());
            assertTrue(groups.size() < 20, "at most one group per 400 ms interval, got " + groups.size());
            int checked = 0;
            for (Map<String, String> g : groups) {
                assertEquals(Pvs2MqttCommand.FIELDS, List.copyOf(g.keySet()), "every field, in the seed's order");
                double load = Double.parseDouble(g.get("site_load_p"));
                double sum = Double.parseDouble(g.get("pv_p"))
                        + Double.parseDouble(g.get("net_p"))
                        + Double.parseDouble(g.get("ess_p"));
                assertEquals(load, sum, 1e-6, g.toString());
                Map<String, String> sent = frames.get(Long.parseLong(g.get("time")));
                if (sent != null) {
                    for (String field : Pvs2MqttCommand.FIELDS) {
                        assertEquals(PythonNumbers.fromJson(sent.get(field)), g.get(field), field + " of " + g);
                    }
                    checked++;
                }
            }
            assertTrue(checked >= 2, "groups compared with the frames the PVS sent: " + checked);
            assertFalse((run.out() + run.err()).contains("mq-pw"), "the MQTT password is never printed");
        }
    }

    @Test
    void onlyTheStatusIsRetainedAndItIsOfflineAfterExit() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir).build().start();
                PvsSimulatorServer pvs = PvsSimulatorServer.builder(
                                SimulatedPvs.builder().inverters(2).build())
                        .messageInterval(Duration.ofMillis(50))
                        .start()) {
            Run run = Run.of(
                    Map.of(),
                    "pvs2mqtt",
                    "--pvs-host",
                    "127.0.0.1",
                    "--pvs-ws-port",
                    Integer.toString(pvs.webSocketPort()),
                    "--pvs-http-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--pvs-varserver-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--mqtt-host",
                    broker.host(),
                    "--mqtt-port",
                    Integer.toString(broker.port()),
                    "--mqtt-topic",
                    "solar/pvs",
                    "--mqtt-user",
                    "",
                    "--interval",
                    "100ms",
                    "--run-for",
                    "1500ms");
            assertEquals(0, run.code(), run.err());
            try (TestSubscriber late = TestSubscriber.subscribe(broker, "solar/#")) {
                late.await("the retained status", () -> late.contains("solar/pvs/status offline"));
                // give any other retained message the same chance to arrive: a marker published after
                late.client
                        .publishWith()
                        .topic("solar/marker")
                        .payload(new byte[] {'x'})
                        .send()
                        .get();
                late.await("the marker", () -> late.contains("solar/marker x"));
                assertEquals(2, late.all().size(), late.all().toString());
            }
        }
    }

    @Test
    void haDiscoveryAddsTheSiteAndEveryInverterWithTheirStates() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir).build().start();
                PvsSimulatorServer pvs = PvsSimulatorServer.builder(
                                SimulatedPvs.builder().inverters(3).build())
                        .messageInterval(Duration.ofMillis(50))
                        .start();
                TestSubscriber subscriber = TestSubscriber.subscribe(broker, "#")) {
            Run run = Run.of(
                    Map.of(),
                    "pvs2mqtt",
                    "--pvs-host",
                    "127.0.0.1",
                    "--pvs-ws-port",
                    Integer.toString(pvs.webSocketPort()),
                    "--pvs-http-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--pvs-varserver-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--mqtt-host",
                    broker.host(),
                    "--mqtt-port",
                    Integer.toString(broker.port()),
                    "--mqtt-user",
                    "",
                    "--ha-discovery",
                    "--poll-interval",
                    "300ms",
                    "--run-for",
                    "2500ms");
            assertEquals(0, run.code(), run.err());
            subscriber.await("offline", () -> subscriber.contains("pvs/status offline"));
            List<String> all = subscriber.all();
            assertTrue(
                    all.stream().anyMatch(m -> m.startsWith("homeassistant/device/solarwire_pvs/config ")),
                    all.toString());
            assertTrue(all.stream().anyMatch(m -> m.startsWith("pvs/pvs/state {")), "the site state");
            long inverterConfigs = all.stream()
                    .filter(m -> m.startsWith("homeassistant/device/solarwire_E") && m.contains("/config "))
                    .map(m -> m.substring(0, m.indexOf(' ')))
                    .distinct()
                    .count();
            assertEquals(3, inverterConfigs, "one discovery document per inverter: " + all);
            assertTrue(subscriber.count(m -> m.startsWith("pvs/pv_p ")) >= 1, "the seed's topics too");
        }
    }

    @Test
    void readsTheSunVaultToo() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir).build().start();
                PvsSimulatorServer pvs = PvsSimulatorServer.builder(
                                SimulatedPvs.builder().build(61640).build())
                        .messageInterval(Duration.ofMillis(50))
                        .start();
                io.github.solarwire.pvs.ess.SimulatedSunVault ess =
                        io.github.solarwire.pvs.ess.SimulatedSunVault.start();
                TestSubscriber subscriber = TestSubscriber.subscribe(broker, "pvs/#")) {
            ess.silence(231);
            Run run = Run.of(
                    Map.of("ESS_HOST", "127.0.0.1", "ESS_PORT", Integer.toString(ess.sunSpecPort())),
                    "pvs2mqtt",
                    "--pvs-host",
                    "127.0.0.1",
                    "--pvs-ws-port",
                    Integer.toString(pvs.webSocketPort()),
                    "--pvs-http-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--mqtt-host",
                    broker.host(),
                    "--mqtt-port",
                    Integer.toString(broker.port()),
                    "--mqtt-user",
                    "",
                    "--ess-interval",
                    "200ms",
                    "--ess-timeout",
                    "300ms",
                    "--run-for",
                    "3s");
            assertEquals(0, run.code(), run.err());
            subscriber.await("offline", () -> subscriber.contains("pvs/status offline"));
            List<String> all = subscriber.all();
            assertTrue(all.stream().anyMatch(m -> m.startsWith("pvs/gateway/battery_soc ")), all + run.err());
            assertTrue(all.stream().anyMatch(m -> m.startsWith("pvs/bms230/")), all.toString());
            assertFalse(all.stream().anyMatch(m -> m.startsWith("pvs/bms231/")), "the silent unit publishes nothing");
            assertTrue(run.err().contains("231") || run.err().contains("bms231"), run.err());
            assertTrue(all.stream().anyMatch(m -> m.startsWith("pvs/pv_p ")), "and the PVS values");
        }
    }

    @Test
    void withoutABrokerTheValuesArePrinted() throws Exception {
        try (PvsSimulatorServer pvs = PvsSimulatorServer.builder(
                        SimulatedPvs.builder().build(61640).build())
                .messageInterval(Duration.ofMillis(50))
                .start()) {
            Run run = Run.of(
                    Map.of("PVS_HOST", "127.0.0.1", "PVS_WS_PORT", Integer.toString(pvs.webSocketPort())),
                    "pvs2mqtt",
                    "--pvs-http-url",
                    "http://127.0.0.1:" + pvs.httpPort(),
                    "--interval",
                    "100ms",
                    "--run-for",
                    "1s");
            assertEquals(0, run.code(), run.err());
            String first = run.out().lines().findFirst().orElse("");
            assertTrue(first.startsWith("pvs/time="), run.out());
            assertTrue(first.contains(" pvs/pv_p=") && first.contains(" pvs/net_en="), first);
            assertFalse(first.contains("ess_p"), "no battery, no ess_p: " + first);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Run.of("pvs2mqtt", "--pvs-ws-port", "0").code());
        assertEquals(2, Run.of("pvs2mqtt", "--interval", "0s").code());
        assertEquals(2, Run.of("pvs2mqtt", "--pvs-path", "modbus").code());
        Run pin = Run.of("pvs2mqtt", "--pvs-pin", "zz");
        assertEquals(2, pin.code());
        assertTrue(pin.err().contains("--pvs-pin"), pin.err());
    }

    /** An independent WebSocket client: the raw fields of every frame the simulator sends, by time. */
    private static WebSocket witness(PvsSimulatorServer pvs, Map<Long, Map<String, String>> frames) throws Exception {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + pvs.webSocketPort() + "/"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                if (TelemetryFrame.parse(text.toString()) instanceof PowerNotification p) {
                                    frames.put(p.time().getEpochSecond(), p.raw());
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }
}
