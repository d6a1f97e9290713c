package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.kostal.sim.PikoWebServer;
import io.github.solarwire.kostal.sim.SimulatedPiko;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar kostal2mqtt} end to end: the PIKO simulator's web server, the app, a real mosquitto. */
class Kostal2MqttCommandTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-21T11:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void publishesTheSeedsDocumentWithItsEnvironmentVariables() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir)
                        .user("solar", "mq-pw")
                        .build()
                        .start();
                PikoWebServer piko =
                        PikoWebServer.start(new SimulatedPiko("PIKO 5.5", 3, 3, SimulatedPiko.Language.DE, NOON, 1));
                TestSubscriber subscriber = TestSubscriber.subscribe(
                        broker, "KOSTAL", com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE, "solar", "mq-pw")) {
            Run run = Run.of(
                    Map.of(
                            "KOSTAL_HOST",
                            "127.0.0.1:" + piko.port(),
                            "MQTT_HOST",
                            broker.host(),
                            "MQTT_PORT",
                            Integer.toString(broker.port()),
                            "MQTT_USERNAME",
                            "solar",
                            "MQTT_PASSWORD",
                            "mq-pw",
                            "SCRAPE_INTERVAL",
                            "50ms"),
                    "kostal2mqtt",
                    "--rounds",
                    "2");
            assertEquals(0, run.code(), run.err());
            subscriber.await("two documents", () -> subscriber.count(m -> m.startsWith("KOSTAL {")) == 2);
            JsonNode doc = new ObjectMapper().readTree(subscriber.all().get(0).substring("KOSTAL ".length()));
            JsonNode p = doc.get("PIKO");
            assertTrue(p.get("ENERGY").get("actual").asDouble() > 3000, doc.toString());
            assertTrue(p.get("ENERGY").get("total").asDouble() > 0, doc.toString());
            assertEquals(1, p.get("IN").get("STRING3").get("state").asInt(), doc.toString());
            assertEquals(1, p.get("OUT").get("PHASE3").get("state").asInt(), doc.toString());
            assertEquals(3, p.get("STATE").get("flag").asInt(), doc.toString());
            assertEquals(1, p.get("STATE").get("binary").asInt(), doc.toString());
            assertTrue(!(run.out() + run.err()).contains("mq-pw"));
        }
    }

    @Test
    void readsPort81AndAlsoPublishesTheSolarwireStateWhenAsked() throws Exception {
        SimulatedPiko sim = new SimulatedPiko("PIKO 10.1", 3, 3, SimulatedPiko.Language.EN, NOON, 4);
        try (MosquittoBroker broker = MosquittoBroker.builder(dir).build().start();
                io.github.solarwire.kostal.sim.PikoPort81Server port81 =
                        io.github.solarwire.kostal.sim.PikoPort81Server.start(sim);
                TestSubscriber subscriber = TestSubscriber.subscribe(broker, "KOSTAL/#")) {
            Run run = Run.of(
                    Map.of(
                            "KOSTAL_HOST", "127.0.0.1",
                            "MQTT_HOST", broker.host(),
                            "MQTT_PORT", Integer.toString(broker.port())),
                    "kostal2mqtt",
                    "--kostal-source",
                    "port81",
                    "--kostal-port81",
                    Integer.toString(port81.port()),
                    "--solarwire",
                    "--rounds",
                    "1");
            assertEquals(0, run.code(), run.err());
            subscriber.await(
                    "the document and the state",
                    () -> subscriber.count(m -> m.startsWith("KOSTAL {")) == 1
                            && subscriber.count(m -> m.startsWith("KOSTAL/kostal/state {")) == 1);
            JsonNode p = new ObjectMapper()
                    .readTree(subscriber.all().stream()
                            .filter(m -> m.startsWith("KOSTAL {"))
                            .findFirst()
                            .orElseThrow()
                            .substring(7))
                    .get("PIKO");
            assertTrue(p.get("ENERGY").get("actual").asDouble() > 5000, p.toString());
            assertEquals(3, p.get("STATE").get("flag").asInt(), p.toString());
        }
    }

    @Test
    void anUnreachableInverterIsPublishedAsNoDataAndTheAppKeepsRunning() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (MosquittoBroker broker = MosquittoBroker.builder(dir).build().start();
                TestSubscriber subscriber = TestSubscriber.subscribe(broker, "PV/#")) {
            Run run = Run.of(
                    Map.of(
                            "KOSTAL_HOST",
                            "127.0.0.1:" + port,
                            "MQTT_HOST",
                            broker.host(),
                            "MQTT_PORT",
                            Integer.toString(broker.port()),
                            "MQTT_TOPIC",
                            "PV",
                            "SCRAPE_INTERVAL",
                            "50ms"),
                    "kostal2mqtt",
                    "--mqtt-outbox",
                    dir.resolve("outbox").toString(),
                    "--rounds",
                    "3");
            assertEquals(0, run.code(), "an outage never ends the app: " + run.err());
            subscriber.await("three documents", () -> subscriber.count(m -> m.startsWith("PV {")) == 3);
            List<String> docs =
                    subscriber.all().stream().filter(m -> m.startsWith("PV {")).toList();
            JsonNode state = new ObjectMapper()
                    .readTree(docs.get(0).substring(3))
                    .get("PIKO")
                    .get("STATE");
            assertEquals(-1, state.get("flag").asInt());
            assertEquals("No data", state.get("string").asText());
            assertEquals(
                    1, run.err().lines().filter(l -> l.contains("trying again")).count(), "said once: " + run.err());
        }
    }
}
