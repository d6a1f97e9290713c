package io.github.solarwire.kostal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.KostalDevice;
import io.github.solarwire.kostal.sim.PikoWebServer;
import io.github.solarwire.kostal.sim.SimulatedPiko;
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
    private KostalDevice device;

    KostalDeviceTest() throws InterruptedException {
        server = PikoWebServer.start(new SimulatedPiko("PIKO 8.3", 2, 3, SimulatedPiko.Language.DE, NOON, 2));
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
    void theHostMayBeAnAddressHostPortOrUrl() {
        assertEquals(URI.create("http://192.168.0.128"), KostalDevice.baseUri("192.168.0.128"));
        assertEquals(URI.create("http://pv:8080"), KostalDevice.baseUri("pv:8080"));
        assertEquals(URI.create("https://pv/"), KostalDevice.baseUri("https://pv/"));
        assertThrows(IllegalArgumentException.class, () -> KostalDevice.baseUri(" "));
    }
}
