package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Decoder;
import io.github.solarwire.kostal.codec.Port81Response;
import io.github.solarwire.kostal.codec.Port81TechnicalData;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Port-81 technical-data responses (67 bytes) checked and decoded per second, from a pool of 1,024
 * distinct frames: {@link Port81Decoder#technicalData(byte[], int)}, checksum, length and address
 * checks included. Target from the issue: at least 5,000,000 per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class KostalPort81Benchmark {

    private byte[][] frames;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(81);
        frames = new byte[1024][];
        for (int i = 0; i < frames.length; i++) {
            byte[] payload = new byte[60];
            random.nextBytes(payload);
            frames[i] = Port81Response.encode(255, Port81Command.TECHNICAL_DATA, payload);
        }
    }

    @Benchmark
    public Port81TechnicalData technicalData() throws ProtocolException {
        return Port81Decoder.technicalData(frames[next++ & 1023], 255);
    }
}
