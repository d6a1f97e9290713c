package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PvsSimulatorServerTelemetryTest {

    private static final long SAFETY = TelemetryClient.SAFETY_SECONDS;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fast server: a frame every 20 ms, a simulated minute each. */
    private static PvsSimulatorServer.Builder fast(SimulatedPvs pvs) {
        return PvsSimulatorServer.builder(pvs)
                .start(SimulatedPvsTest.NOON)
                .messageInterval(Duration.ofMillis(20))
                .timeStep(Duration.ofSeconds(60));
    }

    private TelemetryClient connect(PvsSimulatorServer server) throws Exception {
        return TelemetryClient.connect(http, server.webSocketPort()).get(SAFETY, TimeUnit.SECONDS);
    }

    private void assertRefused(PvsSimulatorServer server) {
        CompletableFuture<TelemetryClient> attempt = TelemetryClient.connect(http, server.webSocketPort());
        assertThrows(ExecutionException.class, () -> attempt.get(SAFETY, TimeUnit.SECONDS));
    }

    private static long time(String frame) throws Exception {
        return ((PowerNotification) TelemetryFrame.parse(frame)).time().getEpochSecond();
    }

    private static List<Long> times(TelemetryClient client, int count) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(time(client.next()));
        }
        return times;
    }

    private static void assertStrictlyIncreasing(List<Long> times) {
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "time went back or repeated: " + times);
        }
    }

    @Test
    void newFirmwareRefusesTheSocketUntilTelemetryIsEnabled() throws Exception {
        try (PvsSimulatorServer server = fast(SimulatedPvs.builder().build()).start()) {
            assertRefused(server);
            assertEquals(0, server.webSocketConnections());
            Http.of(server).enableTelemetry(server.simulator());
            TelemetryClient client = connect(server);
            PowerNotification power = (PowerNotification) TelemetryFrame.parse(client.next());
            assertEquals(power.siteLoadPower(), power.pvPower() + power.netPower(), 1e-6);
            assertEquals(1, server.webSocketConnections());
            assertEquals(1, server.telemetryEnables());
        }
    }

    @Test
    void legacyFirmwareStreamsWithoutLoginUnlessDownAndPvs5HasNoSocket() throws Exception {
        try (PvsSimulatorServer server =
                fast(SimulatedPvs.builder().build(61839).build()).start()) {
            TelemetryClient client = connect(server);
            assertStrictlyIncreasing(times(client, 5));
            server.down(true);
            assertRefused(server);
            server.down(false);
            connect(server).next();
        }
        try (PvsSimulatorServer server = fast(SimulatedPvs.builder()
                        .model(PvsModel.PVS5)
                        .build(5412)
                        .build())
                .start()) {
            assertEquals(-1, server.webSocketPort());
            Http http = Http.of(server);
            String session = http.login(server.simulator());
            assertEquals(
                    400,
                    http.post("/vars", "set=/sys/telemetryws/enable=1", session).statusCode());
        }
    }

    @Test
    void framesCarryTheSimulatedClockAndMatchTheServersRecord() throws Exception {
        try (PvsSimulatorServer server =
                fast(SimulatedPvs.builder().storage(true).build(61839).build()).start()) {
            TelemetryClient client = connect(server);
            List<Long> received = times(client, 40);
            assertStrictlyIncreasing(received);
            for (int i = 1; i < received.size(); i++) {
                assertEquals(60, received.get(i) - received.get(i - 1), "consecutive frames are one step apart");
            }
            assertTrue(received.get(0) > SimulatedPvsTest.NOON.getEpochSecond());
            List<Long> sent = server.sentTimes().get(0);
            assertEquals(received, sent.subList(0, received.size()));
            assertTrue(server.framesSent() >= received.size());
        }
    }

    @Test
    void aDropClosesTheSocketAndTelemetryMustBeEnabledAgain() throws Exception {
        try (PvsSimulatorServer server = fast(SimulatedPvs.builder().build()).start()) {
            Http.of(server).enableTelemetry(server.simulator());
            TelemetryClient client = connect(server);
            client.next();
            server.dropAll();
            assertEquals(1000, client.closed.get(SAFETY, TimeUnit.SECONDS));
            assertEquals(1, server.drops());
            assertRefused(server);
            Http.of(server).enableTelemetry(server.simulator());
            TelemetryClient again = connect(server);
            again.next();
            assertEquals(2, server.telemetryEnables());
            assertEquals(2, server.webSocketConnections());
        }
    }

    @Test
    void periodicDropsCloseEveryConnection() throws Exception {
        try (PvsSimulatorServer server = fast(SimulatedPvs.builder()
                        .build(61839)
                        .build())
                .dropEvery(Duration.ofMillis(150))
                .start()) {
            for (int cycle = 0; cycle < 3; cycle++) {
                TelemetryClient client = connect(server);
                client.closed.get(SAFETY, TimeUnit.SECONDS);
            }
            assertTrue(server.drops() >= 3);
            assertTrue(server.simulator().telemetryEnabled(), "legacy firmware stays enabled");
        }
    }

    @Test
    void aStalledConnectionGetsNoFramesButAnswersPingsWhileOthersStream() throws Exception {
        try (PvsSimulatorServer server =
                fast(SimulatedPvs.builder().build(61839).build()).start()) {
            TelemetryClient stalled = connect(server);
            stalled.next();
            server.stallAll(Duration.ofHours(1));
            assertEquals(1, server.stalls());
            List<Long> sentBefore = server.sentTimes().get(0);
            long lastSent = sentBefore.get(sentBefore.size() - 1);

            stalled.socket.sendPing(ByteBuffer.wrap(new byte[] {7})).get(SAFETY, TimeUnit.SECONDS);
            assertEquals(ByteBuffer.wrap(new byte[] {7}), stalled.pongs.poll(SAFETY, TimeUnit.SECONDS));

            TelemetryClient other = connect(server);
            List<Long> otherTimes = times(other, 10);
            assertTrue(otherTimes.get(0) > lastSent);
            assertEquals(sentBefore, server.sentTimes().get(0), "nothing more was sent to the stalled client");
            for (String frame : stalled.frames) {
                assertTrue(time(frame) <= lastSent);
            }
            assertTrue(!stalled.closed.isDone(), "the stalled connection stays open");
        }
    }

    @Test
    void aStallEndsAndFramesResumeWithALaterTime() throws Exception {
        try (PvsSimulatorServer server = fast(SimulatedPvs.builder()
                        .build(61839)
                        .build())
                .stallEvery(Duration.ofMillis(100))
                .stallFor(Duration.ofMillis(50))
                .start()) {
            TelemetryClient client = connect(server);
            List<Long> received = new ArrayList<>();
            while (server.stalls() < 3) {
                received.add(time(client.next()));
            }
            received.addAll(times(client, 3));
            assertStrictlyIncreasing(received);
            assertEquals(received, server.sentTimes().get(0).subList(0, received.size()), "nothing lost");
        }
    }

    @Test
    void fiftyClientsSeeTheSameFrames() throws Exception {
        try (PvsSimulatorServer server =
                fast(SimulatedPvs.builder().storage(true).build(61839).build()).start()) {
            List<CompletableFuture<TelemetryClient>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(TelemetryClient.connect(http, server.webSocketPort()));
            }
            List<TelemetryClient> clients = new ArrayList<>();
            long common = 0;
            List<String> firstFrames = new ArrayList<>();
            for (CompletableFuture<TelemetryClient> attempt : attempts) {
                TelemetryClient client = attempt.get(SAFETY, TimeUnit.SECONDS);
                clients.add(client);
                String first = client.next();
                firstFrames.add(first);
                common = Math.max(common, time(first));
            }
            List<String> reference = null;
            for (int c = 0; c < clients.size(); c++) {
                List<String> frames = new ArrayList<>();
                String frame = firstFrames.get(c);
                while (time(frame) <= common) {
                    frame = clients.get(c).next();
                }
                frames.add(frame);
                while (frames.size() < 20) {
                    frames.add(clients.get(c).next());
                }
                if (reference == null) {
                    reference = frames;
                }
                assertEquals(reference, frames, "client " + c);
            }
            assertEquals(50, server.webSocketConnections());
        }
    }
}
