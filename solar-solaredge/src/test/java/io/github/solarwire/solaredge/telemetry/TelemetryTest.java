package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final Path DIR = TestVectors.directory("solaredge");

    private static List<byte[]> payloads(String name) throws IOException {
        return MessageStream.telemetryPayloads(Files.readAllBytes(DIR.resolve(name + ".dat")));
    }

    private static TelemetryBatch allDevices() throws IOException {
        return Telemetry.parse(payloads("synthetic_all_devices").get(0));
    }

    @Test
    void allDevicesHasEveryTypeOfTheReadme() throws IOException {
        TelemetryBatch batch = allDevices();
        assertEquals(List.of(), batch.errors());
        assertEquals(14, batch.records().size());
        Set<Integer> types = new TreeSet<>();
        batch.records().forEach(r -> types.add(r.deviceType()));
        assertEquals(Set.of(0x0010, 0x0011, 0x0000, 0x0080, 0x0082, 0x0300, 0x0030, 0x0022, 0x0017), types);
        batch.records().forEach(r -> assertEquals(Instant.ofEpochSecond(1_700_000_000L), r.time()));
    }

    @Test
    void singlePhaseInverterWithNotReportedPmax() throws IOException {
        SinglePhaseInverterRecord r = first(allDevices(), SinglePhaseInverterRecord.class);
        assertEquals("7F104920", r.deviceId());
        assertEquals(36000, r.uptime());
        assertEquals(300, r.interval());
        assertEquals(39.40625, r.temperature());
        assertEquals(29386.5, r.energyToday());
        assertEquals(16.0, r.energyInterval());
        assertEquals(246.421875, r.acVoltage());
        assertEquals(1.5390625, r.acCurrent());
        assertEquals(59.99581527709961, r.frequency());
        assertEquals(370.0625, r.dcVoltage());
        assertEquals(29742868.0, r.energyTotal());
        assertTrue(Double.isNaN(r.pmax()));
        assertEquals(214.0, r.acPower());
    }

    @Test
    void threePhaseInverterKeepsRawWords() throws IOException {
        ThreePhaseInverterRecord r = first(allDevices(), ThreePhaseInverterRecord.class);
        assertEquals("7E1820EA", r.deviceId());
        assertEquals(230.5, r.acVoltage1());
        assertEquals(229.75, r.acVoltage3());
        assertEquals(49.96875, r.frequency2());
        assertEquals(0.9900000095367432, r.cosPhi2());
        assertEquals(4286578687L, r.data21());
        assertEquals(287454020L, r.edayDc());
        assertEquals(4, r.mode());
        assertEquals(5000.0, r.groundFaultResistance());
        assertEquals(7.5, r.outputDcCurrent());
    }

    @Test
    void optimizerFormats() throws IOException {
        TelemetryBatch batch = allDevices();
        LegacyOptimizerRecord old = first(batch, LegacyOptimizerRecord.class);
        assertEquals("100BDB68", old.deviceId());
        assertEquals("7F104920", old.inverterId(), "bit 23 of 0x7F904920 is cleared");
        assertEquals(36.5, old.moduleVoltage());
        assertEquals(8.125, old.moduleCurrent());

        List<PackedOptimizerRecord> packed = all(batch, PackedOptimizerRecord.class);
        assertEquals(
                List.of("114C8EDE", "214C8EDF"),
                packed.stream().map(TelemetryRecord::deviceId).toList());
        PackedOptimizerRecord typical = packed.get(0);
        assertEquals(36.125, typical.moduleVoltage());
        assertEquals(13.5, typical.outputVoltage());
        assertEquals(0.375, typical.moduleCurrent());
        assertEquals(10.25, typical.energyToday());
        assertEquals(12.0, typical.temperature());
        PackedOptimizerRecord max = packed.get(1);
        assertEquals(127.875, max.moduleVoltage());
        assertEquals(25.59375, max.moduleCurrent());
        assertEquals(16383.75, max.energyToday());
        assertEquals(-20.0, max.temperature(), "temperature byte -10, times 2");

        S440OptimizerRecord s440 = first(batch, S440OptimizerRecord.class);
        assertEquals("124A5B6C", s440.deviceId());
        assertEquals(777, s440.uptime());
        assertEquals(7.7125, s440.moduleCurrent());
        assertEquals(10, s440.undeciphered().length(), "bytes 10..14 of the 15-byte record, kept");
    }

    @Test
    void eventsBatteryMeterAndUnknown() throws IOException {
        TelemetryBatch batch = allDevices();
        List<EventRecord> events = all(batch, EventRecord.class);
        assertEquals(0, events.get(0).type());
        assertEquals(1_700_000_000L - 600, events.get(0).event1());
        assertEquals(-28800, events.get(1).event2());

        BatteryRecord battery = first(batch, BatteryRecord.class);
        assertEquals("BAT1234567", battery.batteryId());
        assertEquals(52.25, battery.dcVoltage());
        assertEquals(-3.5, battery.dcCurrent());
        assertEquals(4321.5, battery.charge());
        assertEquals(123456, battery.totalEnergyIn());
        assertEquals("a0b0c0d0", battery.hexConst56());
        assertEquals(3, battery.chargingStatus());
        assertEquals("", battery.undeciphered());

        List<MeterRecord> meters = all(batch, MeterRecord.class);
        assertEquals(
                List.of(5, 9, 3), meters.stream().map(MeterRecord::recordType).toList());
        assertEquals(1234567, meters.get(0).totalToGrid());
        assertEquals("0000", meters.get(0).flag12());
        assertTrue(Double.isNaN(meters.get(2).powerToX()));
        assertEquals(660.0, meters.get(2).powerFromX());

        UnknownRecord unknown = first(batch, UnknownRecord.class);
        assertEquals(0x0017, unknown.deviceType());
        assertEquals(12, unknown.length());
        assertEquals("0102030405060708", unknown.data());
    }

    @Test
    void issue135MeterRecordAsTheReadmeStates() throws IOException {
        List<byte[]> payloads = payloads("issue135_rs485_frames");
        assertEquals(1, payloads.size());
        MeterRecord m = assertInstanceOf(
                MeterRecord.class,
                Telemetry.parse(payloads.get(0)).recordsOrThrow().get(0));
        assertEquals("73123D96", m.deviceId());
        assertEquals(9, m.recordType());
        assertEquals("9_PVProduction", m.recordTypeLabel());
        assertEquals(Instant.parse("2019-07-17T17:34:55Z"), m.time());
        assertEquals(300, m.interval());
        assertEquals(0.0, m.powerToX());
        assertTrue(Double.isNaN(m.powerFromX()));
    }

    @Test
    void longerBatteryAndMeterDoNotSpoilLaterShorterOnes() throws IOException {
        TelemetryBatch source = allDevices();
        byte[] battery = body(source, 0x0030);
        byte[] meter = body(source, 0x0022);
        byte[] payload = concat(
                record(0x0030, 0x7F104920, concat(battery, new byte[] {1, 2, 3, 4})),
                record(0x0030, 0x7F104920, battery),
                record(0x0022, 0x7F104920, concat(meter, new byte[] {(byte) 0xAB, (byte) 0xCD})),
                record(0x0022, 0x7F104920, meter));
        TelemetryBatch batch = Telemetry.parse(payload);
        assertEquals(List.of(), batch.errors());
        List<BatteryRecord> batteries = all(batch, BatteryRecord.class);
        assertEquals("01020304", batteries.get(0).undeciphered());
        assertEquals(90, batteries.get(0).length());
        assertEquals("", batteries.get(1).undeciphered());
        assertEquals(batteries.get(0).dcVoltage(), batteries.get(1).dcVoltage());
        List<MeterRecord> meters = all(batch, MeterRecord.class);
        assertEquals("abcd", meters.get(0).undeciphered());
        assertEquals(meters.get(0).powerToX(), meters.get(1).powerToX());

        Map<String, Map<String, Object>> view = SemonitorView.of(batch.records(), java.time.ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = (Map<String, Object>)
                ((Map<String, Object>) view.get("batteries_0x0030").get("7F104920")).get("BAT1234567");
        assertEquals("01 02 03 04", merged.get("Undeciphered_data"), "merged as the peer's merge_update does");
        assertEquals(86, merged.get("devLen"));
    }

    @Test
    void shortRecordIsAnErrorAndTheOthersAreKept() throws IOException {
        TelemetryBatch source = allDevices();
        byte[] inverter = body(source, 0x0010);
        byte[] payload = concat(
                record(0x0080, 0x114C8EDE, body(source, 0x0080)),
                record(0x0010, 0x7F104920, java.util.Arrays.copyOf(inverter, 60)),
                record(0x0010, 0x7F104921, inverter));
        TelemetryBatch batch = Telemetry.parse(payload);
        assertEquals(2, batch.records().size());
        assertEquals("7F104921", batch.records().get(1).deviceId());
        ProtocolException e = batch.errors().get(0);
        assertEquals(1, batch.errors().size());
        assertEquals(8 + 13, e.offset().orElseThrow());
        assertEquals("at least 104 bytes", e.expected().orElseThrow());
        assertEquals("60 bytes", e.found().orElseThrow());
        assertTrue(e.what().contains("0x0010 single-phase inverter"), e.what());
        assertThrows(ProtocolException.class, batch::recordsOrThrow);
    }

    @Test
    void unknownTypesAreKeptWithTheirBytes() {
        byte[] body = {0x00, (byte) 0xF1, 0x53, 0x65, (byte) 0xDE, (byte) 0xAD};
        TelemetryBatch batch = Telemetry.parse(concat(
                record(0x0800, 0x7F904920, body), record(0x0018, 0x12345678, new byte[] {0, (byte) 0xF1, 0x53, 0x65})));
        assertEquals(List.of(), batch.errors());
        UnknownRecord jupiter =
                assertInstanceOf(UnknownRecord.class, batch.records().get(0));
        assertEquals("7F104920", jupiter.deviceId());
        assertEquals(1_700_000_000L, jupiter.timestamp());
        assertEquals("dead", jupiter.data());
        UnknownRecord daily =
                assertInstanceOf(UnknownRecord.class, batch.records().get(1));
        assertEquals("", daily.data());
        assertEquals("Unknown_device_0x0800", SemonitorView.category(0x0800));
    }

    @Test
    void unknownRecordShorterThanATimestampIsAnError() {
        TelemetryBatch batch = Telemetry.parse(record(0x0017, 1, new byte[] {1, 2}));
        assertEquals(List.of(), batch.records());
        assertEquals("at least 4 bytes", batch.errors().get(0).expected().orElseThrow());
    }

    @Test
    void truncatedPayloadsEndTheWalkWithAnError() throws IOException {
        byte[] good = record(0x0080, 0x114C8EDE, body(allDevices(), 0x0080));
        TelemetryBatch header = Telemetry.parse(concat(good, new byte[] {0x10, 0, 1}));
        assertEquals(1, header.records().size());
        assertEquals("3 bytes", header.errors().get(0).found().orElseThrow());
        assertEquals(good.length, header.errors().get(0).offset().orElseThrow());

        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);
        TelemetryBatch body = Telemetry.parse(cut);
        assertEquals(List.of(), body.records());
        assertEquals("at most 12 bytes", body.errors().get(0).expected().orElseThrow());
        assertEquals("13 bytes", body.errors().get(0).found().orElseThrow());
    }

    @Test
    void longerEventWhichThePeerRejectsIsDecoded() throws IOException {
        byte[] event = concat(body(allDevices(), 0x0300), new byte[4]);
        EventRecord e = assertInstanceOf(
                EventRecord.class,
                Telemetry.parse(record(0x0300, 0x7F104920, event))
                        .recordsOrThrow()
                        .get(0));
        assertEquals(1_700_000_000L - 300, e.event2(), "end time, 22:08:20");
    }

    @Test
    void notReportedFloatsAreLeftOutOfTheReading() throws IOException {
        byte[] inverter = body(allDevices(), 0x0010);
        ByteBuffer.wrap(inverter).order(ByteOrder.LITTLE_ENDIAN).putInt(92, 0xFF7FFFFF);
        TelemetryRecord r = Telemetry.parse(record(0x0010, 0x7F104920, inverter))
                .recordsOrThrow()
                .get(0);
        assertEquals(-Float.MAX_VALUE, ((SinglePhaseInverterRecord) r).acPower(), "kept as decoded, as the peer");
        io.github.solarwire.core.Reading reading = TelemetryReadings.reading(r).orElseThrow();
        assertTrue(reading.value(io.github.solarwire.core.Metrics.AC_POWER).isEmpty());
        assertTrue(reading.value(io.github.solarwire.core.Metrics.AC_VOLTAGE_L1).isPresent());
    }

    @Test
    void emptyPayloadHasNoRecords() {
        TelemetryBatch batch = Telemetry.parse(new byte[0]);
        assertEquals(List.of(), batch.records());
        assertEquals(List.of(), batch.errors());
    }

    static <T extends TelemetryRecord> T first(TelemetryBatch batch, Class<T> type) {
        return all(batch, type).get(0);
    }

    static <T extends TelemetryRecord> List<T> all(TelemetryBatch batch, Class<T> type) {
        return batch.records().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The body bytes of the first record of a type in the all-devices payload. */
    static byte[] body(TelemetryBatch ignored, int type) throws IOException {
        byte[] p = payloads("synthetic_all_devices").get(0);
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 8) {
            int t = b.getShort() & 0xFFFF;
            b.getInt();
            int len = b.getShort() & 0xFFFF;
            byte[] body = new byte[len];
            b.get(body);
            if (t == type) {
                return body;
            }
        }
        throw new AssertionError("no record of type " + type);
    }

    static byte[] record(int type, long id, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) type)
                .putInt((int) id)
                .putShort((short) body.length)
                .put(body)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
