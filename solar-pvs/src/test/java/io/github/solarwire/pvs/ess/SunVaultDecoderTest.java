package io.github.solarwire.pvs.ess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SunVaultDecoderTest {

    private static final SunVaultUnit GATEWAY = SunVaultUnit.GATEWAY;
    private static final SunVaultUnit XW = new SunVaultUnit(10, SunVaultUnit.Kind.INVERTER);
    private static final SunVaultUnit BMS = new SunVaultUnit(230, SunVaultUnit.Kind.BMS);

    /** Register words by address for one unit; unset registers read 0. */
    private final Map<SunVaultRegister.Layout, Map<Integer, Integer>> words = new HashMap<>();

    private void word(SunVaultRegister.Layout layout, int address, int value) {
        words.computeIfAbsent(layout, k -> new HashMap<>()).put(address, value & 0xFFFF);
    }

    private void word(int address, int value) {
        word(SunVaultRegister.Layout.SUNSPEC, address, value);
    }

    private void text(int address, byte[] bytes) {
        for (int i = 0; i < bytes.length; i += 2) {
            int lo = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
            word(address + i / 2, ((bytes[i] & 0xFF) << 8) | lo);
        }
    }

    /** The blocks a client reads for {@code unit}, filled from {@link #words}. */
    private List<RegisterBlock> blocks(SunVaultUnit unit) {
        List<RegisterBlock> out = new ArrayList<>();
        for (RegisterRange range : RegisterRange.of(unit.kind())) {
            byte[] data = new byte[range.count() * 2];
            Map<Integer, Integer> image = words.getOrDefault(range.layout(), Map.of());
            for (int i = 0; i < range.count(); i++) {
                int w = image.getOrDefault(range.start() + i, 0);
                data[2 * i] = (byte) (w >> 8);
                data[2 * i + 1] = (byte) w;
            }
            out.add(new RegisterBlock(range.layout(), range.start(), data));
        }
        return out;
    }

    private SunVaultUnitData decode(SunVaultUnit unit) throws ProtocolException {
        return SunVaultDecoder.decode(unit, blocks(unit));
    }

    @Test
    void readsOnlyTheRegistersInTheTableAndMergesOnlyTouchingOnes() {
        assertEquals(
                List.of(
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40004, 32),
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40044, 24),
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40210, 2),
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40255, 1),
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40291, 1)),
                RegisterRange.of(SunVaultUnit.Kind.GATEWAY));
        assertEquals(
                List.of(
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40004, 32),
                        new RegisterRange(SunVaultRegister.Layout.SUNSPEC, 40044, 24),
                        new RegisterRange(SunVaultRegister.Layout.SCHNEIDER, 102, 2),
                        new RegisterRange(SunVaultRegister.Layout.SCHNEIDER, 110, 2),
                        new RegisterRange(SunVaultRegister.Layout.SCHNEIDER, 154, 2),
                        new RegisterRange(SunVaultRegister.Layout.SCHNEIDER, 512, 6)),
                RegisterRange.of(SunVaultUnit.Kind.INVERTER));
    }

    @Test
    void gatewaySocAndSignedBatteryPower() throws ProtocolException {
        word(40255, 87);
        word(40291, -2500); // charging at 2.5 kW
        word(40210, 0x0001);
        word(40211, 0x86A0); // 100000 across two registers
        SunVaultUnitData data = decode(GATEWAY);
        assertEquals(87L, data.values().get("battery_soc"));
        assertEquals(-2500L, data.values().get("battery_power"));
        assertEquals(100_000L, data.values().get("max_charge_setpoint"));

        Reading r = data.toReading(data.deviceInfo("sv-gateway", null), Instant.EPOCH);
        assertEquals(87, r.value(Metrics.BATTERY_SOC).orElseThrow());
        assertEquals(-2500, r.value(Metrics.BATTERY_POWER).orElseThrow());
        assertEquals(2, r.size(), "the setpoint has no metric");
    }

    @Test
    void commonModelStringsAreCutAtNulAndTrimmed() throws ProtocolException {
        text(40004, "Schneider Electric".getBytes(StandardCharsets.US_ASCII)); // rest of 32 chars NUL
        text(40020, "XW Pro  \0\0garbage-after-nul".getBytes(StandardCharsets.US_ASCII));
        text(40052, "  SN123  ".getBytes(StandardCharsets.US_ASCII));
        SunVaultUnitData data = decode(XW);
        assertEquals("Schneider Electric", data.text("manufacturer").orElseThrow());
        assertEquals("XW Pro", data.text("model").orElseThrow());
        assertEquals("SN123", data.text("serial").orElseThrow());
        assertFalse(data.values().containsKey("version"), "an all-NUL string is not implemented");

        DeviceInfo info = data.deviceInfo("sv-inverter10", "sv-gateway");
        assertEquals("inverter", info.kind());
        assertEquals("Schneider Electric", info.vendor());
        assertEquals("XW Pro", info.model().orElseThrow());
        assertEquals("SN123", info.serial().orElseThrow());
        assertTrue(info.firmware().isEmpty());
        assertEquals("sv-gateway", info.parentId().orElseThrow());
    }

    @Test
    void aFullThirtyTwoCharacterStringHasNoTerminator() throws ProtocolException {
        text(40004, "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".getBytes(StandardCharsets.US_ASCII));
        assertEquals(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
                decode(GATEWAY).text("manufacturer").orElseThrow());
    }

    @Test
    void aControlOrNonAsciiByteInAStringIsAProtocolException() {
        text(40020, new byte[] {'X', 'W', 0x07, 'a'});
        ProtocolException e = assertThrows(ProtocolException.class, () -> decode(GATEWAY));
        assertTrue(e.getMessage().contains("model of unit 1"), e.getMessage());
        assertEquals(40021, e.offset().orElseThrow());
        assertEquals("byte 0x07", e.found().orElseThrow());

        words.clear();
        text(40052, new byte[] {(byte) 0xC3, (byte) 0xA9});
        assertThrows(ProtocolException.class, () -> decode(GATEWAY));
    }

    @Test
    void bmsScalesVoltageAndCurrent() throws ProtocolException {
        word(40081, 55);
        word(40104, 523); // 52.3 V
        word(40114, -125); // charging at 12.5 A
        word(40115, -650);
        SunVaultUnitData data = decode(BMS);
        assertEquals(55L, data.values().get("battery_soc"));
        assertEquals(52.3, data.values().get("battery_voltage"));
        assertEquals(-12.5, data.values().get("battery_current"));
        assertEquals(-650L, data.values().get("battery_power"));
        Reading r = data.toReading(data.deviceInfo("sv-bms230", "sv-gateway"), Instant.EPOCH);
        assertEquals(52.3, r.value(Metrics.BATTERY_VOLTAGE).orElseThrow());
        assertEquals(-12.5, r.value(Metrics.BATTERY_CURRENT).orElseThrow());
        assertEquals("battery", r.device().kind());
    }

    @Test
    void schneiderMapInt32AndUint32WithScaleAndKelvin() throws ProtocolException {
        SunVaultRegister.Layout s = SunVaultRegister.Layout.SCHNEIDER;
        word(s, 110, 0xFFFF);
        word(s, 111, 0xF830); // -2000 W: exporting
        word(s, 102, 0);
        word(s, 103, 1500);
        word(s, 154, 0x0001);
        word(s, 155, 0x0000); // 65536 W: the high word counts
        word(s, 512, 0x0000);
        word(s, 513, 0xCC4C); // 52300 mV
        word(s, 514, 0xFFFF);
        word(s, 515, 0xD8F0); // -10000 mA
        word(s, 516, 0x0000);
        word(s, 517, 29815); // 298.15 K
        SunVaultUnitData data = decode(XW);
        assertEquals(-2000L, data.values().get("grid_power"));
        assertEquals(1500L, data.values().get("ac1_power"));
        assertEquals(65536L, data.values().get("load_power"));
        assertEquals(52.3, data.values().get("battery_voltage"));
        assertEquals(-10.0, data.values().get("battery_current"));
        assertEquals(25.0, data.values().get("battery_temperature"));
        Reading r = data.toReading(data.deviceInfo("sv-inverter10", "sv-gateway"), Instant.EPOCH);
        assertEquals(-2000, r.value(Metrics.GRID_POWER).orElseThrow());
        assertEquals(65536, r.value(Metrics.LOAD_POWER).orElseThrow());
        assertEquals(1500, r.value("sunvault.ac1.power").orElseThrow());
        assertEquals(25.0, r.value(Metrics.BATTERY_TEMPERATURE).orElseThrow());
    }

    @Test
    void notImplementedSentinelsAreAbsentForEveryType() throws ProtocolException {
        word(40255, 0xFFFF); // uint16
        word(40291, 0x8000); // int16
        word(40210, 0xFFFF);
        word(40211, 0xFFFF); // uint32
        SunVaultRegister.Layout s = SunVaultRegister.Layout.SCHNEIDER;
        word(s, 110, 0x8000);
        word(s, 111, 0x0000); // int32
        word(s, 512, 0xFFFF);
        word(s, 513, 0xFFFF); // uint32
        SunVaultUnitData gateway = decode(GATEWAY);
        assertFalse(gateway.values().containsKey("battery_soc"));
        assertFalse(gateway.values().containsKey("battery_power"));
        assertFalse(gateway.values().containsKey("max_charge_setpoint"));
        assertEquals(
                0,
                gateway.toReading(gateway.deviceInfo("g", null), Instant.EPOCH).size());
        SunVaultUnitData xw = decode(XW);
        assertFalse(xw.values().containsKey("grid_power"));
        assertFalse(xw.values().containsKey("battery_voltage"));
        assertTrue(xw.number("grid_power").isEmpty());
    }

    @Test
    void valuesNextToTheSentinelsAreNumbers() throws ProtocolException {
        word(40255, 0xFFFE);
        word(40291, 0x8001);
        SunVaultUnitData data = decode(GATEWAY);
        assertEquals(65534L, data.values().get("battery_soc"));
        assertEquals(-32767L, data.values().get("battery_power"));
    }

    @Test
    void aShortResponseSaysWhichRegisterWasMissing() {
        List<RegisterBlock> blocks = new ArrayList<>(blocks(GATEWAY));
        RegisterBlock last = blocks.remove(blocks.size() - 1);
        blocks.add(new RegisterBlock(last.layout(), last.start(), new byte[0]));
        ProtocolException e = assertThrows(ProtocolException.class, () -> SunVaultDecoder.decode(GATEWAY, blocks));
        assertTrue(e.getMessage().startsWith("battery_power of unit 1 (SUNSPEC map) not read"), e.getMessage());
        assertEquals(40291, e.offset().orElseThrow());
        assertEquals("1 register(s) from 40291", e.expected().orElseThrow());
        assertTrue(e.found().orElseThrow().contains("40291+0"), e.found().orElseThrow());
    }

    @Test
    void anOddByteCountIsAProtocolException() {
        List<RegisterBlock> blocks = List.of(new RegisterBlock(SunVaultRegister.Layout.SUNSPEC, 40004, new byte[3]));
        ProtocolException e = assertThrows(ProtocolException.class, () -> SunVaultDecoder.decode(GATEWAY, blocks));
        assertEquals("3 bytes", e.found().orElseThrow());
    }

    @Test
    void aMapThatWasNotReadIsLeftOut() throws ProtocolException {
        text(40004, "Schneider".getBytes(StandardCharsets.US_ASCII));
        List<RegisterBlock> sunSpecOnly = blocks(XW).stream()
                .filter(b -> b.layout() == SunVaultRegister.Layout.SUNSPEC)
                .toList();
        SunVaultUnitData data = SunVaultDecoder.decode(XW, sunSpecOnly);
        assertFalse(data.values().containsKey("grid_power"));
        assertEquals("Schneider", data.values().get("manufacturer"));
    }

    @Test
    void oneLargeBlockServesAsWellAsThePlannedOnes() throws ProtocolException {
        byte[] data = new byte[(40292 - 40000) * 2];
        data[(40255 - 40000) * 2 + 1] = 42;
        SunVaultUnitData d = SunVaultDecoder.decode(
                GATEWAY, List.of(new RegisterBlock(SunVaultRegister.Layout.SUNSPEC, 40000, data)));
        assertEquals(42L, d.values().get("battery_soc"));
    }

    @Test
    void topicsUseDeviceNameSlashKey() throws ProtocolException {
        word(40081, 60);
        SunVaultUnitData bms = decode(BMS);
        SunVaultPoll poll = new SunVaultPoll(Instant.EPOCH, Map.of(BMS, bms), Map.of());
        assertEquals(60L, poll.topics().get("bms230/battery_soc"));
        assertEquals("gateway", GATEWAY.name());
        assertEquals("inverter11", new SunVaultUnit(11, SunVaultUnit.Kind.INVERTER).name());
        assertThrows(IllegalArgumentException.class, () -> new SunVaultUnit(256, SunVaultUnit.Kind.BMS));
    }

    @Test
    void everyRegisterHasAKeyASourceAndAFittingWidth() {
        for (SunVaultRegister r : SunVaultRegister.values()) {
            assertTrue(r.key().matches("[a-z][a-z0-9_]*"), r.key());
            assertTrue(r.source().startsWith("spec §6"), r + ": " + r.source());
            switch (r.type()) {
                case UINT16, INT16 -> assertEquals(1, r.count(), r.name());
                case UINT32, INT32 -> assertEquals(2, r.count(), r.name());
                case STRING -> assertTrue(r.metric() == null && r.count() > 0, r.name());
            }
        }
    }
}
