package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SupervisorInfoTest {

    private static SupervisorInfo parse(String body) throws ProtocolException {
        return SupervisorInfo.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void startResponseVector() throws Exception {
        SupervisorInfo info = SupervisorInfo.parse(Vectors.bytes(Vectors.START));
        assertEquals("ZT01234567890ABCDE", info.serial());
        assertEquals("PVS6", info.model());
        assertEquals("2019.5, Build 4150", info.swVersion());
        assertEquals("1.0.0", info.fwVersion());
        assertEquals(4150, info.build());
        assertFalse(info.hasVarserver());
    }

    @Test
    void buildAsStringOrNumber() throws Exception {
        SupervisorInfo s = parse("{\"supervisor\":{\"SERIAL\":\"ZT1A0321\",\"MODEL\":\"PVS6\",\"BUILD\":\"61846\","
                + "\"SWVER\":\"2025.10, Build 61846\"}}");
        assertEquals(61846, s.build());
        assertTrue(s.hasVarserver());
        SupervisorInfo n = parse("{\"supervisor\":{\"SERIAL\":\"ZT1A0321\",\"MODEL\":\"PVS6\",\"BUILD\":61839}}");
        assertEquals(61839, n.build());
        assertFalse(n.hasVarserver());
    }

    @Test
    void pvs5BuildFromSwver() throws Exception {
        assertEquals(
                5412,
                parse("{\"supervisor\":{\"SERIAL\":\"a\",\"MODEL\":\"PVS5\",\"SWVER\":\"2025.11, Build 5412\"}}")
                        .build());
        SupervisorInfo dotted =
                parse("{\"supervisor\":{\"SERIAL\":\"a\",\"MODEL\":\"PVS5\",\"SWVER\":\"0.0.25.5408\"}}");
        assertEquals(5408, dotted.build());
        assertTrue(dotted.hasVarserver());
        assertNull(parse("{\"supervisor\":{\"SERIAL\":\"a\"}}").build());
    }

    @Test
    void badBodies() {
        for (String body : new String[] {
            "{\"status\":403,\"error\":\"Unauthorized\",\"path\":\"\"}",
            "{\"supervisor\":{}}",
            "{\"supervisor\":{\"SERIAL\":\"a\",\"BUILD\":\"none\"}}",
            "{\"supervisor\":\"x\"}",
            "{\"supervisor\":{\"SERIAL\":{}}}",
            "null"
        }) {
            assertThrows(ProtocolException.class, () -> parse(body), body);
        }
    }
}
