package io.github.solarwire.benchmarks;

import io.github.solarwire.pi30.Pi30Client;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Queries;
import io.github.solarwire.pi30.codec.QpigsResponse;
import io.github.solarwire.pi30.sim.Pi30SimulatorServer;
import io.github.solarwire.pi30.sim.SimulatedPi30;
import io.github.solarwire.pi30.sim.VirtualSerialPort;
import io.github.solarwire.pi30.transport.HidrawLink;
import io.github.solarwire.pi30.transport.LinkTimeouts;
import io.github.solarwire.pi30.transport.SerialLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole {@code QPIGS} query (request out, reply in, CRC checked, decoded) through the real link
 * to the PI30 simulator on a socat pty, in milliseconds.
 *
 * <p>{@code wire = serial}: {@link SerialLink} at 2400 baud, the simulator pacing both the request's
 * arrival and the reply at the line rate (10 bits a byte, 4.17 ms), so the floor is the wire time of
 * 8 + 110 bytes, about 492 ms. {@code wire = hid}: {@link HidrawLink}, the simulator sending the
 * reply as 8-byte reports every {@code reportMicros} (0: back to back; 8000: a USB HID interrupt
 * endpoint polled every 8 ms), so the time is the reports' own pace with no fixed polling delay on
 * top (mpp-solar sleeps 150 ms a report, 2.5 s a {@code QPIGS}). Needs socat.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class Pi30WireBenchmark {

    /** The link. */
    @Param({"serial", "hid"})
    public String wire;

    /** For {@code hid}: the time between two reports, in microseconds. */
    @Param({"0", "8000"})
    public long reportMicros;

    private Path dir;
    private VirtualSerialPort pty;
    private Pi30SimulatorServer server;
    private Pi30Client client;
    private final Pi30Command<QpigsResponse> qpigs =
            Pi30Queries.of(Pi30Protocol.PI30).qpigs();

    /**
     * Starts socat, the simulator and the link.
     *
     * @throws Exception when one does not start
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("pi30-wire");
        pty = VirtualSerialPort.open(dir);
        SimulatedPi30 sim = new SimulatedPi30(Pi30Protocol.PI30, Clock.systemUTC(), 1);
        if (wire.equals("serial")) {
            server = Pi30SimulatorServer.serial(sim, pty.deviceEnd(), 2400);
            client = Pi30Client.over(SerialLink.open(pty.hostDevice().toString(), 2400), LinkTimeouts.SERIAL, 0);
        } else {
            server = Pi30SimulatorServer.hid(sim, pty.deviceEnd(), reportMicros);
            client = Pi30Client.over(HidrawLink.open(pty.hostDevice()), LinkTimeouts.PACKETS, 0);
        }
    }

    /**
     * One query.
     *
     * @return the decoded reply
     * @throws Exception when it fails
     */
    @Benchmark
    public QpigsResponse qpigs() throws Exception {
        return client.send(qpigs);
    }

    /**
     * Stops everything.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        server.close();
        pty.close();
        Files.deleteIfExists(dir);
    }
}
