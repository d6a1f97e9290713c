package io.github.solarwire.pvs.ess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SunVaultClient} and {@link SunVaultDevice} against {@link SimulatedSunVault} over loopback. */
class SunVaultClientTest {

    /** Long enough for a loaded machine; a silent unit costs one such wait. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private SimulatedSunVault sim;
    private SunVaultClient client;

    @BeforeEach
    void start() throws IOException {
        sim = SimulatedSunVault.start();
        client = SunVaultClient.builder("127.0.0.1")
                .sunSpecPort(sim.sunSpecPort())
                .schneiderPort(sim.schneiderPort())
                .timeout(TIMEOUT)
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        sim.close();
    }

    @Test
    void readsEveryUnitOnBothMaps() throws IOException {
        SunVaultPoll poll = client.poll();
        assertEquals(Map.of(), poll.failures());
        assertEquals(SunVaultUnit.DEFAULTS, List.copyOf(poll.units().keySet()));

        Map<String, Object> topics = poll.topics();
        assertEquals(80L, topics.get("gateway/battery_soc"));
        assertEquals(1200L, topics.get("gateway/battery_power"));
        assertEquals(5000L, topics.get("gateway/max_charge_setpoint"));
        assertEquals("Conext Gateway", topics.get("gateway/model"));
        assertEquals("Schneider Electric", topics.get("inverter10/manufacturer"));
        assertEquals("SIM00011", topics.get("inverter11/serial"));
        assertEquals("V1.12 BN 5", topics.get("bms231/version"));
        assertEquals(600L, topics.get("bms230/battery_power"));
        assertEquals(53.6, topics.get("bms231/battery_voltage"));
        assertEquals(150L, topics.get("inverter10/grid_power"));
        assertEquals(750L, topics.get("inverter11/load_power"));
        assertEquals(24.5, topics.get("inverter10/battery_temperature"));
    }

    @Test
    void withoutTheSchneiderPortOnlyTheSunSpecMapIsRead() throws IOException {
        try (SunVaultClient sunSpecOnly = SunVaultClient.builder("127.0.0.1")
                .sunSpecPort(sim.sunSpecPort())
                .timeout(TIMEOUT)
                .build()) {
            SunVaultPoll poll = sunSpecOnly.poll();
            assertEquals(Map.of(), poll.failures());
            assertEquals("Conext XW Pro 6848 NA", poll.topics().get("inverter10/model"));
            assertFalse(poll.topics().containsKey("inverter10/grid_power"));
        }
    }

    @Test
    void aUnitThatDoesNotAnswerIsReportedAndTheOthersAreRead() throws IOException {
        sim.silence(231);
        SunVaultPoll poll = client.poll();
        assertEquals(
                List.of(new SunVaultUnit(231, SunVaultUnit.Kind.BMS)),
                List.copyOf(poll.failures().keySet()));
        IOException e = poll.failures().values().iterator().next();
        assertInstanceOf(SocketTimeoutException.class, e);
        assertTrue(e.getMessage().startsWith("unit 231 at 127.0.0.1:"), e.getMessage());
        assertEquals(4, poll.units().size());

        sim.answer(231);
        assertEquals(Map.of(), client.poll().failures(), "the connection stayed usable");
    }

    @Test
    void aServerRestartFailsOnePollAndTheNextReconnects() throws IOException {
        assertEquals(Map.of(), client.poll().failures());
        sim.stop();
        SunVaultPoll down = client.poll();
        assertEquals(Map.of(), down.units());
        assertEquals(5, down.failures().size());
        String gateway = down.failures().get(SunVaultUnit.GATEWAY).getMessage();
        assertTrue(gateway.contains("127.0.0.1:" + sim.sunSpecPort()), gateway);
        assertFalse(down.failures().get(SunVaultUnit.GATEWAY) instanceof SocketTimeoutException, gateway);
        String inverter = down.failures()
                .get(new SunVaultUnit(10, SunVaultUnit.Kind.INVERTER))
                .getMessage();
        assertTrue(inverter.endsWith("failed earlier in this poll"), inverter);

        sim.restart();
        assertEquals(Map.of(), client.poll().failures());
    }

    @Test
    void connectionsClosedByTheServerAreMadeAgain() throws IOException {
        assertEquals(Map.of(), client.poll().failures());
        sim.dropConnections();
        client.poll(); // may see the closed connection or reconnect at once, depending on timing
        assertEquals(Map.of(), client.poll().failures());
    }

    @Test
    void socFollowsBatteryPowerAndSentinelsCrossTheWire() throws IOException {
        sim.setBatteryPower(-3250); // charging 3.25 kW into 13 kWh: 25 % an hour
        sim.advance(Duration.ofMinutes(30));
        sim.setRaw(230, SunVaultRegister.BMS_VOLTAGE, 0xFFFF);
        SunVaultPoll poll = client.poll();
        assertEquals(92.5, sim.soc(), 1e-9);
        assertEquals(93L, poll.topics().get("gateway/battery_soc"));
        assertEquals(-3250L, poll.topics().get("gateway/battery_power"));
        assertFalse(poll.topics().containsKey("bms230/battery_voltage"));
    }

    @Test
    void aClosedClientRefusesToPoll() {
        client.close();
        assertThrows(IOException.class, client::poll);
    }

    @Test
    void theDeviceGivesOneReadingPerUnitUnderTheGateway() throws IOException {
        sim.silence(11);
        try (SunVaultDevice device = SunVaultDevice.of(
                "sunvault", "127.0.0.1", b -> b.sunSpecPort(sim.sunSpecPort()).timeout(TIMEOUT))) {
            assertThrows(IOException.class, device::poll, "not open");
            device.open();
            List<Reading> readings = device.poll();
            assertEquals(
                    List.of("sunvault-gateway", "sunvault-inverter10", "sunvault-bms230", "sunvault-bms231"),
                    readings.stream().map(Reading::deviceId).toList());
            assertEquals("Conext Gateway", device.info().model().orElseThrow());
            assertEquals("SIM00001", device.info().serial().orElseThrow());
            assertEquals("sunvault-gateway", readings.get(2).device().parentId().orElseThrow());
            assertEquals(80, readings.get(0).value(Metrics.BATTERY_SOC).orElseThrow());
            assertEquals(600, readings.get(3).value(Metrics.BATTERY_POWER).orElseThrow());
            assertEquals(Duration.ofSeconds(10), device.defaultInterval());
            assertEquals(
                    List.of(new SunVaultUnit(11, SunVaultUnit.Kind.INVERTER)),
                    List.copyOf(device.lastPoll().failures().keySet()));
        }
    }

    @Test
    void theDeviceFailsWhenNoUnitAnswers() throws IOException {
        try (SunVaultDevice device = SunVaultDevice.of(
                "sunvault",
                "127.0.0.1",
                b -> b.sunSpecPort(sim.sunSpecPort()).timeout(TIMEOUT).units(List.of(SunVaultUnit.GATEWAY)))) {
            device.open();
            sim.stop();
            IOException e = assertThrows(IOException.class, device::poll);
            assertEquals("no SunVault unit answered", e.getMessage());
            assertEquals(1, e.getSuppressed().length);
        }
    }
}
