package io.github.solarwire.benchmarks;

import io.github.solarwire.pi30.codec.Pi30Crc;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Pi30Crc#xmodem(byte[], int, int)} in bytes: each method counts one
 * operation per byte ({@code @OperationsPerInvocation}), so the score is bytes/s. The sizes are a
 * request frame (8 bytes), a {@code QPIGS} reply (110 bytes) and a 4 KiB block (the table-driven
 * loop's steady state). Target from the issue: at least 500 MB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class Pi30CrcBenchmark {

    private byte[] request;
    private byte[] reply;
    private byte[] block;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        request = new byte[8];
        reply = new byte[110];
        block = new byte[4096];
        random.nextBytes(request);
        random.nextBytes(reply);
        random.nextBytes(block);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public int bytes8() {
        return Pi30Crc.xmodem(request, 0, 8);
    }

    @Benchmark
    @OperationsPerInvocation(110)
    public int bytes110() {
        return Pi30Crc.xmodem(reply, 0, 110);
    }

    @Benchmark
    @OperationsPerInvocation(4096)
    public int bytes4096() {
        return Pi30Crc.xmodem(block, 0, 4096);
    }
}
