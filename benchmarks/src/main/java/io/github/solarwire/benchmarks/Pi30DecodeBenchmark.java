package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Frame;
import io.github.solarwire.pi30.codec.Pi30FrameDecoder;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Queries;
import io.github.solarwire.pi30.codec.QpigsResponse;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code QPIGS} replies decoded per second, from a pool of 1,024 distinct frames (about 110 bytes
 * each), each operation one whole reply including the CRC check. Target from the issue: at least
 * 1,000,000 per second on one core.
 *
 * <ul>
 *   <li>{@code fastPath}: {@link QpigsResponse#decode(byte[], int, int)}, checking the frame in
 *       place, as a polling loop does;
 *   <li>{@code command}: {@link Pi30Command#decode(byte[])}, which copies the frame into a {@link
 *       Pi30Frame} first;
 *   <li>{@code hidStream}: the frame cut into 8-byte zero-padded USB HID reports, through {@link
 *       Pi30FrameDecoder}, then decoded.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class Pi30DecodeBenchmark {

    private byte[][] frames;
    private byte[][][] reports;
    private int next;
    private final Pi30Command<QpigsResponse> qpigs =
            Pi30Queries.of(Pi30Protocol.PI30).qpigs();
    private final Pi30FrameDecoder decoder = new Pi30FrameDecoder();
    private final Decoded handler = new Decoded();

    /** Decodes each frame the stream decoder hands over. */
    private final class Decoded implements Pi30FrameDecoder.Handler {
        Blackhole blackhole;

        @Override
        public void frame(Pi30Frame frame) {
            try {
                blackhole.consume(qpigs.decode(frame));
            } catch (ProtocolException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void error(ProtocolException error) {
            throw new IllegalStateException(error);
        }
    }

    @Setup
    public void setUp() {
        frames = Pi30Frames.qpigsPool(7);
        reports = new byte[frames.length][][];
        for (int i = 0; i < frames.length; i++) {
            byte[] frame = frames[i];
            reports[i] = new byte[(frame.length + 7) / 8][8];
            for (int r = 0; r < reports[i].length; r++) {
                System.arraycopy(frame, r * 8, reports[i][r], 0, Math.min(8, frame.length - r * 8));
            }
        }
    }

    @Benchmark
    public QpigsResponse fastPath() throws ProtocolException {
        byte[] frame = frames[next++ & Pi30Frames.MASK];
        return QpigsResponse.decode(frame, 0, frame.length);
    }

    @Benchmark
    public QpigsResponse command() throws ProtocolException {
        return qpigs.decode(frames[next++ & Pi30Frames.MASK]);
    }

    @Benchmark
    public void hidStream(Blackhole blackhole) {
        handler.blackhole = blackhole;
        for (byte[] report : reports[next++ & Pi30Frames.MASK]) {
            decoder.feed(report, 0, 8, handler);
        }
    }
}
