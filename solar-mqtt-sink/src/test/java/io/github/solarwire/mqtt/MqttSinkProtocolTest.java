package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protocol versions, QoS levels, layouts, a stuck broker and refused messages, against a real mosquitto. */
class MqttSinkProtocolTest extends BrokerFixture {

    private static Reading reading(int n) {
        return Reading.builder(INVERTER, T0.plusSeconds(n))
                .add(Metrics.PV_POWER, 1000 + n)
                .add(Metrics.PV_ENERGY_TOTAL, 0.5 + n)
                .state("status", "ok")
                .build();
    }

    private List<String> expectedTimes(int from, int to) {
        List<String> times = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            times.add(T0.plusSeconds(n).toString());
        }
        return times;
    }

    @ParameterizedTest(name = "{0} at QoS {1}")
    @CsvSource({"MQTT_3_1_1, 0", "MQTT_3_1_1, 1", "MQTT_3_1_1, 2", "MQTT_5, 0", "MQTT_5, 2"})
    void everyVersionAndQosDeliversDiscoveryStatesAndAvailability(MqttVersion version, int qos) throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscriber = TestSubscriber.subscribe(broker, "#", MqttQos.EXACTLY_ONCE);
        sink = sinkFor(broker)
                .clientId("sink-under-test")
                .version(version)
                .qos(qos)
                .build();
        for (int n = 1; n <= 10; n++) {
            sink.accept(reading(n));
        }
        subscriber.await(
                "10 states", () -> subscriber.stateTimes("solar/inv-1/state").size() == 10);
        assertEquals(expectedTimes(1, 10), List.copyOf(subscriber.stateTimes("solar/inv-1/state")));
        assertTrue(
                subscriber.contains("solar/availability online"),
                subscriber.all().toString());
        assertEquals(1, subscriber.count(m -> m.startsWith("homeassistant/device/solarwire_inv-1/config {")));
        awaitCondition("the outbox to empty", () -> sink.backlog() == 0);
        // mosquitto logs the protocol of each client: p2 is MQTT 3.1.1, p5 is MQTT 5.
        String protocol = version == MqttVersion.MQTT_3_1_1 ? "p2" : "p5";
        assertTrue(broker.log().contains("as sink-under-test (" + protocol + ","), broker.log());
    }

    @Test
    void aPublishNotAcknowledgedInTimeIsSentAgainOnANewConnection() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscriber = TestSubscriber.subscribe(broker, "solar/inv-1/state");
        sink = sinkFor(broker)
                .homeAssistant(false)
                .publishTimeout(Duration.ofMillis(500))
                .build();
        sink.accept(reading(1));
        subscriber.await(
                "the first state",
                () -> subscriber.stateTimes("solar/inv-1/state").size() == 1);
        broker.pause();
        for (int n = 2; n <= 20; n++) {
            sink.accept(reading(n));
        }
        awaitCondition("a publish timeout", () -> sink.publishTimeouts() >= 1);
        broker.resume();
        subscriber.await(
                "all 20", () -> subscriber.stateTimes("solar/inv-1/state").size() == 20);
        awaitCondition("the outbox to empty", () -> sink.backlog() == 0);
        // At least once: what the stuck connection carried may arrive twice, but every reading
        // arrives, and the first copies arrive in order.
        assertEquals(expectedTimes(1, 20), List.copyOf(subscriber.stateTimes("solar/inv-1/state")));
        assertTrue(sink.isConnected());
        assertEquals(1, sink.publishTimeouts(), "one timeout drops the connection; the rest are not counted twice");
    }

    @Test
    void aMessageTheBrokerRefusesIsCountedAndDroppedAndTheRestGetThrough() throws Exception {
        Path acl = Files.write(dir.resolve("acl"), List.of("topic readwrite solar/#", "topic read homeassistant/#"));
        broker = MosquittoBroker.builder(dir).config("acl_file " + acl).build().start();
        subscriber = TestSubscriber.subscribe(broker, "solar/#");
        sink = sinkFor(broker).build(); // discovery on: its config topic is denied
        for (int n = 1; n <= 5; n++) {
            sink.accept(reading(n));
        }
        subscriber.await(
                "5 states", () -> subscriber.stateTimes("solar/inv-1/state").size() == 5);
        awaitCondition("the outbox to empty", () -> sink.backlog() == 0);
        assertEquals(1, sink.refused(), "the one discovery message");
    }

    @Test
    void theSeedsPlainValueLayoutAndStatusTopicKeepTheirDashboardsWorking() throws Exception {
        broker = MosquittoBroker.builder(dir).build().start();
        subscriber = TestSubscriber.subscribe(broker, "pvs/#");
        Map<String, String> names = Map.of(Metrics.PV_POWER.key(), "pv_p", Metrics.PV_ENERGY_TOTAL.key(), "pv_en");
        sink = sinkFor(broker)
                .topicPrefix("pvs")
                .availabilityTopic("pvs/status")
                .homeAssistant(false)
                .layouts(TopicLayout.plainValues(m -> names.get(m.key())))
                .build();
        sink.accept(reading(1));
        subscriber.await("both values", () -> subscriber.count(m -> m.startsWith("pvs/pv_")) == 2);
        assertEquals(List.of("pvs/status online", "pvs/pv_p 1001", "pvs/pv_en 1.5"), subscriber.all());
    }
}
