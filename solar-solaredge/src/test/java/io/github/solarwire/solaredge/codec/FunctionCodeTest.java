package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FunctionCodeTest {

    @Test
    void theTableHasTheSpecsCountPerModule() {
        // Spec §3.2: 418 names from se/commands.py plus 0x003d and 0x0503, counted per high byte.
        Map<Integer, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(0x00, 52),
                Map.entry(0x01, 53),
                Map.entry(0x02, 52),
                Map.entry(0x03, 113),
                Map.entry(0x04, 7),
                Map.entry(0x05, 6),
                Map.entry(0x06, 1),
                Map.entry(0x08, 35),
                Map.entry(0x09, 21),
                Map.entry(0x0A, 13),
                Map.entry(0x0B, 37),
                Map.entry(0x0C, 14),
                Map.entry(0x14, 2),
                Map.entry(0x15, 7),
                Map.entry(0x16, 5),
                Map.entry(0x17, 2)));
        Map<Integer, Integer> actual = new TreeMap<>();
        FunctionCode.known().forEach(c -> actual.merge(c.code() >>> 8, 1, Integer::sum));
        assertEquals(expected, actual);
        assertEquals(420, FunctionCode.known().size());
        assertTrue(FunctionCode.known().stream().allMatch(c -> c.knownName().isPresent()));
    }

    @Test
    void namesOfTheCodesSemonitorHandles() {
        assertEquals(
                "CMD_SERVER_POST_DATA",
                FunctionCode.SERVER_POST_DATA.knownName().orElseThrow());
        assertEquals("RESP_ACK", FunctionCode.ACK.knownName().orElseThrow());
        assertEquals(
                "CMD_PARAMS_GET_SINGLE",
                FunctionCode.PARAMS_GET_SINGLE.knownName().orElseThrow());
        assertEquals(
                "RESP_PARAMS_SINGLE", FunctionCode.PARAMS_SINGLE.knownName().orElseThrow());
        assertEquals(
                "CMD_PARAMS_SET_SINGLE",
                FunctionCode.PARAMS_SET_SINGLE.knownName().orElseThrow());
        assertEquals("RESP_SERVER_GMT", FunctionCode.SERVER_GMT.knownName().orElseThrow());
        assertEquals("CMD_FANCONTROL_RES", FunctionCode.of(0x1680).knownName().orElseThrow());
        assertEquals(
                "ENCRYPTED_ENVELOPE",
                FunctionCode.ENCRYPTED_ENVELOPE.knownName().orElseThrow());
        assertEquals("CMD_SERVER_POST_DATA(0x0500)", FunctionCode.SERVER_POST_DATA.toString());
    }

    @Test
    void unknownCodesKeepTheirNumber() {
        FunctionCode unknown = FunctionCode.of(0x1234);
        assertEquals(Optional.empty(), unknown.knownName());
        assertEquals("0x1234", unknown.toString());
        assertEquals(0x1234, unknown.code());
        assertEquals(unknown, new FunctionCode(0x1234));
        assertThrows(IllegalArgumentException.class, () -> FunctionCode.of(0x10000));
        assertThrows(IllegalArgumentException.class, () -> FunctionCode.of(-1));
    }
}
