package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real MQTT 5 client that records every message it receives as {@code "<topic> <payload>"}, with a persistent
 * session so that a broker restart keeps what is queued for it.
 */
public final class TestSubscriber implements AutoCloseable {

    /** The client, for publishing from a test (as Home Assistant would, say). */
    public final Mqtt5AsyncClient client;

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
            new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> received = new ArrayList<>();

    private TestSubscriber(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /**
     * Connects anonymously and subscribes at QoS 1.
     *
     * @param broker the broker
     * @param filter the topic filter, e.g. {@code #}
     * @return the subscriber, subscribed
     * @throws Exception when it cannot connect or subscribe within 10 s
     */
    public static TestSubscriber subscribe(MosquittoBroker broker, String filter) throws Exception {
        return subscribe(broker, filter, MqttQos.AT_LEAST_ONCE);
    }

    /**
     * Connects anonymously and subscribes.
     *
     * @param broker the broker
     * @param filter the topic filter
     * @param qos the subscription's QoS
     * @return the subscriber, subscribed
     * @throws Exception when it cannot connect or subscribe within 10 s
     */
    public static TestSubscriber subscribe(MosquittoBroker broker, String filter, MqttQos qos) throws Exception {
        return subscribe(broker, filter, qos, null, null);
    }

    /**
     * Connects, logging in when {@code user} is not null, and subscribes.
     *
     * @param broker the broker
     * @param filter the topic filter
     * @param qos the subscription's QoS
     * @param user the user name, or null for none
     * @param password the password
     * @return the subscriber, subscribed
     * @throws Exception when it cannot connect or subscribe within 10 s
     */
    public static TestSubscriber subscribe(
            MosquittoBroker broker, String filter, MqttQos qos, String user, String password) throws Exception {
        TestSubscriber s = new TestSubscriber(MqttClient.builder()
                .useMqttVersion5()
                .identifier("test-subscriber-" + SERIAL.incrementAndGet())
                .serverHost(broker.host())
                .serverPort(broker.port())
                .automaticReconnect()
                .initialDelay(50, TimeUnit.MILLISECONDS)
                .maxDelay(200, TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .buildAsync());
        s.client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            synchronized (s.received) {
                s.received.add(p.getTopic() + " " + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8));
                s.received.notifyAll();
            }
        });
        var connect = s.client.connectWith().cleanStart(false).sessionExpiryInterval(300);
        if (user != null) {
            connect = connect.simpleAuth()
                    .username(user)
                    .password(password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        connect.send().get(10, TimeUnit.SECONDS);
        s.client.subscribeWith().topicFilter(filter).qos(qos).send().get(10, TimeUnit.SECONDS);
        return s;
    }

    /**
     * Everything received so far, in arrival order.
     *
     * @return {@code "<topic> <payload>"} per message
     */
    public List<String> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * Whether a message was received.
     *
     * @param message {@code "<topic> <payload>"}
     * @return true when received
     */
    public boolean contains(String message) {
        synchronized (received) {
            return received.contains(message);
        }
    }

    /**
     * Counts received messages.
     *
     * @param which which to count, given {@code "<topic> <payload>"}
     * @return the count
     */
    public long count(Predicate<String> which) {
        return all().stream().filter(which).count();
    }

    /**
     * The distinct reading times of the JSON states received on {@code topic}, in arrival order.
     *
     * @param topic the state topic
     * @return the {@code time} values, seconds precision
     */
    public Set<String> stateTimes(String topic) {
        Set<String> times = new LinkedHashSet<>();
        for (String r : all()) {
            if (r.startsWith(topic + " ")) {
                int at = r.indexOf("\"time\":\"") + 8;
                times.add(r.substring(at, at + 20));
            }
        }
        return times;
    }

    /**
     * Waits up to 30 s for a condition on what was received, woken by each message; fails the test with everything
     * received when it does not hold by then.
     *
     * @param what what is awaited, for the message
     * @param condition the condition
     * @throws InterruptedException when interrupted
     */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (received) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "timed out waiting for " + what + "; received " + received);
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            client.disconnect().exceptionally(e -> null).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new java.io.IOException("the test subscriber did not disconnect", e);
        }
    }
}
