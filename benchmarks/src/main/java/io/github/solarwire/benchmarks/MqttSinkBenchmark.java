package io.github.solarwire.benchmarks;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.github.solarwire.core.Reading;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.Outbox;
import io.github.solarwire.mqtt.StatePayload;
import io.github.solarwire.testkit.MosquittoBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Readings per second from one {@link MqttSink} into a local mosquitto (started on loopback by the
 * benchmark): 10 metrics and 2 states each, as a JSON state message at QoS 1, MQTT 5. Each
 * invocation hands {@value #BATCH} readings to the sink and waits until the broker has
 * acknowledged all of them, so one operation is one reading stored, published and acknowledged.
 *
 * <p>{@code outbox = memory | disk} runs the sink with its in-memory or on-disk outbox (disk:
 * synced once a second, the default). {@code outbox = none} is the baseline without an outbox:
 * the same JSON encoded and published straight through the HiveMQ client, with the same window of
 * 1000 messages in flight, which is what publishing "without it" costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MqttSinkBenchmark {

    /** Readings per invocation. */
    static final int BATCH = 10_000;

    /** Messages in flight at once, in the sink (its default) and in the baseline. */
    static final int WINDOW = 1000;

    /** Where messages wait before the broker acknowledges them. */
    @Param({"memory", "disk", "none"})
    public String outbox;

    private Path dir;
    private MosquittoBroker broker;
    private MqttSink sink;
    private Mqtt5AsyncClient raw;
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicLong failures = new AtomicLong();
    private Reading[] pool;
    private long sent;

    /**
     * Starts mosquitto and connects the sink or the baseline client.
     *
     * @throws Exception when the broker or the connection does not come up
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pool = SampleReadings.pool(42);
        dir = Files.createTempDirectory("mqtt-benchmark");
        broker = MosquittoBroker.builder(dir).build().start();
        if (outbox.equals("none")) {
            raw = MqttClient.builder()
                    .useMqttVersion5()
                    .serverHost(broker.host())
                    .serverPort(broker.port())
                    .buildAsync();
            raw.connect().get(10, TimeUnit.SECONDS);
            return;
        }
        Outbox box = outbox.equals("disk")
                ? Outbox.onDisk(dir.resolve("outbox")).maxBytes(1L << 30).build()
                : Outbox.inMemory().maxBytes(1L << 30).build();
        sink = MqttSink.builder(broker.host())
                .port(broker.port())
                .homeAssistant(false)
                .outbox(box)
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sink.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sink did not connect to " + broker.port());
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * Publishes a batch and waits for every acknowledgement.
     *
     * @throws Exception when publishing fails
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndAwaitAcknowledgements() throws Exception {
        if (raw != null) {
            for (int i = 0; i < BATCH; i++) {
                Reading r = pool[(int) (sent++) & SampleReadings.MASK];
                window.acquire();
                raw.publishWith()
                        .topic("solar/" + r.deviceId() + "/state")
                        .payload(StatePayload.encode(r))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send()
                        .whenComplete((result, failure) -> {
                            if (failure != null) {
                                failures.incrementAndGet();
                            }
                            window.release();
                        });
            }
            window.acquire(WINDOW);
            window.release(WINDOW);
        } else {
            for (int i = 0; i < BATCH; i++) {
                sink.accept(pool[(int) (sent++) & SampleReadings.MASK]);
            }
            while (sink.published() < sent) {
                LockSupport.parkNanos(50_000);
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
    }

    /**
     * Disconnects and stops the broker.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (sink != null) {
            sink.close();
        }
        if (raw != null) {
            raw.disconnect().get(10, TimeUnit.SECONDS);
        }
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the run
        }
    }
}
