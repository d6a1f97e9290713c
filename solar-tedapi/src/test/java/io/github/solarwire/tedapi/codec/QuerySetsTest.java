package io.github.solarwire.tedapi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped query sets: byte-exact copies, every query loaded, the fallback order. */
class QuerySetsTest {

    private final QuerySets sets = QuerySets.shipped();

    @Test
    void theShippedFilesAreByteExactCopies() throws IOException {
        for (String name : List.of("V2024_06.json", "V2026_06.json")) {
            try (InputStream in = QuerySets.class.getResourceAsStream(name)) {
                assertArrayEquals(Vectors.bytes("repo/pypowerwall/queries/" + name), in.readAllBytes(), name);
            }
        }
    }

    @Test
    void bothSetsLoadCompletely() {
        assertEquals(3, sets.all(QuerySetVersion.V2024_06).size());
        assertEquals(10, sets.all(QuerySetVersion.V2026_06).size());
        for (SignedQuery q : sets.all(QuerySetVersion.V2026_06).values()) {
            assertEquals(2, q.version());
            assertArrayEquals(q.signedBytes(), q.queryBytes(), q.name());
        }
        for (SignedQuery q : sets.all(QuerySetVersion.V2024_06).values()) {
            int length = q.signature().length;
            assertTrue(length >= 137 && length <= 139, q + " signature length " + length);
        }
        assertTrue(
                sets.get(QuerySetVersion.V2024_06, QueryRole.COMPONENTS).text().contains("# TODO STST-57686"));
        assertTrue(sets.get(QuerySetVersion.V2024_06, QueryRole.CONTROLLER)
                .variablesJson()
                .contains("msaComp"));
    }

    @Test
    void fallsBackToTheOtherSet() {
        List<SignedQuery> status = sets.fallbackOrder(QueryRole.STATUS, QuerySetVersion.V2024_06);
        assertEquals("device_controller_basic", status.get(0).name());
        assertEquals("DeviceControllerQuery", status.get(1).name());
        List<SignedQuery> components = sets.fallbackOrder(QueryRole.COMPONENTS, QuerySetVersion.V2026_06);
        assertEquals("PW3Query", components.get(0).name());
        assertEquals("components", components.get(1).name());
        assertEquals(QuerySetVersion.V2024_06, QuerySetVersion.V2026_06.other());
    }

    @Test
    void aDamagedSetIsAProtocolException() {
        assertThrows(ProtocolException.class, () -> QuerySets.parse("[".getBytes()));
        assertThrows(ProtocolException.class, () -> QuerySets.parse("[]".getBytes()));
        assertThrows(ProtocolException.class, () -> QuerySets.parse("{\"q\":{\"text\":\"x\"}}".getBytes()));
        assertThrows(
                ProtocolException.class, () -> QuerySets.parse("{\"q\":{\"text\":\"x\",\"code\":\"zz\"}}".getBytes()));
        assertThrows(
                ProtocolException.class,
                () -> QuerySets.of("{}".getBytes(), Vectors.bytes("repo/pypowerwall/queries/V2026_06.json")));
    }

    @Test
    void signedQueriesCompareByContent() {
        SignedQuery a = sets.get(QuerySetVersion.V2024_06, QueryRole.STATUS);
        SignedQuery b =
                new SignedQuery(a.name(), a.text(), a.signature(), a.variablesJson(), a.version(), a.signedBytes());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.toString().startsWith("SignedQuery[device_controller_basic"));
    }
}
