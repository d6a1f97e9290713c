package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import io.github.solarwire.pvs.codec.TelemetryMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * PVS telemetry {@code power} notifications (about 250 bytes, compact as the PVS sends them)
 * decoded per second, from a pool of 1,024 distinct frames: {@link TelemetryFrame#parse(byte[])},
 * JSON parsing and kW/kWh conversion included. Target from the issue: at least 1,000,000 per
 * second on one core.
 *
 * <ul>
 *   <li>{@code power}: the six site fields and {@code time}, as a site without storage sends them;
 *   <li>{@code powerEss}: all twelve fields, as a site with a battery sends them;
 *   <li>{@code powerWithRaw}: {@code power}, then one look-up in {@link PowerNotification#raw()},
 *       which builds the raw-value map (the decoder builds it only when it is first used).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PvsPowerBenchmark {

    private byte[][] frames;
    private byte[][] essFrames;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(9002);
        frames = new byte[1024][];
        for (int i = 0; i < frames.length; i++) {
            double pv = random.nextDouble() * 8;
            double net = random.nextDouble() * 10 - 5;
            String frame = String.format(
                    Locale.ROOT,
                    "{\"notification\":\"power\",\"params\":{\"time\":%d,\"site_load_p\":%s,\"net_p\":%s,"
                            + "\"pv_p\":%s,\"site_load_en\":%s,\"net_en\":%s,\"pv_en\":%s}}",
                    1_753_730_396L + i,
                    Double.toString(pv + net),
                    Double.toString(net),
                    Double.toString(pv),
                    Double.toString(39_676.48 + i),
                    Double.toString(6_473.23 + i),
                    Double.toString(33_203.25 + i));
            frames[i] = frame.getBytes(StandardCharsets.UTF_8);
        }
        essFrames = new byte[1024][];
        for (int i = 0; i < essFrames.length; i++) {
            double pv = random.nextDouble() * 8;
            double net = random.nextDouble() * 10 - 5;
            double ess = random.nextDouble() * 6 - 3;
            String frame = String.format(
                    Locale.ROOT,
                    "{\"notification\":\"power\",\"params\":{\"time\":%d,\"site_load_p\":%s,\"net_p\":%s,"
                            + "\"pv_p\":%s,\"ess_p\":%s,\"site_load_en\":%s,\"net_en\":%s,\"pv_en\":%s,"
                            + "\"ess_en\":%s,\"soc\":%s,\"backupTimeRemaining\":%d,\"midstate\":2}}",
                    1_753_730_396L + i,
                    Double.toString(pv + net + ess),
                    Double.toString(net),
                    Double.toString(pv),
                    Double.toString(ess),
                    Double.toString(39_676.48 + i),
                    Double.toString(6_473.23 + i),
                    Double.toString(33_203.25 + i),
                    Double.toString(-490.48 - i),
                    Double.toString(random.nextDouble()),
                    random.nextInt(2000));
            essFrames[i] = frame.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public TelemetryMessage power() throws ProtocolException {
        return TelemetryFrame.parse(frames[next++ & 1023]);
    }

    @Benchmark
    public TelemetryMessage powerEss() throws ProtocolException {
        return TelemetryFrame.parse(essFrames[next++ & 1023]);
    }

    @Benchmark
    public String powerWithRaw() throws ProtocolException {
        PowerNotification p = (PowerNotification) TelemetryFrame.parse(frames[next++ & 1023]);
        return p.raw().get("pv_p");
    }
}
