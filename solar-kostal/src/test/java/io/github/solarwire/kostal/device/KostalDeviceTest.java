package io.github.solarwire.kostal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.KostalDevice;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.sim.PikoPort81Server;
import io.github.solarwire.kostal.sim.PikoWebServer;
import io.github.solarwire.kostal.sim.SimulatedPiko;
import io.github.solarwire.kostal.transport.Port81Client;
import io.github.solarwire.net.HttpStatusException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** KostalDevice through the real HTTP client against the simulator's web server on loopback. */
class KostalDeviceTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-21T11:00:00Z"), ZoneOffset.UTC);
    private final PikoWebServer server;
    private final SimulatedPiko piko = new SimulatedPiko("PIKO 8.3", 2, 3, SimulatedPiko.Language.DE, NOON, 2);
    private KostalDevice device;

    KostalDeviceTest() throws InterruptedException {
        server = PikoWebServer.start(piko);
    }

    @AfterEach
    void tearDown() {
        if (device != null) {
            device.close();
        }
        server.close();
    }

    @Test
    void readsThePageWithTheFactoryCredentials() throws Exception {
        device = KostalDevice.builder("piko", "127.0.0.1:" + server.port())
                .clock(NOON)
                .build();
        device.open();
        assertEquals("PIKO 8.3", device.info().model().orElseThrow());
        Reading r = device.poll().get(0);
        assertTrue(r.value(Metrics.AC_POWER).orElseThrow() > 3000, r.toString());
        assertTrue(r.value(Metrics.DC_VOLTAGE_PV2).isPresent(), r.toString());
        assertTrue(r.value(Metrics.DC_VOLTAGE_PV3).isEmpty(), "a 2-string PIKO has no third string: " + r);
        assertTrue(r.value(Metrics.AC_VOLTAGE_L3).isPresent(), r.toString());
    }

    @Test
    void aWrongPasswordIsA401ThatNamesNoPassword() {
        device = KostalDevice.builder("piko", "http://127.0.0.1:" + server.port() + "/")
                .credentials("pvserver", Secret.of("wrong-pw-9"))
                .build();
        HttpStatusException e = assertThrows(HttpStatusException.class, device::open);
        assertEquals(401, e.status());
        assertTrue(!e.getMessage().contains("wrong-pw-9"), e.getMessage());
    }

    @Test
    void anOutageFailsThePollAndTheNextPollAfterItWorks() throws Exception {
        device = KostalDevice.builder("piko", "127.0.0.1:" + server.port())
                .timeout(Duration.ofSeconds(2))
                .build();
        device.open();
        server.down(true);
        assertThrows(IOException.class, device::poll);
        server.down(false);
        assertEquals(1, device.poll().size());
    }

    @Test
    void theReadmeSnippetReadsTheSimulator() throws Exception {
        List<Reading> readings = ReadmeDeviceSnippets.poll("127.0.0.1:" + server.port(), Secret.of("pvwr"));
        assertEquals(1, readings.size());
        assertEquals("PIKO 8.3", readings.get(0).device().model().orElseThrow());
    }

    @Test
    void theMpPlusXmlGivesTheSameInverter() throws Exception {
        device = KostalDevice.builder("piko", "127.0.0.1:" + server.port())
                .source(KostalDevice.Source.XML)
                .clock(NOON)
                .build();
        device.open();
        Reading r = device.poll().get(0);
        assertTrue(r.value(Metrics.AC_POWER).orElseThrow() > 3000, r.toString());
        assertTrue(r.value(Metrics.DC_VOLTAGE_PV2).isPresent(), r.toString());
        assertEquals("piko-xml", device.info().protocol());
    }

    @Test
    void port81GivesStatusEnergiesAndTechnicalData() throws Exception {
        try (PikoPort81Server port81 = PikoPort81Server.start(piko)) {
            device = KostalDevice.builder("piko", "127.0.0.1")
                    .source(KostalDevice.Source.PORT81)
                    .port81(port81.port(), 255)
                    .timeout(Duration.ofSeconds(2))
                    .clock(NOON)
                    .build();
            device.open();
            Reading r = device.poll().get(0);
            assertEquals("PIKO 8.3", device.info().model().orElseThrow());
            assertTrue(r.value(Metrics.AC_POWER).orElseThrow() > 3000, r.toString());
            assertTrue(r.value(Metrics.DC_VOLTAGE_PV2).isPresent(), r.toString());
            assertTrue(r.value(Metrics.DC_VOLTAGE_PV3).isEmpty(), r.toString());
            assertTrue(r.value(Metrics.PV_ENERGY_TOTAL).orElseThrow() > 1_000_000, r.toString());
        }
    }

    @Test
    void port81AtAnotherAddressHasNoAnswer() throws Exception {
        try (PikoPort81Server port81 = PikoPort81Server.start(piko);
                Port81Client client = Port81Client.open("127.0.0.1", port81.port(), Duration.ofSeconds(2))) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> client.request(3, Port81Command.STATUS));
            assertTrue(e.getMessage().contains("0xFF"), e.getMessage());
            assertEquals(11, client.request(255, Port81Command.STATUS).length, "the same link still works");
        }
    }

    @Test
    void autoFindsPort81WhenThereIsNoWebServer() throws Exception {
        try (PikoPort81Server port81 = PikoPort81Server.start(piko)) {
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            device = KostalDevice.builder("piko", "127.0.0.1:" + closed)
                    .source(KostalDevice.Source.AUTO)
                    .port81(port81.port(), 255)
                    .timeout(Duration.ofSeconds(2))
                    .build();
            device.open();
            assertEquals(KostalDevice.Source.PORT81, device.source());
            assertEquals(1, device.poll().size());
        }
    }

    @Test
    void theHostMayBeAnAddressHostPortOrUrl() {
        assertEquals(URI.create("http://192.168.0.128"), KostalDevice.baseUri("192.168.0.128"));
        assertEquals(URI.create("http://pv:8080"), KostalDevice.baseUri("pv:8080"));
        assertEquals(URI.create("https://pv/"), KostalDevice.baseUri("https://pv/"));
        assertThrows(IllegalArgumentException.class, () -> KostalDevice.baseUri(" "));
    }
}
