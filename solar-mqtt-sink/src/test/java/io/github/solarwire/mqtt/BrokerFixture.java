package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A broker, a sink and a subscriber per test, closed after it in that order. */
abstract class BrokerFixture {

    static final DeviceInfo INVERTER =
            DeviceInfo.builder("inv-1", "inverter").vendor("Acme").build();
    static final Instant T0 = Instant.parse("2026-06-21T10:00:00Z");

    @TempDir
    Path dir;

    MosquittoBroker broker;
    MqttSink sink;
    TestSubscriber subscriber;

    @AfterEach
    void closeSinkSubscriberAndBroker() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A sink for {@code b} that reconnects within 200 ms. */
    MqttSink.Builder sinkFor(MosquittoBroker b) {
        return MqttSink.builder(b.host())
                .port(b.port())
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .closeTimeout(Duration.ofSeconds(10));
    }

    /** Waits up to 30 s for a condition of the sink's, polling every 20 ms. */
    static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Object monitor = new Object();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
                monitor.wait(20);
            }
        }
    }
}
