package io.github.solarwire.examples;

import io.github.solarwire.core.Secret;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.core.recorder.RecorderHealth;
import io.github.solarwire.core.sim.SyntheticDevice;
import io.github.solarwire.core.sink.CsvSink;
import io.github.solarwire.core.sink.JsonLinesSink;
import io.github.solarwire.kostal.KostalDevice;
import io.github.solarwire.kostal.sim.PikoWebServer;
import io.github.solarwire.kostal.sim.SimulatedPiko;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.pi30.Pi30Device;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.sim.Pi30SimulatorServer;
import io.github.solarwire.pi30.sim.SimulatedPi30;
import io.github.solarwire.pi30.sim.VirtualSerialPort;
import io.github.solarwire.pi30.transport.SerialLink;
import io.github.solarwire.pi30.transport.TcpLink;
import io.github.solarwire.pvs.PvsDevice;
import io.github.solarwire.pvs.sim.PvsSimulatorServer;
import io.github.solarwire.pvs.sim.SimulatedPvs;
import io.github.solarwire.tedapi.PowerwallDevice;
import io.github.solarwire.tedapi.sim.GatewaySimulatorServer;
import io.github.solarwire.tedapi.sim.SimulatedGateway;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar demo}: every simulator through the recorder into a live console table and a
 * JSON-lines file.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = true,
        description = {
            "Runs every simulator through the real codecs and transports into the sinks (the PI30",
            "simulator on a socat pty through the serial link, the Kostal PIKO's web server through",
            "the HTTP client, the SunPower PVS's varserver and telemetry WebSocket through the",
            "WebSocket client, the Tesla gateway's TEDAPI through the HTTPS client with a pinned",
            "certificate):",
            "a live console table, a JSON-lines file and, with --mqtt-host, an MQTT broker",
            "with Home Assistant discovery."
        })
final class DemoCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--duration",
            defaultValue = "0",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "How long to run, e.g. 10s, 5m, 1h; 0 runs until Ctrl-C. Default: ${DEFAULT-VALUE}.")
    private Duration duration;

    @Option(
            names = "--out",
            defaultValue = "solar-demo.jsonl",
            paramLabel = "<file>",
            description = "JSON-lines file the readings are appended to. Default: ${DEFAULT-VALUE}.")
    private Path out_;

    @Option(names = "--csv", paramLabel = "<dir>", description = "Also append CSV files (one per device kind) here.")
    private Path csv;

    @Option(
            names = {"-q", "--quiet"},
            defaultValue = "false",
            description = "No live table; print only the closing summary.")
    private boolean quiet;

    @Option(
            names = "--interval",
            defaultValue = "1s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Poll interval of each simulated device. Default: ${DEFAULT-VALUE}.")
    private Duration interval;

    @Option(
            names = "--devices",
            defaultValue = "1",
            paramLabel = "<n>",
            description = "Number of simulated inverters, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    private int devices;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "<factor>",
            description =
                    "Simulated seconds per real second; 1440 replays a day in a minute. Default: ${DEFAULT-VALUE}.")
    private double speed;

    @Option(
            names = "--no-pi30",
            defaultValue = "false",
            description = "Leave out the PI30 inverter simulator (on a socat pty, or TCP without socat).")
    private boolean noPi30;

    @Option(
            names = "--no-kostal",
            defaultValue = "false",
            description = "Leave out the Kostal PIKO simulator (its web server, read through the HTTP client).")
    private boolean noKostal;

    @Option(
            names = "--no-pvs",
            defaultValue = "false",
            description = "Leave out the SunPower PVS simulator (varserver login, then its telemetry WebSocket).")
    private boolean noPvs;

    @Option(
            names = "--no-powerwall",
            defaultValue = "false",
            description =
                    "Leave out the Tesla Powerwall 3 gateway simulator (TEDAPI over HTTPS, a pinned certificate).")
    private boolean noPowerwall;

    @CommandLine.Mixin
    private MqttOptions mqtt = new MqttOptions();

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        validate();
        Clock clock = speed == 1 ? Clock.systemUTC() : new ScaledClock(Instant.now(), speed);
        Recorder.Builder builder = Recorder.builder();
        for (int i = 1; i <= devices; i++) {
            builder.poll(
                    SyntheticDevice.builder("demo-inverter-" + i)
                            .clock(clock)
                            .seed(i)
                            .peakPower(4000 + 1000 * (i % 5))
                            .build(),
                    interval);
        }
        List<Closeable> simulators = new ArrayList<>();
        if (!noPi30) {
            builder.poll(pi30(clock, simulators), interval);
        }
        if (!noKostal) {
            SimulatedPiko piko = new SimulatedPiko("PIKO 5.5", 3, 3, SimulatedPiko.Language.DE, clock, 31);
            PikoWebServer web = PikoWebServer.start(piko);
            simulators.add(web);
            builder.poll(
                    KostalDevice.builder("demo-piko", "127.0.0.1:" + web.port())
                            .clock(clock)
                            .build(),
                    interval);
        }
        if (!noPvs) {
            PvsSimulatorServer pvs = PvsSimulatorServer.builder(
                            SimulatedPvs.builder().storage(true).inverters(4).build())
                    .start(clock.instant())
                    .timeStep(Duration.ofSeconds(Math.max(1, Math.round(speed))))
                    .start();
            simulators.add(pvs);
            URI http = URI.create("http://127.0.0.1:" + pvs.httpPort());
            builder.stream(PvsDevice.builder("demo-pvs", "127.0.0.1")
                    .httpUri(http)
                    .varserverUri(http)
                    .webSocketPort(pvs.webSocketPort())
                    .pollInterval(Duration.ofSeconds(Math.max(5, interval.toSeconds())))
                    .build());
        }
        if (!noPowerwall) {
            DemoCertificate tls = DemoCertificate.create();
            GatewaySimulatorServer gateway = GatewaySimulatorServer.builder(SimulatedGateway.pw3())
                    .https(tls.server())
                    .clock(clock)
                    .start();
            simulators.add(gateway);
            builder.poll(
                    PowerwallDevice.builder("demo-powerwall", "127.0.0.1:" + gateway.port())
                            .password(Secret.of(gateway.gateway().password()))
                            .tlsTrust(tls.pinned())
                            .clock(clock)
                            .build(),
                    interval.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : interval);
        }
        builder.sink(JsonLinesSink.toFile(out_));
        if (csv != null) {
            builder.sink(CsvSink.inDirectory(csv));
        }
        MqttSink mqttSink = mqtt.enabled() ? mqtt.builder().build() : null;
        if (mqttSink != null) {
            builder.sink(mqttSink);
        }
        ConsoleTableSink table = quiet ? null : new ConsoleTableSink(out, ConsoleTableSink.isTerminal());
        if (table != null) {
            builder.sink(table, 1000);
        }
        Recorder recorder = builder.build();
        CountDownLatch done = new CountDownLatch(1);
        Thread stop = new Thread(
                () -> {
                    recorder.close();
                    closeAll(simulators);
                    summarize(recorder.health(), mqttSink);
                    done.countDown();
                },
                "solar-demo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        recorder.start();
        boolean stopped = duration.isZero() ? awaitForever(done) : done.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        if (!stopped) {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
                stop.run();
            } catch (IllegalStateException shuttingDown) {
                done.await();
            }
        }
        return 0;
    }

    /**
     * A simulated PI30 inverter behind a real link: on a socat pty as a serial port when socat is
     * installed, else on a loopback TCP port as a serial bridge. Either way the device talks to it
     * through the real codec and transport.
     */
    private Pi30Device pi30(Clock clock, List<Closeable> simulators) throws IOException {
        SimulatedPi30 sim = new SimulatedPi30(Pi30Protocol.PI30, clock, 30);
        Pi30Device.LinkOpener opener;
        if (VirtualSerialPort.socat().isPresent()) {
            Path dir = Files.createTempDirectory("solar-demo-pty");
            VirtualSerialPort pty = VirtualSerialPort.open(dir);
            simulators.add(() -> {
                pty.close();
                Files.deleteIfExists(dir);
            });
            simulators.add(0, Pi30SimulatorServer.serial(sim, pty.deviceEnd(), 0));
            String port = pty.hostDevice().toString();
            opener = () -> SerialLink.open(port, SerialLink.DEFAULT_BAUD);
        } else {
            err.println("demo: socat is not installed, so the PI30 simulator is on a TCP port instead of a pty");
            Pi30SimulatorServer server = Pi30SimulatorServer.tcp(sim, 0);
            simulators.add(server);
            opener = () -> TcpLink.open("127.0.0.1", server.port(), Duration.ofSeconds(5));
        }
        return Pi30Device.builder("demo-pi30", opener).clock(clock).build();
    }

    /** The devices the demo runs: the synthetic inverters and the protocol simulators. */
    private int simulated() {
        return devices + (noPi30 ? 0 : 1) + (noKostal ? 0 : 1) + (noPvs ? 0 : 1) + (noPowerwall ? 0 : 1);
    }

    private static void closeAll(List<Closeable> simulators) {
        for (Closeable c : simulators) {
            try {
                c.close();
            } catch (IOException e) {
                // the demo is ending; a simulator that does not close cleanly changes nothing
            }
        }
    }

    private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
        done.await();
        return true;
    }

    private void validate() {
        if (devices < 1 || devices > 1000) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for option '--devices': " + devices + "; accepted: 1 to 1000");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--speed': " + speed + "; accepted: a number above 0");
        }
        if (interval.isZero()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--interval': 0; accepted: a duration above 0, e.g. 250ms or 1s");
        }
        if (duration.isNegative()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must not be negative");
        }
    }

    private void summarize(RecorderHealth health, MqttSink mqttSink) {
        long written = health.sinks().get(0).delivered();
        out.printf(
                "demo: %d readings from %d device%s appended to %s (%d dropped, %d device errors)%n",
                written,
                simulated(),
                simulated() == 1 ? "" : "s",
                out_,
                health.sinks().get(0).dropped(),
                health.deviceErrors());
        if (mqttSink != null) {
            out.printf(
                    "demo: %d MQTT messages acknowledged by %s, %d left unsent%n",
                    mqttSink.published(), mqttSink.name(), mqttSink.backlog());
        }
        out.flush();
        if (health.sinks().stream().anyMatch(s -> s.failures() > 0)) {
            err.println("demo: some sinks failed; see the log above");
        }
    }

    /** A clock that runs {@code speed} times faster than the system clock from a start instant. */
    private static final class ScaledClock extends Clock {
        private final Instant start;
        private final long startNanos = System.nanoTime();
        private final double speed;

        ScaledClock(Instant start, double speed) {
            this.start = start;
            this.speed = speed;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(Math.round((System.nanoTime() - startNanos) * speed));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("a demo clock is always UTC");
        }
    }
}
