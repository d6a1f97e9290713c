package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SemonitorJsonTest {

    @Test
    void pythonReprOfDoubles() {
        assertEquals("0.9900000095367432", SemonitorJson.pythonRepr((float) 0.99));
        assertEquals("29742868.0", SemonitorJson.pythonRepr(29742868.0));
        assertEquals("7.7125", SemonitorJson.pythonRepr(7.7125));
        assertEquals("0.31875000000000003", SemonitorJson.pythonRepr(51 * 0.00625));
        assertEquals("1e-05", SemonitorJson.pythonRepr(1e-5));
        assertEquals("0.0001", SemonitorJson.pythonRepr(1e-4));
        assertEquals("1e+16", SemonitorJson.pythonRepr(1e16));
        assertEquals("1234567890123456.0", SemonitorJson.pythonRepr(1234567890123456.0));
        assertEquals("-3.4028234663852886e+38", SemonitorJson.pythonRepr(-Float.MAX_VALUE));
        assertEquals("5e-324", SemonitorJson.pythonRepr(Double.MIN_VALUE));
        assertEquals("-0.0", SemonitorJson.pythonRepr(-0.0));
        assertEquals("NaN", SemonitorJson.pythonRepr(Double.NaN));
        assertEquals("-Infinity", SemonitorJson.pythonRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void stringsAreEscapedAsciiOnly() {
        Map<String, Object> m = new TreeMap<>();
        m.put("b", "é\"\\\n\u007f");
        m.put("a", 1L);
        assertEquals("{\"a\": 1, \"b\": \"\\u00e9\\\"\\\\\\n\\u007f\"}", SemonitorJson.write(m));
    }

    @Test
    void emptyMessageHasTheThreeFixedCategories() {
        assertEquals(
                "{\"events\": {}, \"inverters\": {}, \"optimizers\": {}}",
                SemonitorJson.line(List.of(), ZoneId.of("UTC")));
    }

    @Test
    void datesFollowTheGivenZoneAndAsctimePadsTheDay() {
        EventRecord e = new EventRecord("7F104920", 1_699_084_800L, 0, 1_699_084_800L, 1_699_085_100, 0);
        String line = SemonitorJson.line(List.of(e), ZoneId.of("US/Pacific"));
        assertEquals(
                "{\"events\": {\"7F104920\": {\"Date\": \"2023-11-04\", \"Event1\": \"Sat Nov  4 01:00:00 2023\","
                        + " \"Event2\": \"Sat Nov  4 01:05:00 2023\", \"Event3\": 0, \"ID\": \"7F104920\","
                        + " \"Time\": \"01:00:00\", \"Type\": 0}}, \"inverters\": {}, \"optimizers\": {}}",
                line);
    }

    @Test
    void longUndecipheredDataIsSplitIntoSixteenByteLines() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            hex.append(String.format("%02x", i));
        }
        assertEquals("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f | 10 11", SemonitorView.hex(hex.toString()));
    }
}
