package io.github.solarwire.pvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Backoff;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.pvs.sim.PvsModel;
import io.github.solarwire.pvs.sim.PvsSimulatorServer;
import io.github.solarwire.pvs.sim.SimulatedPvs;
import io.github.solarwire.pvs.sim.VarsLayout;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PvsDevice} against the PVS simulator over real loopback HTTP and WebSocket connections. */
class PvsDeviceTest {

    private static final Instant NOON = Instant.parse("2025-07-28T19:00:00Z");
    private static final Instant NIGHT = Instant.parse("2025-07-28T08:00:00Z");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private PvsSimulatorServer server(SimulatedPvs pvs, Instant start, PvsSimulatorServerOptions options)
            throws InterruptedException {
        PvsSimulatorServer.Builder b = PvsSimulatorServer.builder(pvs)
                .messageInterval(Duration.ofMillis(20))
                .timeStep(Duration.ofSeconds(10))
                .start(start);
        options.apply(b);
        PvsSimulatorServer server = b.start();
        closing.add(server);
        return server;
    }

    @FunctionalInterface
    private interface PvsSimulatorServerOptions {
        void apply(PvsSimulatorServer.Builder b);
    }

    private PvsDevice.Builder device(PvsSimulatorServer server) {
        URI http = URI.create("http://127.0.0.1:" + server.httpPort());
        return PvsDevice.builder("pvs", "127.0.0.1")
                .httpUri(http)
                .varserverUri(http)
                .webSocketUri(URI.create("ws://127.0.0.1:" + server.webSocketPort() + "/"))
                .pollInterval(Duration.ofMillis(150))
                .staleTimeout(Duration.ofSeconds(2))
                .pingInterval(Duration.ofMillis(200));
    }

    /** Collects readings by device id. */
    private static final class Collector implements java.util.function.Consumer<Reading> {
        final List<Reading> all = new CopyOnWriteArrayList<>();
        final Map<String, Reading> last = new ConcurrentHashMap<>();

        @Override
        public void accept(Reading r) {
            all.add(r);
            last.put(r.deviceId(), r);
        }

        List<Reading> site() {
            return all.stream().filter(r -> r.deviceId().equals("pvs")).toList();
        }

        long ofKind(String kind) {
            return last.values().stream()
                    .filter(r -> r.device().kind().equals(kind))
                    .count();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CountDownLatch never = new CountDownLatch(1);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            never.await(10, TimeUnit.MILLISECONDS);
        }
    }

    private static double value(Reading r, io.github.solarwire.core.Metric m) {
        for (int i = 0; i < r.size(); i++) {
            if (r.metric(i).equals(m)) {
                return r.value(i);
            }
        }
        return Double.NaN;
    }

    @Test
    void newFirmwareLogsInEnablesTelemetryStreamsTotalsAndPollsEveryDevice() throws Exception {
        PvsSimulatorServer server = server(SimulatedPvs.builder().storage(true).build(), NOON, b -> {});
        PvsDevice device = device(server).build();
        closing.add(device);
        device.open();
        assertEquals(PvsDevice.Path.VARSERVER, device.path());
        assertEquals(1, server.logins());
        assertEquals(1, server.telemetryEnables());
        assertEquals("ZT204985000549A0321", device.supervisor().serial().orElseThrow());

        Collector got = new Collector();
        device.stream(got);
        await(
                () -> got.site().size() >= 10 && got.ofKind("inverter") == 12 && got.ofKind("meter") == 2,
                "site totals and every inverter and meter");
        await(() -> got.last.containsKey(device.supervisor().id()), "the supervisor's own reading");
        assertTrue(got.ofKind("battery") >= 1, got.last.keySet().toString());
        for (Reading site : got.site()) {
            double load = value(site, Metrics.LOAD_POWER);
            double sum = value(site, Metrics.PV_POWER)
                    + value(site, Metrics.GRID_POWER)
                    + value(site, Metrics.BATTERY_POWER);
            assertEquals(load, sum, 1e-6 * Math.max(1, Math.abs(load)), site.toString());
            assertEquals(device.supervisor().id(), site.device().parentId().orElseThrow());
        }
        Reading inverter = got.last.values().stream()
                .filter(r -> r.device().kind().equals("inverter"))
                .findFirst()
                .orElseThrow();
        assertEquals(device.supervisor().id(), inverter.device().parentId().orElseThrow());
        assertEquals(0, device.badFrames());
    }

    @Test
    void legacyFirmwareReadsTheDeviceListWithoutALogin() throws Exception {
        PvsSimulatorServer server =
                server(SimulatedPvs.builder().build(61640).inverters(5).build(), NOON, b -> {});
        PvsDevice device = device(server).build();
        closing.add(device);
        device.open();
        assertEquals(PvsDevice.Path.DL_CGI, device.path());
        Collector got = new Collector();
        device.stream(got);
        await(
                () -> got.site().size() >= 3 && got.ofKind("inverter") == 5 && got.ofKind("meter") == 2,
                "site totals and the DeviceList");
        assertEquals(0, server.logins());
    }

    @Test
    void theVarserverDataObjectLayoutGivesTheSameDevices() throws Exception {
        PvsSimulatorServer server = server(
                SimulatedPvs.builder()
                        .layout(VarsLayout.DATA_OBJECTS)
                        .inverters(4)
                        .build(),
                NOON,
                b -> {});
        PvsDevice device = device(server).build();
        closing.add(device);
        device.open();
        Collector got = new Collector();
        device.stream(got);
        await(() -> got.ofKind("inverter") == 4 && got.ofKind("meter") == 2, "4 inverters and 2 meters");
    }

    @Test
    void anExpiredSessionIsRenewedAndTheDataKeepsComing() throws Exception {
        for (int status : new int[] {401, 500}) {
            PvsSimulatorServer server =
                    server(SimulatedPvs.builder().inverters(2).build(), NOON, b -> b.expiredSessionStatus(status));
            PvsDevice device = device(server).build();
            closing.add(device);
            device.open();
            Collector got = new Collector();
            device.stream(got);
            await(() -> got.ofKind("inverter") == 2, "the first poll");
            server.expireSessions();
            int before = got.all.size();
            await(() -> device.logins() >= 2, "a new login after HTTP " + status);
            await(
                    () -> got.all.stream()
                            .skip(before)
                            .anyMatch(r -> r.device().kind().equals("inverter")),
                    "inverter data after the new login");
            device.close();
        }
    }

    @Test
    void aPvs5WithoutWebSocketGivesTheSiteTotalsFromLiveData() throws Exception {
        PvsSimulatorServer server = server(
                SimulatedPvs.builder()
                        .model(PvsModel.PVS5)
                        .build(5412)
                        .inverters(3)
                        .build(),
                NOON,
                b -> {});
        PvsDevice device = device(server).build();
        closing.add(device);
        device.open();
        assertEquals(PvsDevice.Path.VARSERVER, device.path());
        assertEquals(0, server.telemetryEnables());
        Collector got = new Collector();
        device.stream(got);
        await(() -> got.site().size() >= 2 && got.ofKind("inverter") == 3, "live data and inverters");
        assertEquals(0, device.connections());
    }

    @Test
    void nightDataDecodesWithoutErrors() throws Exception {
        PvsSimulatorServer server = server(SimulatedPvs.builder().inverters(6).build(), NIGHT, b -> {});
        PvsDevice device = device(server).build();
        closing.add(device);
        device.open();
        Collector got = new Collector();
        device.stream(got);
        await(() -> got.site().size() >= 5 && got.ofKind("inverter") == 6, "night data");
        assertEquals(0, device.badFrames());
        for (Reading site : got.site()) {
            double pv = value(site, Metrics.PV_POWER);
            assertTrue(Double.isNaN(pv) || Math.abs(pv) < 50, "no sun at night: " + site);
        }
    }

    @Test
    void aRefusedPasswordIsAClearErrorThatDoesNotShowIt() throws Exception {
        PvsSimulatorServer server = server(SimulatedPvs.builder().build(), NOON, b -> {});
        PvsDevice device = device(server)
                .path(PvsDevice.Path.VARSERVER)
                .password(Secret.of("WRONG1"))
                .build();
        closing.add(device);
        HttpStatusException e = assertThrows(HttpStatusException.class, device::open);
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("ssm_owner"), e.getMessage());
        assertFalse(e.getMessage().contains("WRONG1"), e.getMessage());
        assertFalse(device.toString().contains("WRONG1"));
    }

    @Test
    void withoutAWorkingLoginAutoStillStreamsAnEnabledSocket() throws Exception {
        PvsSimulatorServer server = server(SimulatedPvs.builder().build(), NOON, b -> b.disableOnDrop(false));
        // a first client enables telemetry, as another app or an earlier run would have
        PvsDevice first = device(server).build();
        closing.add(first);
        first.open();
        first.close();
        PvsDevice device = device(server).password(Secret.of("WRONG1")).build();
        closing.add(device);
        device.open();
        assertEquals(PvsDevice.Path.TELEMETRY_ONLY, device.path());
        Collector got = new Collector();
        device.stream(got);
        await(() -> got.site().size() >= 3, "site totals over the already enabled socket");
    }

    @Test
    void telemetryOnlyNeedsNoHttp() throws Exception {
        PvsSimulatorServer server = server(SimulatedPvs.builder().build(61640).build(), NOON, b -> {});
        PvsDevice device = device(server)
                .httpUri(URI.create("http://127.0.0.1:1"))
                .path(PvsDevice.Path.TELEMETRY_ONLY)
                .build();
        closing.add(device);
        device.open();
        Collector got = new Collector();
        device.stream(got);
        await(() -> got.site().size() >= 3, "site totals");
        assertEquals(0, server.varsRequests());
    }

    @Test
    void dropsAndStallsAreReconnectedWithoutALostOrDuplicatedFrame() throws Exception {
        PvsSimulatorServer server = server(
                SimulatedPvs.builder().inverters(1).build(),
                NOON,
                b -> b.dropEvery(Duration.ofMillis(400))
                        .stallEvery(Duration.ofMillis(1500))
                        .stallFor(Duration.ofSeconds(3)));
        PvsDevice device = device(server)
                .pollInterval(Duration.ZERO)
                .staleTimeout(Duration.ofMillis(500))
                .build();
        List<Instant> times = new CopyOnWriteArrayList<>();
        Sink sink = new Sink() {
            @Override
            public void accept(Reading r) {
                if (r.deviceId().equals("pvs")) {
                    times.add(r.timestamp());
                }
            }

            @Override
            public void close() {}
        };
        Recorder recorder = Recorder.builder().stream(device)
                .sink(sink)
                .backoff(Backoff.exponential(Duration.ofMillis(20), Duration.ofMillis(200)))
                .build();
        recorder.start();
        try {
            await(
                    () -> server.drops() >= 3 && server.stalls() >= 1 && device.connections() >= 5,
                    "three drops, a stall and the reconnections");
        } finally {
            recorder.close();
        }
        assertTrue(server.logins() >= device.connections(), "a login before every connection");
        assertTrue(server.telemetryEnables() >= device.connections(), "telemetry enabled before every connection");

        Set<Long> received = new HashSet<>();
        for (Instant t : times) {
            assertTrue(received.add(t.getEpochSecond()), "duplicate frame " + t);
        }
        Set<Long> sent = new HashSet<>();
        List<List<Long>> connections = server.sentTimes();
        for (int c = 0; c < connections.size(); c++) {
            List<Long> onConnection = connections.get(c);
            sent.addAll(onConnection);
            // every frame of a connection reached the client; the last one may have crossed our close
            for (int i = 0; i < onConnection.size() - 1; i++) {
                assertTrue(
                        received.contains(onConnection.get(i)),
                        "frame " + onConnection.get(i) + " of connection " + c + " was lost");
            }
        }
        assertTrue(sent.containsAll(received), "only frames the PVS sent");
        assertTrue(received.size() >= 20, "frames: " + received.size());
        assertNotNull(recorder.health());
    }

    @Test
    void varserverOverHttpsIsTrustedOnlyByAPinOrExplicitly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        io.github.solarwire.testkit.TestCertificates certs = io.github.solarwire.testkit.TestCertificates.create(dir);
        io.netty.handler.ssl.SslContext ssl = io.netty.handler.ssl.SslContextBuilder.forServer(
                        certs.certFile().toFile(), certs.keyFile().toFile())
                .build();
        PvsSimulatorServer server = server(SimulatedPvs.builder().inverters(2).build(), NOON, b -> b.https(ssl, 0));
        URI https = URI.create("https://127.0.0.1:" + server.httpsPort());

        PvsDevice untrusted = device(server)
                .varserverUri(https)
                .path(PvsDevice.Path.VARSERVER)
                .build();
        closing.add(untrusted);
        java.io.IOException refused = assertThrows(java.io.IOException.class, untrusted::open);
        assertEquals(0, server.logins(), "no password sent to an untrusted server: " + refused.getMessage());

        PvsDevice wrongPin = device(server)
                .varserverUri(https)
                .path(PvsDevice.Path.VARSERVER)
                .tlsTrust(io.github.solarwire.net.TlsTrust.pinned("00".repeat(32)))
                .build();
        closing.add(wrongPin);
        assertThrows(java.io.IOException.class, wrongPin::open);
        assertEquals(0, server.logins());

        String pin = io.github.solarwire.testkit.TestCertificates.sha256Fingerprint(certs.certFile());
        for (io.github.solarwire.net.TlsTrust trust :
                List.of(io.github.solarwire.net.TlsTrust.pinned(pin), io.github.solarwire.net.TlsTrust.insecure())) {
            long before = server.logins();
            PvsDevice device =
                    device(server).varserverUri(https).tlsTrust(trust).build();
            closing.add(device);
            device.open();
            assertEquals(PvsDevice.Path.VARSERVER, device.path(), trust.toString());
            assertEquals(before + 1, server.logins(), trust.toString());
            Collector got = new Collector();
            device.stream(got);
            await(() -> got.site().size() >= 2 && got.ofKind("inverter") == 2, "data over " + trust);
            device.close();
        }
    }
}
