package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.solarwire.core.ProtocolException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SePayloadTest {

    @Test
    void eachPayloadRoundTripsThroughAFrame() throws ProtocolException {
        List<SePayload> payloads = List.of(
                new ParamGetRequest(0x0239),
                new ParamSetRequest(0xFFFF, 0xFFFF_FFFFL),
                new ParamResponse(589_666_785L, 0),
                new ServerGmtResponse(1_700_000_000L, -28_800),
                new VersionResponse(3, 2537),
                new EnergyStatisticsResponse(12.5f, 300.25f, 4000f, Float.NaN, 1_700_000_000L));
        for (SePayload payload : payloads) {
            SeFrame frame = payload.toFrame(5, SeFrame.MASTER_ADDRESS, 0x7F104920L);
            assertEquals(payload.function(), frame.function());
            assertEquals(Optional.of(payload), SePayload.decode(SeFrame.decode(frame.encode())));
        }
    }

    @Test
    void littleEndianLayouts() {
        HexFormat hex = HexFormat.of();
        assertEquals("3902", hex.formatHex(new ParamGetRequest(0x0239).encode()));
        assertEquals("341204030201", hex.formatHex(new ParamSetRequest(0x1234, 0x01020304L).encode()));
        assertEquals("040302010700", hex.formatHex(new ParamResponse(0x01020304L, 7).encode()));
        assertEquals("00f15365808fffff", hex.formatHex(new ServerGmtResponse(1_700_000_000L, -28_800).encode()));
        assertEquals("0003.2537", new VersionResponse(3, 2537).text());
        assertEquals("03000000", hex.formatHex(new VersionResponse(3, 0).encode()));
        assertEquals(
                "00004841" + "00000000".repeat(3) + "00f15365",
                hex.formatHex(new EnergyStatisticsResponse(12.5f, 0, 0, 0, 1_700_000_000L).encode()));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), new ServerGmtResponse(1_700_000_000L, 0).instant());
    }

    @Test
    void wrongLengthsAreProtocolErrors() {
        assertThrows(ProtocolException.class, () -> ParamGetRequest.decode(new byte[3]));
        assertThrows(ProtocolException.class, () -> ParamSetRequest.decode(new byte[2]));
        assertThrows(ProtocolException.class, () -> ParamResponse.decode(new byte[0]));
        assertThrows(ProtocolException.class, () -> VersionResponse.decode(new byte[5]));
        assertThrows(ProtocolException.class, () -> EnergyStatisticsResponse.decode(new byte[19]));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ServerGmtResponse.decode(new byte[9]));
        assertEquals("8 bytes", e.expected().orElseThrow());
    }

    @Test
    void codesWithoutALayoutDecodeToNothing() throws ProtocolException {
        SeFrame ack = new SeFrame(1, 2, 3, FunctionCode.ACK, new byte[0]);
        assertEquals(Optional.empty(), SePayload.decode(ack));
    }

    @Test
    void outOfRangeFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ParamGetRequest(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new ParamSetRequest(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ParamResponse(1L << 32, 0));
        assertThrows(IllegalArgumentException.class, () -> new ServerGmtResponse(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new VersionResponse(0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> new EnergyStatisticsResponse(0, 0, 0, 0, -1));
    }
}
