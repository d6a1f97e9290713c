package io.github.solarwire.benchmarks;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.core.recorder.SinkHealth;
import io.github.solarwire.core.sink.JsonLinesSink;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The whole recording path, end to end: {@link Recorder#publish(Reading)} into each sink's
 * bounded queue, the sink's worker thread draining it into a {@link JsonLinesSink} over {@link
 * OutputStream#nullOutputStream()}. Each invocation publishes {@value #BATCH} readings from the
 * benchmark thread, then waits (see {@code wait}) until every sink's {@code delivered} health
 * counter has reached the number of readings published so far, so one operation is one reading
 * published and written by every sink. {@code sinks = 2} shows the cost of fan-out: each
 * reading is serialised twice, on two worker threads. Nothing may be dropped: the queues hold
 * {@value #CAPACITY} readings, and any drop fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class RecorderBenchmark {

    /** Readings published per invocation. */
    static final int BATCH = 10_000;

    /** Queue capacity per sink: above the batch, so nothing is ever dropped. */
    static final int CAPACITY = 65_536;

    /** Spin-wait hints between two looks at the health counters (which allocate a snapshot). */
    private static final int SPINS_PER_CHECK = 256;

    /** The number of JSON-lines sinks the recorder fans out to. */
    @Param({"1", "2"})
    public int sinks;

    /**
     * How the benchmark thread waits for the sinks: {@code spin} busy-waits with {@link
     * Thread#onSpinWait()}; {@code yield} calls {@link Thread#yield()} instead, giving the core to
     * a sink thread that shares it (what a pinned, one-core run needs to measure the pipeline
     * rather than the waiting).
     */
    @Param({"spin", "yield"})
    public String wait;

    private boolean yieldWhileWaiting;
    private Recorder recorder;
    private Reading[] readings;
    private int next;
    private long published;

    /** Builds and starts the recorder. */
    @Setup(Level.Trial)
    public void setUp() {
        readings = SampleReadings.pool(42);
        yieldWhileWaiting = switch (wait) {
            case "spin" -> false;
            case "yield" -> true;
            default -> throw new IllegalArgumentException("wait must be spin or yield, was " + wait);
        };
        Recorder.Builder builder = Recorder.builder().queueCapacity(CAPACITY).seed(1);
        for (int i = 0; i < sinks; i++) {
            builder.sink(JsonLinesSink.toStream(OutputStream.nullOutputStream()));
        }
        recorder = builder.build();
        recorder.start();
        published = 0;
    }

    /** Drains and closes the recorder. */
    @TearDown(Level.Trial)
    public void tearDown() {
        recorder.close();
    }

    /** Publishes a batch and waits until every sink has written it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void publishAndDrain() {
        for (int i = 0; i < BATCH; i++) {
            recorder.publish(readings[next++ & SampleReadings.MASK]);
        }
        published += BATCH;
        while (!allDelivered(published)) {
            if (yieldWhileWaiting) {
                Thread.yield();
            } else {
                for (int i = 0; i < SPINS_PER_CHECK; i++) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    private boolean allDelivered(long total) {
        List<SinkHealth> health = recorder.health().sinks();
        boolean done = true;
        for (SinkHealth sink : health) {
            if (sink.dropped() != 0) {
                throw new IllegalStateException(
                        sink.name() + " dropped " + sink.dropped() + " readings; raise the queue capacity");
            }
            if (sink.delivered() < total) {
                done = false;
            }
        }
        return done;
    }
}
