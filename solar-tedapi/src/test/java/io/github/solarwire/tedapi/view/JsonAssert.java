package io.github.solarwire.tedapi.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Compares parsed JSON: the same keys, nesting and value types; numbers (integer or floating)
 * within 1e-9 relative of each other; key order ignored.
 */
final class JsonAssert {

    private JsonAssert() {}

    static void assertJson(JsonNode expected, JsonNode actual) {
        compare(expected, actual, "$");
    }

    static void assertJson(JsonNode expected, byte[] actual) {
        compare(expected, TedapiVectors.parse(actual), "$");
    }

    private static void compare(JsonNode e, JsonNode a, String path) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.doubleValue();
            double y = a.doubleValue();
            double tolerance = 1e-9 * Math.max(Math.abs(x), Math.abs(y));
            assertTrue(Math.abs(x - y) <= tolerance, path + ": expected " + x + " but was " + y);
            return;
        }
        assertEquals(e.getNodeType(), a.getNodeType(), path + ": type (expected " + e + ", was " + a + ")");
        if (e.isObject()) {
            TreeSet<String> ek = new TreeSet<>();
            e.fieldNames().forEachRemaining(ek::add);
            TreeSet<String> ak = new TreeSet<>();
            a.fieldNames().forEachRemaining(ak::add);
            assertEquals(ek, ak, path + ": keys");
            for (String k : ek) {
                compare(e.get(k), a.get(k), path + "." + k);
            }
        } else if (e.isArray()) {
            assertEquals(e.size(), a.size(), path + ": size (expected " + e + ", was " + a + ")");
            Iterator<JsonNode> ei = e.elements();
            Iterator<JsonNode> ai = a.elements();
            int i = 0;
            while (ei.hasNext()) {
                compare(ei.next(), ai.next(), path + "[" + i++ + "]");
            }
        } else if (!e.equals(a)) {
            fail(path + ": expected " + e + " but was " + a);
        }
    }
}
