package io.github.solarwire.pi30.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.pi30.Pi30Device;
import io.github.solarwire.pi30.codec.Pi30NakException;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30Readings;
import io.github.solarwire.pi30.sim.Fault;
import io.github.solarwire.pi30.sim.Pi30SimulatorServer;
import io.github.solarwire.pi30.sim.SimulatedPi30;
import io.github.solarwire.pi30.transport.HidrawLink;
import io.github.solarwire.pi30.transport.LinkTimeoutException;
import io.github.solarwire.pi30.transport.LinkTimeouts;
import io.github.solarwire.pi30.transport.SerialLink;
import io.github.solarwire.pi30.transport.TcpLink;
import io.github.solarwire.testkit.SocatPty;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pi30Device against the simulator over real ptys (serial and HID) and a loopback socket. */
class Pi30DeviceTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-21T11:00:00Z"), ZoneOffset.UTC);
    private static final LinkTimeouts QUICK =
            new LinkTimeouts(Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(8));

    @TempDir
    Path dir;

    private SocatPty pty;
    private Pi30SimulatorServer server;
    private Pi30Device device;
    private SimulatedPi30 sim;

    @AfterEach
    void tearDown() throws IOException {
        if (device != null) {
            device.close();
        }
        if (server != null) {
            server.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private Pi30Device start(Pi30SimulatorServer.Wire wire, Pi30Protocol protocol, int units) throws IOException {
        sim = new SimulatedPi30(protocol, NOON, 7);
        Pi30Device.LinkOpener opener;
        switch (wire) {
            case TCP -> {
                server = Pi30SimulatorServer.tcp(sim, 0);
                int port = server.port();
                opener = () -> TcpLink.open("127.0.0.1", port, Duration.ofSeconds(5));
            }
            case HID -> {
                pty = SocatPty.start(dir.resolve("pty"));
                server = Pi30SimulatorServer.hid(sim, pty.deviceEnd(), 0);
                opener = () -> HidrawLink.open(pty.hostEnd());
            }
            default -> {
                pty = SocatPty.start(dir.resolve("pty"));
                server = Pi30SimulatorServer.serial(sim, pty.deviceEnd(), 0);
                String port = pty.hostDevice().toString();
                opener = () -> SerialLink.open(port, 2400);
            }
        }
        device = Pi30Device.builder("inverter", opener)
                .timeouts(QUICK)
                .clock(NOON)
                .parallelUnits(units)
                .build();
        device.open();
        return device;
    }

    @ParameterizedTest
    @EnumSource(Pi30SimulatorServer.Wire.class)
    void identifiesTheInverterAndReadsItsStatus(Pi30SimulatorServer.Wire wire) throws Exception {
        start(wire, Pi30Protocol.PI30, 0);
        assertEquals(Pi30Protocol.PI30, device.protocol());
        assertEquals(java.util.Optional.of(sim.serial()), device.info().serial());
        assertEquals(java.util.Optional.of("MKS2-5000"), device.info().model());
        assertEquals(java.util.Optional.of("00072.70"), device.info().firmware());
        List<Reading> readings = device.poll();
        assertEquals(1, readings.size());
        Reading r = readings.get(0);
        assertTrue(r.value(Metrics.PV_POWER).getAsDouble() > 2000, r.toString());
        assertTrue(r.value(Metrics.BATTERY_SOC).getAsDouble() > 0, r.toString());
        assertEquals(230.0, r.value(Metrics.AC_VOLTAGE_L1).getAsDouble());
        assertNotNull(r.states().get(Pi30Readings.MODE));
        assertEquals("none", r.states().get(Pi30Readings.WARNINGS));
    }

    @Test
    void aMaxModelIsDetectedAndGivesItsSecondTracker() throws Exception {
        start(Pi30SimulatorServer.Wire.TCP, Pi30Protocol.PI30MAX, 0);
        assertEquals(Pi30Protocol.PI30MAX, device.protocol());
        Reading r = device.poll().get(0);
        assertTrue(r.value(Metrics.DC_POWER_PV2).getAsDouble() > 0, r.toString());
        assertEquals(
                r.value(Metrics.DC_POWER_PV1).getAsDouble()
                        + r.value(Metrics.DC_POWER_PV2).getAsDouble(),
                r.value(Metrics.PV_POWER).getAsDouble(),
                1e-9);
    }

    @Test
    void parallelUnitsBecomeReadingsOfTheirOwn() throws Exception {
        start(Pi30SimulatorServer.Wire.TCP, Pi30Protocol.PI30, 2);
        List<Reading> readings = device.poll();
        // The simulator is a single unit: QPGS0 answers, QPGS1 is refused and remembered.
        assertEquals(2, readings.size());
        assertEquals("inverter-unit0", readings.get(1).deviceId());
        assertEquals(sim.serial(), readings.get(1).states().get("pi30.serial"));
        long before = sim.requests();
        device.poll();
        assertEquals(4, sim.requests() - before, "QPIGS, QMOD, QPIWS and QPGS0; the refused QPGS1 is not asked again");
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"BAD_CRC", "GARBAGE", "TRUNCATED", "SILENCE", "SLOW"})
    void aDamagedLateOrMissingReplyIsAskedForAgain(Fault fault) throws Exception {
        start(Pi30SimulatorServer.Wire.SERIAL, Pi30Protocol.PI30, 0);
        sim.inject(fault, 1);
        Reading r = device.poll().get(0);
        assertTrue(r.value(Metrics.AC_VOLTAGE_L1).getAsDouble() > 0);
        long retried = device.client().damagedReplies() + device.client().timeouts();
        assertEquals(fault == Fault.SLOW ? 0 : 1, retried, fault + " costs one retry");
    }

    @Test
    void aNakOnTheStatusIsAProtocolErrorAndTheNextPollWorks() throws Exception {
        start(Pi30SimulatorServer.Wire.SERIAL, Pi30Protocol.PI30, 0);
        sim.inject(Fault.NAK, 1);
        assertThrows(Pi30NakException.class, device::poll);
        assertEquals(1, device.poll().size());
    }

    @Test
    void silenceThroughEveryRetryIsATimeoutAndTheLinkStaysUsable() throws Exception {
        start(Pi30SimulatorServer.Wire.HID, Pi30Protocol.PI30, 0);
        sim.inject(Fault.SILENCE, 3);
        LinkTimeoutException e = assertThrows(LinkTimeoutException.class, device::poll);
        assertEquals(0, e.received());
        assertEquals(1, device.poll().size());
    }
}
