package io.github.solarwire.benchmarks;

import io.github.solarwire.solaredge.codec.FunctionCode;
import io.github.solarwire.solaredge.codec.SeCrc;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrameDecoder;
import io.github.solarwire.solaredge.codec.SeFrameHandler;
import io.github.solarwire.solaredge.codec.SeFrames;
import io.github.solarwire.solaredge.telemetry.SemonitorLineWriter;
import io.github.solarwire.solaredge.telemetry.Telemetry;
import io.github.solarwire.solaredge.telemetry.TelemetryBatch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.ZoneOffset;
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
 * Throughput of SolarEdge frame scanning in bytes: each method counts one operation per byte of a
 * stream shaped like the vector {@code synthetic_large.dat} (2,880 × [a 0x0500 frame with an
 * 892-byte payload, then its ACK], 2,695,680 bytes; random payload bytes, built in {@code @Setup}),
 * so the score is bytes/s. Every frame's CRC is checked and every frame is copied into an {@link
 * SeFrame}. Target from issue 5: at least 200 MB/s for scan, CRC and telemetry together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SolarEdgeScanBenchmark {

    private static final int POSTS = 2880;
    private static final int PAYLOAD = 892;
    private static final int BYTES = POSTS * (SeFrame.OVERHEAD * 2 + PAYLOAD);

    /** A 0x0500 payload of realistic records: one single-phase inverter and 17 old-format optimizers. */
    private static final int TELEMETRY_PAYLOAD = (8 + 104) + 17 * (8 + 36);

    private static final int TELEMETRY_BYTES = POSTS * (SeFrame.OVERHEAD * 2 + TELEMETRY_PAYLOAD);

    private byte[] stream;
    private byte[] telemetryStream;

    /** Parses every 0x0500 payload into records, as {@code solar semonitor} does. */
    private static final class Parser implements SeFrameHandler {
        long records;
        final SemonitorLineWriter writer;
        long jsonBytes;

        Parser(SemonitorLineWriter writer) {
            this.writer = writer;
        }

        @Override
        public void frame(SeFrame frame) {
            if (frame.function().code() != 0x0500) {
                return;
            }
            TelemetryBatch batch = Telemetry.parse(frame.payload());
            records += batch.records().size();
            if (writer != null) {
                jsonBytes += writer.line(batch.records());
            }
        }
    }

    /** Counts frames, so that none is optimised away. */
    private static final class Counter implements SeFrameHandler {
        long frames;
        long payloadBytes;

        @Override
        public void frame(SeFrame frame) {
            frames++;
            payloadBytes += frame.payloadLength();
        }
    }

    @Setup
    public void setUp() {
        Random random = new Random(12345);
        ByteArrayOutputStream out = new ByteArrayOutputStream(BYTES);
        for (int seq = 1; seq <= POSTS; seq++) {
            byte[] payload = new byte[PAYLOAD];
            random.nextBytes(payload);
            SeFrame post =
                    new SeFrame(seq, 0x7F104920L, SeFrame.MASTER_ADDRESS, FunctionCode.SERVER_POST_DATA, payload);
            out.writeBytes(post.encode());
            out.writeBytes(post.reply(FunctionCode.ACK, new byte[0]).encode());
        }
        stream = out.toByteArray();
        if (stream.length != BYTES) {
            throw new IllegalStateException(stream.length + " bytes");
        }
        out.reset();
        for (int seq = 1; seq <= POSTS; seq++) {
            SeFrame post = new SeFrame(
                    seq,
                    0x7F104920L,
                    SeFrame.MASTER_ADDRESS,
                    FunctionCode.SERVER_POST_DATA,
                    telemetryPayload(random, 1_700_000_000L + 300L * seq));
            out.writeBytes(post.encode());
            out.writeBytes(post.reply(FunctionCode.ACK, new byte[0]).encode());
        }
        telemetryStream = out.toByteArray();
        if (telemetryStream.length != TELEMETRY_BYTES) {
            throw new IllegalStateException(telemetryStream.length + " bytes");
        }
    }

    private static byte[] telemetryPayload(Random random, long time) {
        ByteBuffer b = ByteBuffer.allocate(TELEMETRY_PAYLOAD).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0010).putInt(0x7F104920).putShort((short) 104);
        b.putInt((int) time).putInt(86_400).putInt(300);
        for (int i = 12; i < 104; i += 4) {
            b.putFloat(random.nextFloat() * 400);
        }
        for (int o = 0; o < 17; o++) {
            b.putShort((short) 0x0000).putInt(0x10000000 + o).putShort((short) 36);
            b.putInt((int) time).putInt(0x7F104920).putInt(0).putInt(86_400);
            for (int i = 16; i < 36; i += 4) {
                b.putFloat(random.nextFloat() * 60);
            }
        }
        return b.array();
    }

    /** The whole buffer through {@link SeFrames#scan(byte[], SeFrameHandler)}. */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public long scan() {
        Counter counter = new Counter();
        SeFrames.scan(stream, counter);
        return counter.frames + counter.payloadBytes;
    }

    /** The same bytes through a {@link SeFrameDecoder} in 4 KiB reads, as from a socket. */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public long decoder4k() {
        Counter counter = new Counter();
        SeFrameDecoder decoder = new SeFrameDecoder();
        for (int at = 0; at < BYTES; at += 4096) {
            decoder.feed(stream, at, Math.min(4096, BYTES - at), counter);
        }
        decoder.finish(counter);
        return counter.frames + counter.payloadBytes;
    }

    /**
     * Scan, CRC and telemetry parse (issue 5's target): a stream of realistic 0x0500 messages through
     * a {@link SeFrameDecoder} in 64 KiB reads, as {@code solar semonitor} reads a file, every payload
     * parsed into records.
     */
    @Benchmark
    @OperationsPerInvocation(TELEMETRY_BYTES)
    public long scanCrcTelemetry() {
        Parser parser = new Parser(null);
        SeFrameDecoder decoder = new SeFrameDecoder();
        for (int at = 0; at < TELEMETRY_BYTES; at += 1 << 16) {
            decoder.feed(telemetryStream, at, Math.min(1 << 16, TELEMETRY_BYTES - at), parser);
        }
        decoder.finish(parser);
        return parser.records;
    }

    /** As {@link #scanCrcTelemetry()}, and every message written as semonitor's JSON line. */
    @Benchmark
    @OperationsPerInvocation(TELEMETRY_BYTES)
    public long scanCrcTelemetryJson() {
        Parser parser = new Parser(new SemonitorLineWriter(ZoneOffset.UTC));
        SeFrameDecoder decoder = new SeFrameDecoder();
        for (int at = 0; at < TELEMETRY_BYTES; at += 1 << 16) {
            decoder.feed(telemetryStream, at, Math.min(1 << 16, TELEMETRY_BYTES - at), parser);
        }
        decoder.finish(parser);
        return parser.records + parser.jsonBytes;
    }

    /** {@link SeCrc#of(byte[])} over the whole buffer: the CRC's share of the cost. */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public int crcOnly() {
        return SeCrc.of(stream);
    }
}
