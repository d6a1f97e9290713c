package io.github.solarwire.benchmarks;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.sink.JsonLinesSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread cost of {@link JsonLinesSink#accept(Reading)} for a reading of 10 metrics and 2
 * states: one operation is one reading serialised and appended. {@code toNullStream} discards the
 * bytes (JSON encoding plus buffer copy only); {@code toFile} appends to a real temporary file,
 * which the sink's 64 KiB buffer writes to the operating system whenever it fills.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class JsonLinesSinkBenchmark {

    /** The reading pool, cycled so that each call serialises a different object. */
    @State(Scope.Thread)
    public static class Pool {
        Reading[] readings;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            readings = SampleReadings.pool(42);
        }

        Reading next() {
            return readings[next++ & SampleReadings.MASK];
        }
    }

    /** A sink over {@link OutputStream#nullOutputStream()}. */
    @State(Scope.Thread)
    public static class NullTarget {
        JsonLinesSink sink;

        @Setup(Level.Trial)
        public void setUp() {
            sink = JsonLinesSink.toStream(OutputStream.nullOutputStream());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            sink.close();
        }
    }

    /**
     * A sink appending to a temporary file, a new one each iteration (deleted after it) so the
     * disk use stays bounded.
     */
    @State(Scope.Thread)
    public static class FileTarget {
        Path file;
        JsonLinesSink sink;

        @Setup(Level.Iteration)
        public void setUp() throws IOException {
            file = Files.createTempFile("solarwire-bench-", ".jsonl");
            sink = JsonLinesSink.toFile(file);
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws IOException {
            try {
                sink.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Serialises one reading into a sink that discards the bytes.
     *
     * @param pool the readings
     * @param target the sink
     * @throws IOException never, the stream discards
     */
    @Benchmark
    public void toNullStream(Pool pool, NullTarget target) throws IOException {
        target.sink.accept(pool.next());
    }

    /**
     * Serialises one reading into a sink appending to a file.
     *
     * @param pool the readings
     * @param target the sink
     * @throws IOException when the file cannot be written
     */
    @Benchmark
    public void toFile(Pool pool, FileTarget target) throws IOException {
        target.sink.accept(pool.next());
    }
}
