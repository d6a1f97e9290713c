package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.solarwire.core.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The port-81 protocol: request checksums, response checks, every command's decoder. */
class Port81Test {

    private static final HexFormat HEX = HexFormat.of();

    static byte[] technicalDataPayload() {
        ByteBuffer p = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        int[][] dc = {{6120, 1100, 681, 45870, 16393}, {0, 20, 0, 45876, 32770}, {5730, 960, 556, 45879, 16395}};
        for (int[] d : dc) {
            for (int v : d) {
                p.putShort((short) v);
            }
        }
        int[][] ac = {{2300, 124, 272, 44772}, {2290, 210, 451, 44756}, {2280, 201, 431, 44746}};
        for (int[] a : ac) {
            for (int v : a) {
                p.putShort((short) v);
            }
        }
        p.putShort((short) 5000);
        p.putShort((short) 0x011D);
        return p.array();
    }

    @Test
    void requestChecksumMakesTheSumZero() {
        assertArrayEquals(HEX.parseHex("62ff03ff00574600"), Port81Request.frame(255, Port81Command.STATUS));
        for (Port81Command c : Port81Command.values()) {
            for (int address : new int[] {0, 1, 200, 255}) {
                byte[] f = Port81Request.frame(address, c);
                assertEquals(0, Port81Request.sum(f, 0, 7), c + " @" + address);
                assertEquals(c.code(), f[5] & 0xFF);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Port81Request.frame(256, Port81Command.STATUS));
    }

    @Test
    void technicalDataRoundTrip() throws Exception {
        byte[] frame = Port81Response.encode(255, Port81Command.TECHNICAL_DATA, technicalDataPayload());
        assertEquals(67, frame.length);
        assertEquals(0, Port81Request.sum(frame, 0, frame.length));
        Port81TechnicalData t = Port81Decoder.technicalData(frame, 255);
        assertEquals(new Port81TechnicalData.Dc(612.0, 11.0, 681, 45870, 16393), t.dc().get(0));
        assertEquals(new Port81TechnicalData.Dc(573.0, 9.6, 556, 45879, 16395), t.dc().get(2));
        assertEquals(new Port81TechnicalData.Ac(229.0, 2.1, 451, 44756), t.ac().get(1));
        assertEquals(0x011D, t.acStatus());
        PikoStatus s = Port81Decoder.toStatus(
                new Port81Model("PIKO 10.1", 3, 3), new Port81Status(3, 0, 0), 41_801_000L, 13_460L, t, 255);
        assertEquals(1154.0, s.acPower());
        assertEquals("Feeding MPP", s.status());
        assertEquals(PikoState.FEEDING, s.state());
        assertEquals(3, s.strings().size());
    }

    @Test
    void everyCommandDecodes() throws Exception {
        assertEquals(
                new Port81Status(3, 0, 0x1234),
                Port81Decoder.status(Port81Response.encode(7, Port81Command.STATUS, new byte[] {3, 0, 0x34, 0x12}), 7));
        byte[] u32 = {0x78, 0x56, 0x34, (byte) 0x82};
        assertEquals(
                0x82345678L, Port81Decoder.totalEnergy(Port81Response.encode(1, Port81Command.TOTAL_ENERGY, u32), 1));
        assertEquals(
                0x82345678L, Port81Decoder.todayEnergy(Port81Response.encode(1, Port81Command.TODAY_ENERGY, u32), 1));
        assertEquals(
                0x82345678L,
                Port81Decoder.articleNumber(Port81Response.encode(1, Port81Command.ARTICLE_NUMBER, u32), 1));
        for (Port81Command c : new Port81Command[] {
            Port81Command.RUNNING_TIME,
            Port81Command.INSTALLED_TIME,
            Port81Command.LAST_HISTORY_UPDATE,
            Port81Command.HISTORY_INTERVAL,
            Port81Command.PORTAL_UPLOAD_TIMER
        }) {
            assertEquals(0x82345678L, Port81Decoder.seconds(Port81Response.encode(1, c, u32), 1, c));
        }
        byte[] model = new byte[24];
        System.arraycopy("PIKO 5.5        ".getBytes(StandardCharsets.US_ASCII), 0, model, 0, 16);
        model[16] = 3;
        model[23] = 3;
        assertEquals(
                new Port81Model("PIKO 5.5", 3, 3),
                Port81Decoder.model(Port81Response.encode(255, Port81Command.MODEL, model), 255));
        Port81Versions v = Port81Decoder.versions(
                Port81Response.encode(255, Port81Command.VERSIONS, new byte[] {0x48, 0x0e, 0x41, 0x03, 0x20, 0x05}),
                255);
        assertEquals("0e48 03.41 05.20", v.text());
        assertEquals(
                "Namenlos",
                Port81Decoder.name(
                        Port81Response.encode(
                                255,
                                Port81Command.NAME,
                                Arrays.copyOf("Namenlos".getBytes(StandardCharsets.US_ASCII), 15)),
                        255));
        byte[] serial =
                Port81Response.encode(255, Port81Command.SERIAL, "90123ABC45678".getBytes(StandardCharsets.US_ASCII));
        assertEquals(20, serial.length);
        assertEquals("90123ABC45678", Port81Decoder.serial(serial, 255));
        byte[] bcd = Port81Response.encode(255, Port81Command.SERIAL, new byte[] {0x12, 0x34, 0x56, 0x78, (byte) 0x90});
        assertEquals(12, bcd.length);
        assertEquals("1234567890", Port81Decoder.serial(bcd, 255));
        assertThrows(
                ProtocolException.class,
                () -> Port81Decoder.serial(
                        Port81Response.encode(255, Port81Command.SERIAL, new byte[] {0x1A, 0, 0, 0, 0}), 255));
        assertEquals(
                "portal",
                Port81Decoder.portalName(
                        Port81Response.encode(
                                255,
                                Port81Command.PORTAL_NAME,
                                Arrays.copyOf("portal".getBytes(StandardCharsets.US_ASCII), 32)),
                        255));
    }

    @Test
    void badChecksumIsRejected() {
        byte[] frame = Port81Response.encode(255, Port81Command.STATUS, new byte[] {3, 0, 0, 0});
        frame[5] ^= 0x01;
        ProtocolException e = assertThrows(ProtocolException.class, () -> Port81Decoder.status(frame, 255));
        assertEquals("bad port-81 checksum", e.what());
    }

    @Test
    void truncatedFrameIsRejected() {
        byte[] frame = Port81Response.encode(255, Port81Command.TECHNICAL_DATA, technicalDataPayload());
        for (int n = 0; n < frame.length; n += 7) {
            byte[] cut = Arrays.copyOf(frame, n);
            assertThrows(ProtocolException.class, () -> Port81Decoder.technicalData(cut, 255), "length " + n);
        }
    }

    @Test
    void wrongCommandWrongAddressAndNoAnswerAreRejected() {
        byte[] tech = Port81Response.encode(255, Port81Command.TECHNICAL_DATA, technicalDataPayload());
        ProtocolException e = assertThrows(ProtocolException.class, () -> Port81Decoder.status(tech, 255));
        assertEquals("wrong length of a port-81 response to STATUS", e.what());
        byte[] status = Port81Response.encode(3, Port81Command.STATUS, new byte[] {3, 0, 0, 0});
        assertEquals(
                "port-81 response from the wrong bus address",
                assertThrows(ProtocolException.class, () -> Port81Decoder.status(status, 4))
                        .what());
        byte[] none = {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0};
        assertThrows(ProtocolException.class, () -> Port81Decoder.status(none, 255));
        assertThrows(
                ProtocolException.class,
                () -> Port81Decoder.technicalData(Port81Response.parse(status, 3, Port81Command.STATUS)));
        assertThrows(
                ProtocolException.class, () -> Port81Response.parse(new byte[300], 0, Port81Command.TECHNICAL_DATA));
    }

    @ParameterizedTest
    @EnumSource(Port81Command.class)
    void everyCommandRoundTripsThroughTheGenericDecoder(Port81Command command) throws Exception {
        byte[] payload = new byte[command.minPayload()];
        Arrays.fill(payload, (byte) 0x31);
        byte[] frame = Port81Response.encode(200, command, payload);
        assertEquals(command, Port81Response.parse(frame, 200, command).command());
        Port81Decoder.decode(frame, 200, command);
    }

    @Test
    void temperatureFormula() {
        assertEquals(22.0, Port81TechnicalData.celsius(0xC800, Port81TechnicalData.DEFAULT_TEMPERATURE_REFERENCE));
        assertEquals(0.0, Port81TechnicalData.celsius(0xFFFF, 0x8000));
        assertEquals(99.99, Port81TechnicalData.celsius(0, 0xC800));
    }
}
