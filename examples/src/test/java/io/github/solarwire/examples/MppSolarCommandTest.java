package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.sim.Pi30SimulatorServer;
import io.github.solarwire.pi30.sim.SimulatedPi30;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.SocatPty;
import io.github.solarwire.testkit.TestSubscriber;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar mppsolar} against the PI30 simulator on a real pty and a loopback socket. */
class MppSolarCommandTest {

    @TempDir
    Path dir;

    private SocatPty pty;
    private Pi30SimulatorServer server;
    private final SimulatedPi30 sim =
            new SimulatedPi30(Pi30Protocol.PI30, Clock.fixed(Instant.parse("2026-06-21T11:00:00Z"), ZoneOffset.UTC), 3);

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private String serialPort() throws Exception {
        pty = SocatPty.start(dir.resolve("pty"));
        server = Pi30SimulatorServer.serial(sim, pty.deviceEnd(), 0);
        return pty.hostDevice().toString();
    }

    /** The top-level keys of a one-line JSON object, in order. */
    private static List<String> keys(String line) throws Exception {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return keys;
    }

    @Test
    void jsonOutputHasMppSolarsFieldNamesForEachCommand() throws Exception {
        Run run = Run.of("mppsolar", "-p", serialPort(), "-c", "QPIGS,QPIRI", "-o", "json");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        List<String> qpigs = keys(lines.get(0));
        assertEquals("_command", qpigs.get(0));
        assertTrue(lines.get(0).startsWith("{\"_command\":\"QPIGS\""), lines.get(0));
        assertTrue(qpigs.contains("AC Input Voltage"), qpigs.toString());
        assertTrue(qpigs.contains("PV Input Power"), qpigs.toString());
        assertTrue(lines.get(0).contains("\"AC Output Voltage\":[230.0,\"V\"]"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"_command\":\"QPIRI\""), lines.get(1));
        assertTrue(keys(lines.get(1)).contains("Battery Type"), lines.get(1));
    }

    @Test
    void screenOutputOverAHidrawLikeDeviceAndATcpBridge() throws Exception {
        pty = SocatPty.start(dir.resolve("pty"));
        server = Pi30SimulatorServer.hid(sim, pty.deviceEnd(), 0);
        Run hid = Run.of("mppsolar", "-p", pty.hostEnd().toString(), "--porttype", "hidraw", "-c", "QID");
        assertEquals(0, hid.code(), hid.err());
        assertTrue(hid.out().contains("serial_number") || hid.out().contains(sim.serial()), hid.out());
        try (Pi30SimulatorServer tcp = Pi30SimulatorServer.tcp(sim, 0)) {
            Run bridge = Run.of("mppsolar", "-p", "127.0.0.1:" + tcp.port(), "-c", "QMOD", "-o", "json");
            assertEquals(0, bridge.code(), bridge.err());
            assertTrue(bridge.out().startsWith("{\"_command\":\"QMOD\",\"Device Mode\":[\""), bridge.out());
        }
    }

    @Test
    void settingsNeedAllowWrite() throws Exception {
        String port = serialPort();
        Run refused = Run.of("mppsolar", "-p", port, "-c", "POP02");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--allow-write"), refused.err());
        assertEquals(0, sim.requests(), "nothing was sent");
        Run sent = Run.of("mppsolar", "-p", port, "-c", "POP02", "--allow-write", "-o", "json");
        assertEquals(0, sent.code(), sent.err());
        assertTrue(sent.out().contains("ACK"), sent.out());
    }

    @Test
    void aRefusedCommandPrintsAnErrorObjectAndExitsOne() throws Exception {
        Run run = Run.of("mppsolar", "-p", serialPort(), "-c", "QBMS", "-o", "json");
        assertEquals(1, run.code());
        assertTrue(run.out().contains("\"error\":\"NAK"), run.out());
    }

    @Test
    void theDaemonOpensTheLinkAgainWhenTheBridgeComesBack() throws Exception {
        SimulatedPi30 second = new SimulatedPi30(
                Pi30Protocol.PI30, Clock.fixed(Instant.parse("2026-06-21T11:00:00Z"), ZoneOffset.UTC), 4);
        Pi30SimulatorServer first = Pi30SimulatorServer.tcp(sim, 0);
        int port = first.port();
        Run[] result = new Run[1];
        Thread daemon = new Thread(() -> result[0] = Run.of(
                "mppsolar",
                "-p",
                "127.0.0.1:" + port,
                "-c",
                "QMOD",
                "-o",
                "json",
                "-D",
                "--pause",
                "200ms",
                "--rounds",
                "8"));
        daemon.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (sim.requests() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        first.close(); // the bridge goes away mid-run ...
        server = Pi30SimulatorServer.tcp(second, port); // ... and comes back on the same port
        daemon.join(30_000);
        Run run = result[0];
        assertEquals(0, run.code(), "a daemon never exits on an outage: " + run.err());
        assertTrue(sim.requests() >= 1 && second.requests() >= 1, run.out() + run.err());
        assertTrue(
                run.out()
                                .lines()
                                .filter(l -> l.startsWith("{\"_command\":\"QMOD\",\"Device Mode\""))
                                .count()
                        >= 2,
                run.out());
    }

    @Test
    void mqttOutputPublishesMppSolarsTopics() throws Exception {
        try (MosquittoBroker broker =
                        MosquittoBroker.builder(dir.resolve("broker")).build().start();
                TestSubscriber subscriber = TestSubscriber.subscribe(broker, "#")) {
            Run run = Run.of(
                    "mppsolar",
                    "-p",
                    serialPort(),
                    "-c",
                    "QPIGS",
                    "-o",
                    "mqtt,hass",
                    "-q",
                    broker.host(),
                    "--mqttport",
                    Integer.toString(broker.port()));
            assertEquals(0, run.code(), run.err());
            subscriber.await(
                    "the AC output voltage", () -> subscriber.contains("QPIGS/status/ac_output_voltage/value 230.0"));
            assertTrue(
                    subscriber.contains("QPIGS/status/ac_output_voltage/unit V"),
                    subscriber.all().toString());
            subscriber.await(
                    "the hass state",
                    () -> subscriber.contains("homeassistant/sensor/mpp_qpigs_ac_output_voltage/state 230.0"));
            assertTrue(
                    subscriber.count(m -> m.startsWith("homeassistant/sensor/mpp_qpigs_ac_output_voltage/config {"))
                            == 1,
                    subscriber.all().toString());
        }
    }
}
