package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.testkit.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real mosquitto: states, discovery, availability, outages. */
class MqttSinkTest {

    private static final DeviceInfo INVERTER =
            DeviceInfo.builder("inv-1", "inverter").vendor("Acme").build();
    private static final Instant T0 = Instant.parse("2026-06-21T10:00:00Z");

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private MqttSink sink;
    private Mqtt5AsyncClient subscriber;
    private final List<String> received = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (subscriber != null) {
            subscriber.disconnect().exceptionally(e -> null).get(5, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static Reading reading(int n) {
        return Reading.builder(INVERTER, T0.plusSeconds(n))
                .add(Metrics.PV_POWER, n)
                .add(Metrics.PV_ENERGY_TOTAL, 1000 + n)
                .state("status", "ok")
                .build();
    }

    /** A subscriber with a persistent session, so a broker restart keeps what is queued for it. */
    private void subscribe(String filter) throws Exception {
        subscriber = MqttClient.builder()
                .useMqttVersion5()
                .identifier("test-subscriber")
                .serverHost(broker.host())
                .serverPort(broker.port())
                .automaticReconnect()
                .initialDelay(50, TimeUnit.MILLISECONDS)
                .maxDelay(200, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .buildAsync();
        subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> {
            synchronized (received) {
                received.add(p.getTopic() + " " + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8));
                received.notifyAll();
            }
        });
        subscriber
                .connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(300)
                .send()
                .get(10, TimeUnit.SECONDS);
        subscriber
                .subscribeWith()
                .topicFilter(filter)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
    }

    private MqttSink.Builder sinkFor(MosquittoBroker b) {
        return MqttSink.builder(b.host())
                .port(b.port())
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .closeTimeout(Duration.ofSeconds(10));
    }

    private void awaitReceived(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (received) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "timed out waiting for " + what + "; received " + received);
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** The distinct state messages received, by the reading time they carry. */
    private Set<String> stateTimes() {
        Set<String> times = new LinkedHashSet<>();
        synchronized (received) {
            for (String r : received) {
                if (r.startsWith("solar/inv-1/state ")) {
                    times.add(r.substring(r.indexOf("\"time\":\"") + 8, r.indexOf("\"time\":\"") + 28));
                }
            }
        }
        return times;
    }

    @Test
    void statesDiscoveryAndAvailabilityReachASubscriber() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscribe("#");
        sink = sinkFor(broker).build();
        for (int n = 1; n <= 5; n++) {
            sink.accept(reading(n));
        }
        awaitReceived("5 states", () -> stateTimes().size() == 5);
        awaitReceived("availability", () -> received.contains("solar/availability online"));
        List<String> all;
        synchronized (received) {
            all = List.copyOf(received);
        }
        assertTrue(all.contains("solar/availability online"), all.toString());
        int config = indexOf(all, "homeassistant/device/solarwire_inv-1/config ");
        int firstState = indexOf(all, "solar/inv-1/state ");
        assertTrue(config >= 0 && config < firstState, "discovery comes before the first state: " + all);
        assertTrue(all.get(firstState).contains("\"pv.power\":1.0"), all.get(firstState));
        assertEquals(
                List.of(
                        "2026-06-21T10:00:01Z",
                        "2026-06-21T10:00:02Z",
                        "2026-06-21T10:00:03Z",
                        "2026-06-21T10:00:04Z",
                        "2026-06-21T10:00:05Z"),
                List.copyOf(stateTimes()),
                "in order");
        assertEquals(1, all.stream().filter(m -> m.contains("/config ")).count(), "discovery once per device");
    }

    @Test
    void discoveryIsSentAgainBeforeTheNextReadingWhenHomeAssistantComesOnline() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscribe("#");
        sink = sinkFor(broker).build();
        sink.accept(reading(1));
        awaitReceived("the first state", () -> stateTimes().size() == 1);
        // The sink subscribes to homeassistant/status before it publishes anything on that
        // connection, so once a state arrived the broker has the subscription.
        subscriber
                .publishWith()
                .topic("homeassistant/status")
                .payload("online".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
        awaitReceived("the status message", () -> received.contains("homeassistant/status online"));
        awaitCondition("the sink to see it", sink::discoveryRepublishPending);
        sink.accept(reading(2));
        awaitReceived("the state after it", () -> stateTimes().contains("2026-06-21T10:00:02Z"));
        List<String> all;
        synchronized (received) {
            all = List.copyOf(received);
        }
        int secondConfig = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains("/config ")) {
                secondConfig = i;
            }
        }
        int secondState = indexOf(all, "solar/inv-1/state {\"time\":\"2026-06-21T10:00:02Z");
        assertEquals(2, all.stream().filter(m -> m.contains("/config ")).count(), all.toString());
        assertTrue(secondConfig < secondState, "discovery again before the next state: " + all);
    }

    @Test
    void readingsStoredWhileTheBrokerIsDownAreDeliveredInOrderWhenItComesUp() throws Exception {
        broker = MosquittoBroker.builder(dir).persistence(true).build().start();
        subscribe("solar/inv-1/state");
        broker.stop();
        sink = sinkFor(broker).homeAssistant(false).build();
        for (int n = 1; n <= 20; n++) {
            sink.accept(reading(n));
        }
        assertEquals(20, sink.backlog());
        broker.restart();
        awaitReceived("20 states", () -> stateTimes().size() == 20);
        List<String> times = List.copyOf(stateTimes());
        for (int n = 1; n <= 20; n++) {
            assertEquals(T0.plusSeconds(n).toString(), times.get(n - 1));
        }
    }

    @Test
    void noReadingIsLostAcrossAKillDashNineAndRestartOfTheBroker() throws Exception {
        broker = MosquittoBroker.builder(dir).persistence(true).build().start();
        subscribe("solar/inv-1/state");
        sink = sinkFor(broker).homeAssistant(false).build();
        for (int n = 1; n <= 30; n++) {
            sink.accept(reading(n));
        }
        awaitReceived("the first 30", () -> stateTimes().size() == 30);
        // Delivered messages leave the broker's database; a retained marker published after the
        // subscription shows that a save has captured the subscriber's session before the kill.
        byte[] marker = ("saved-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        subscriber
                .publishWith()
                .topic("test/marker")
                .payload(marker)
                .retain(true)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
        broker.awaitPersisted(marker);
        broker.kill();
        for (int n = 31; n <= 60; n++) {
            sink.accept(reading(n));
        }
        broker.restart();
        for (int n = 61; n <= 90; n++) {
            sink.accept(reading(n));
        }
        awaitReceived("all 90", () -> stateTimes().size() == 90);
        List<String> times = List.copyOf(stateTimes());
        for (int n = 1; n <= 90; n++) {
            assertEquals(T0.plusSeconds(n).toString(), times.get(n - 1), "reading " + n);
        }
    }

    @Test
    void credentialsAndAPinnedCertificateConnectOverTls() throws Exception {
        broker = MosquittoBroker.builder(dir)
                .user("solar", "s3cret")
                .tls(true)
                .build()
                .start();
        sink = sinkFor(broker)
                .credentials("solar", Secret.of("s3cret"))
                .tls(MqttTls.pinned(broker.serverCertificateFingerprint()))
                .homeAssistant(false)
                .build();
        sink.accept(reading(1));
        awaitCondition("delivered", () -> sink.published() >= 1 && sink.backlog() == 0);
        assertTrue(sink.isConnected());
    }

    @Test
    void aTrustedCaFileConnectsOverTls() throws Exception {
        broker = MosquittoBroker.builder(dir).tls(true).build().start();
        sink = sinkFor(broker)
                .tls(MqttTls.caFile(broker.caFile()))
                .homeAssistant(false)
                .build();
        sink.accept(reading(1));
        awaitCondition("delivered", () -> sink.published() >= 1 && sink.backlog() == 0);
    }

    @Test
    void aWrongPinOrAWrongPasswordKeepsEveryReadingInTheOutbox() throws Exception {
        broker = MosquittoBroker.builder(dir)
                .user("solar", "s3cret")
                .tls(true)
                .build()
                .start();
        String wrongPin = "00".repeat(32);
        try (MqttSink pinned = sinkFor(broker)
                        .credentials("solar", Secret.of("s3cret"))
                        .tls(MqttTls.pinned(wrongPin))
                        .homeAssistant(false)
                        .closeTimeout(Duration.ofMillis(200))
                        .build();
                MqttSink refused = sinkFor(broker)
                        .credentials("solar", Secret.of("wrong"))
                        .tls(MqttTls.caFile(broker.caFile()))
                        .homeAssistant(false)
                        .closeTimeout(Duration.ofMillis(200))
                        .build()) {
            for (int n = 1; n <= 3; n++) {
                pinned.accept(reading(n));
                refused.accept(reading(n));
            }
            // Both have tried and been turned away more than once, and kept everything.
            awaitCondition(
                    "refused connections", () -> pinned.connectionFailures() >= 2 && refused.connectionFailures() >= 2);
            assertEquals(3, pinned.backlog());
            assertEquals(3, refused.backlog());
            assertEquals(0, pinned.published() + refused.published());
            assertFalse(pinned.isConnected() || refused.isConnected());
            assertFalse(
                    pinned.toString().contains("s3cret") || refused.toString().contains("wrong"));
        }
    }

    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Object monitor = new Object();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
                monitor.wait(20);
            }
        }
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
