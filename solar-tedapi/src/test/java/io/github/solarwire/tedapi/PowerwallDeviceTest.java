package io.github.solarwire.tedapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.tedapi.sim.GatewaySimulatorServer;
import io.github.solarwire.tedapi.sim.SimulatedGateway;
import io.github.solarwire.tedapi.transport.GatewayAuthException;
import io.github.solarwire.testkit.TestCertificates;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PowerwallDevice} against the gateway simulator over real HTTPS with a pinned certificate. */
class PowerwallDeviceTest {

    @TempDir
    Path dir;

    private GatewaySimulatorServer start(SimulatedGateway gw, TestCertificates certs) throws Exception {
        SslContext ssl = SslContextBuilder.forServer(
                        certs.certFile().toFile(), certs.keyFile().toFile())
                .build();
        return GatewaySimulatorServer.builder(gw).https(ssl).start();
    }

    private static double value(Reading r, io.github.solarwire.core.Metric m) {
        return r.value(m).orElseThrow(() -> new AssertionError(m.key() + " missing in " + r));
    }

    @Test
    void pw3SiteBatteriesAndStringsThroughThePinnedHttpsClient() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw3();
        try (GatewaySimulatorServer server = start(gw, certs);
                PowerwallDevice device = PowerwallDevice.builder("powerwall", "127.0.0.1:" + server.port())
                        .password(Secret.of(gw.password()))
                        .tlsTrust(TlsTrust.pinned(TestCertificates.sha256Fingerprint(certs.certFile())))
                        .build()) {
            device.open();
            assertEquals(gw.din(), device.info().serial().orElseThrow());
            List<Reading> readings = device.poll();
            Reading site = readings.get(0);
            assertEquals("powerwall", site.deviceId());
            double load = value(site, Metrics.LOAD_POWER);
            double sum = value(site, Metrics.GRID_POWER)
                    + value(site, Metrics.PV_POWER)
                    + value(site, Metrics.BATTERY_POWER);
            assertEquals(load, sum, 1.0, "site + solar + battery = load: " + site);
            double soc = value(site, Metrics.BATTERY_SOC);
            assertTrue(soc >= 0 && soc <= 100, site.toString());
            assertTrue(site.state("tedapi.grid_status").isPresent(), site.toString());
            long batteries = readings.stream()
                    .filter(r -> r.device().kind().equals("battery"))
                    .count();
            // every Powerwall 3 unit, and the DC expansion pack as a block of its own
            assertTrue(batteries >= gw.batteryDins().size(), readings.toString());
            assertTrue(readings.stream().anyMatch(r -> r.device().kind().equals("pv_string")), readings.toString());
            for (Reading r : readings.subList(1, readings.size())) {
                assertEquals("powerwall", r.device().parentId().orElseThrow());
            }
            long before = server.totalRequests();
            device.poll();
            assertEquals(before, server.totalRequests(), "a second poll within the TTL asks the gateway nothing");
        }
    }

    @Test
    void pw2SiteReading() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw2();
        try (GatewaySimulatorServer server = start(gw, certs);
                PowerwallDevice device = PowerwallDevice.builder("pw", "127.0.0.1:" + server.port())
                        .password(Secret.of(gw.password()))
                        .tlsTrust(TlsTrust.insecure())
                        .build()) {
            device.open();
            Reading site = device.poll().get(0);
            assertTrue(site.value(Metrics.GRID_POWER).isPresent(), site.toString());
            assertTrue(site.value(PowerwallDevice.SOE_RAW).isPresent(), site.toString());
        }
    }

    @Test
    void aWrongPasswordIsTheStickerHintAndIsNeverShown() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw3();
        try (GatewaySimulatorServer server = start(gw, certs);
                PowerwallDevice device = PowerwallDevice.builder("pw", "127.0.0.1:" + server.port())
                        .password(Secret.of("WRONGPASS1"))
                        .tlsTrust(TlsTrust.insecure())
                        .build()) {
            GatewayAuthException e = assertThrows(GatewayAuthException.class, device::open);
            assertTrue(e.getMessage().contains("sticker"), e.getMessage());
            assertFalse(e.getMessage().contains("WRONGPASS1"));
            assertFalse(device.toString().contains("WRONGPASS1"));
        }
    }

    @Test
    void theSystemTrustRefusesTheSelfSignedGateway() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw2();
        try (GatewaySimulatorServer server = start(gw, certs);
                PowerwallDevice device = PowerwallDevice.builder("pw", "127.0.0.1:" + server.port())
                        .password(Secret.of(gw.password()))
                        .build()) {
            assertThrows(java.io.IOException.class, device::open);
            assertEquals(0, server.requests("/tedapi/din"), "no request reached the gateway");
        }
    }
}
