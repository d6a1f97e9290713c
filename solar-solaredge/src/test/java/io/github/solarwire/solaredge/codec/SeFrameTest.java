package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SeFrameTest {

    /** Worked example 2 of the spec: semonitor's RS485 MASTER_GRANT, real (issue #135). */
    private static final String GRANT = "12345679" + "0000ffff" + "9835" + "feffffff" + "963d1273" + "0203" + "9c52";

    @Test
    void encodesTheRealMasterGrantExactly() throws ProtocolException {
        SeFrame grant =
                new SeFrame(0x3598, SeFrame.MASTER_ADDRESS, 0x73123D96L, FunctionCode.MASTER_GRANT, new byte[0]);
        assertEquals(GRANT, HexFormat.of().formatHex(grant.encode()));
        assertEquals(grant, SeFrame.decode(HexFormat.of().parseHex(GRANT)));
        assertEquals(22, grant.length());
    }

    @Test
    void decodeRejectsEveryBrokenField() {
        byte[] good = HexFormat.of().parseHex(GRANT);
        assertEquals(
                "frame too short", rejected(java.util.Arrays.copyOf(good, 21)).what());
        byte[] magic = good.clone();
        magic[3] = 0x78;
        assertEquals("bad magic", rejected(magic).what());
        byte[] complement = good.clone();
        complement[6] = 0;
        ProtocolException e = rejected(complement);
        assertEquals("bad length complement", e.what());
        assertEquals(6, e.offset().getAsLong());
        byte[] crc = good.clone();
        crc[21] = 0;
        e = rejected(crc);
        assertEquals("bad CRC", e.what());
        assertEquals("0x529c", e.expected().orElseThrow());
        byte[] longer = java.util.Arrays.copyOf(good, 23);
        assertEquals("bad frame length", rejected(longer).what());
    }

    @Test
    void payloadIsCopiedInAndOut() {
        byte[] payload = {1, 2, 3};
        SeFrame frame = new SeFrame(1, 2, 3, FunctionCode.of(0x1234), payload);
        payload[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, frame.payload());
        frame.payload()[1] = 9;
        assertEquals(2, frame.payloadBuffer().get(1));
        assertTrue(frame.payloadBuffer().isReadOnly());
        assertEquals(ByteOrder.LITTLE_ENDIAN, frame.payloadBuffer().order());
        assertEquals(frame, new SeFrame(1, 2, 3, FunctionCode.of(0x1234), new byte[] {1, 2, 3}));
        assertEquals(frame.hashCode(), new SeFrame(1, 2, 3, FunctionCode.of(0x1234), new byte[] {1, 2, 3}).hashCode());
        assertNotEquals(frame, new SeFrame(1, 2, 3, FunctionCode.of(0x1234), new byte[] {1, 2, 4}));
        assertEquals("SeFrame[seq=0x0001, 2 -> 3, 0x1234, 3 bytes: 010203]", frame.toString());
    }

    @Test
    void replySwapsAddressesAndKeepsTheSequence() {
        SeFrame post =
                new SeFrame(7, 0x7F104920L, SeFrame.MASTER_ADDRESS, FunctionCode.SERVER_POST_DATA, new byte[] {1});
        SeFrame ack = post.reply(FunctionCode.ACK, new byte[0]);
        assertEquals(new SeFrame(7, SeFrame.MASTER_ADDRESS, 0x7F104920L, FunctionCode.ACK, new byte[0]), ack);
    }

    @Test
    void constructorRejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new SeFrame(0x10000, 0, 0, FunctionCode.ACK, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SeFrame(0, -1, 0, FunctionCode.ACK, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SeFrame(0, 0, 1L << 32, FunctionCode.ACK, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SeFrame(0, 0, 0, FunctionCode.ACK, new byte[0x10000]));
        assertThrows(NullPointerException.class, () -> new SeFrame(0, 0, 0, null, new byte[0]));
    }

    @Test
    void largestFrameRoundTrips() throws ProtocolException {
        SeFrame frame =
                new SeFrame(0xFFFF, 0xFFFF_FFFFL, 0, FunctionCode.of(0xFFFF), new byte[SeFrame.MAX_PAYLOAD_LENGTH]);
        byte[] wire = frame.encode();
        assertEquals(SeFrame.MAX_LENGTH, wire.length);
        assertEquals(frame, SeFrame.decode(wire));
    }

    private static ProtocolException rejected(byte[] bytes) {
        return assertThrows(ProtocolException.class, () -> SeFrame.decode(bytes));
    }
}
