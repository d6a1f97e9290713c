package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.core.sim.SyntheticDevice;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The sink against a real mosquitto: states, discovery, availability, outages. */
class MqttSinkTest extends BrokerFixture {

    private static Reading reading(int n) {
        return Reading.builder(INVERTER, T0.plusSeconds(n))
                .add(Metrics.PV_POWER, n)
                .add(Metrics.PV_ENERGY_TOTAL, 1000 + n)
                .state("status", "ok")
                .build();
    }

    private void subscribe(String filter) throws Exception {
        subscriber = TestSubscriber.subscribe(broker, filter);
    }

    private void awaitReceived(String what, BooleanSupplier condition) throws InterruptedException {
        subscriber.await(what, condition);
    }

    /** The distinct state messages received, by the reading time they carry. */
    private Set<String> stateTimes() {
        return subscriber.stateTimes("solar/inv-1/state");
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
        awaitReceived("availability", () -> subscriber.contains("solar/availability online"));
        List<String> all = subscriber.all();
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
                .client
                .publishWith()
                .topic("homeassistant/status")
                .payload("online".getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
        awaitReceived("the status message", () -> subscriber.contains("homeassistant/status online"));
        awaitCondition("the sink to see it", sink::discoveryRepublishPending);
        sink.accept(reading(2));
        awaitReceived("the state after it", () -> stateTimes().contains("2026-06-21T10:00:02Z"));
        List<String> all = subscriber.all();
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
        awaitSubscriberSessionSaved();
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
    void noReadingOfA1HzStreamIsLostWhenTheBrokerIsKilledAndRestarted() throws Exception {
        broker = MosquittoBroker.builder(dir).persistence(true).build().start();
        subscribe("solar/+/state");
        awaitSubscriberSessionSaved();
        List<String> produced = java.util.Collections.synchronizedList(new ArrayList<>());
        sink = sinkFor(broker).homeAssistant(false).build();
        Recorder recorder = Recorder.builder()
                .poll(SyntheticDevice.builder("inv-1").seed(7).build(), Duration.ofSeconds(1))
                .sink(sink)
                .sink(new Sink() {
                    @Override
                    public void accept(Reading r) {
                        produced.add(r.timestamp().toString().substring(0, 19));
                    }

                    @Override
                    public void close() {}
                })
                .build();
        try {
            recorder.start();
            awaitReceived("3 states", () -> stateTimes().size() >= 3);
            broker.kill(); // right after a delivery: the next reading is most of a second away
            awaitCondition("2 readings held while the broker is down", () -> sink.backlog() >= 2);
            broker.restart();
            int afterRestart = stateTimes().size() + 2;
            awaitReceived("2 states after the restart", () -> stateTimes().size() >= afterRestart);
        } finally {
            recorder.close();
        }
        awaitReceived("every reading produced", () -> stateTimes().size() >= produced.size());
        List<String> received =
                stateTimes().stream().map(t -> t.substring(0, 19)).toList();
        assertEquals(
                List.copyOf(produced),
                received,
                "every reading produced arrived, in order (a repeat would be folded into one time here)");
    }

    /**
     * Delivered messages leave the broker's database; a retained marker published after the
     * subscription, once saved, shows that a save has captured the subscriber's session, so a
     * following kill cannot lose it.
     */
    private void awaitSubscriberSessionSaved() throws Exception {
        byte[] marker = ("saved-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        subscriber
                .client
                .publishWith()
                .topic("test/marker")
                .payload(marker)
                .retain(true)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .get(10, TimeUnit.SECONDS);
        broker.awaitPersisted(marker);
    }

    @Test
    void aSinkClosedBeforeItsFirstConnectStillDeliversItsBacklog() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscribe("solar/inv-1/state");
        broker.pause(); // the TCP connect succeeds, the CONNACK waits until the broker resumes
        MqttSink quick = sinkFor(broker).homeAssistant(false).build();
        for (int n = 1; n <= 3; n++) {
            quick.accept(reading(n));
        }
        Thread resume = new Thread(() -> {
            try {
                new java.util.concurrent.CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            broker.resume();
        });
        resume.start();
        quick.close(); // at once, as a one-shot command does: before the sink ever connected
        resume.join();
        assertEquals(0, quick.backlog(), "delivered within the close timeout");
        awaitReceived("all 3", () -> stateTimes().size() == 3);
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

    private static int indexOf(List<String> all, String prefix) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
