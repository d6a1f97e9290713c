package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.tedapi.sim.GatewaySimulatorServer;
import io.github.solarwire.tedapi.sim.SimulatedGateway;
import io.github.solarwire.testkit.TestCertificates;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar powerwall} against the gateway simulator over HTTPS. */
class PowerwallCommandTest {

    @TempDir
    Path dir;

    private GatewaySimulatorServer gateway(SimulatedGateway gw, TestCertificates certs) throws Exception {
        return GatewaySimulatorServer.builder(gw)
                .https(SslContextBuilder.forServer(
                                certs.certFile().toFile(), certs.keyFile().toFile())
                        .build())
                .start();
    }

    @Test
    void printsTheSiteAsJsonWithAPinnedCertificateAndThePasswordFromTheEnvironment() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw3();
        try (GatewaySimulatorServer server = gateway(gw, certs)) {
            Run run = Run.of(
                    Map.of("PW_GW_PWD", gw.password(), "PW_HOST", "127.0.0.1:" + server.port()),
                    "powerwall",
                    "--pin",
                    TestCertificates.sha256Fingerprint(certs.certFile()),
                    "--json",
                    "--watch",
                    "200ms",
                    "--count",
                    "2");
            assertEquals(0, run.code(), run.err());
            List<String> sites = run.out()
                    .lines()
                    .filter(l -> l.contains("\"device\":\"powerwall\""))
                    .toList();
            assertEquals(2, sites.size(), run.out());
            JsonNode site = new ObjectMapper().readTree(sites.get(0));
            assertTrue(site.at("/values/battery.soc").isNumber(), site.toString());
            assertTrue(site.at("/values/load.power").isNumber(), site.toString());
            assertFalse((run.out() + run.err()).contains(gw.password()), "the password is never printed");
        }
    }

    @Test
    void trustsOnFirstUseAndSaysHowToPin() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SimulatedGateway gw = SimulatedGateway.pw2();
        try (GatewaySimulatorServer server = gateway(gw, certs)) {
            Run run = Run.of(Map.of("PW_GW_PWD", gw.password()), "powerwall", "--host", "127.0.0.1:" + server.port());
            assertEquals(0, run.code(), run.err());
            String expected = TestCertificates.sha256Fingerprint(certs.certFile())
                    .replace(":", "")
                    .toLowerCase(java.util.Locale.ROOT);
            assertTrue(run.err().replace(":", "").contains("--pin " + expected), run.err());
            assertTrue(run.out().startsWith("powerwall"), run.out());
            assertTrue(run.out().contains("grid.power="), run.out());
        }
    }

    @Test
    void aWrongPasswordFailsWithTheStickerHint() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        try (GatewaySimulatorServer server = gateway(SimulatedGateway.pw3(), certs)) {
            Run run = Run.of(
                    Map.of("PW_GW_PWD", "NOTTHEPASS"),
                    "powerwall",
                    "--host",
                    "127.0.0.1:" + server.port(),
                    "--insecure");
            assertEquals(1, run.code());
            assertTrue(run.err().contains("sticker"), run.err());
            assertFalse(run.err().contains("NOTTHEPASS"), run.err());
        }
    }
}
