package io.github.solarwire.tedapi.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The proxy's own CSV and neg-solar test cases ({@code repo/pypowerwall/proxy_csv_cases.json}). */
class CsvCasesTest {

    private static MeterAggregates.Meter meter(JsonNode aggregates, String section) {
        JsonNode p = aggregates == null || aggregates.isNull()
                ? null
                : aggregates.path(section).get("instant_power");
        Double power = p == null || p.isNull() ? null : p.doubleValue();
        return new MeterAggregates.Meter(null, power, null, null, 0, 0, 0, 1, 0, "");
    }

    private static MeterAggregates aggregates(JsonNode a) {
        if (a == null || a.isNull()) {
            return null;
        }
        return new MeterAggregates(meter(a, "site"), meter(a, "battery"), meter(a, "load"), meter(a, "solar"));
    }

    @Test
    void csvCases() {
        int checked = 0;
        for (JsonNode c : TedapiVectors.csvCases().get("cases")) {
            boolean headers = c.get("path").asText().contains("headers");
            String text = CsvView.v1(
                    aggregates(c.get("aggregates")),
                    c.get("level").doubleValue(),
                    headers,
                    c.get("neg_solar").asBoolean());
            if (c.has("expect")) {
                assertEquals(c.get("expect").asText(), text, c.toString());
            } else {
                for (JsonNode part : c.get("expect_contains")) {
                    assertTrue(text.contains(part.asText()), c + " gave " + text);
                }
            }
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void negativeSolarRouteCases() {
        for (JsonNode c : TedapiVectors.csvCases().get("aggregates_route_cases")) {
            if (!c.has("input")) {
                continue;
            }
            MeterAggregates.Meter zero = new MeterAggregates.Meter(null, 0.0, 240.0, 0.0, 0, 0, 0, 1, 0, "");
            MeterAggregates a = new MeterAggregates(
                    zero,
                    zero,
                    zero.withPower(c.get("input").get("load").doubleValue()),
                    zero.withPower(c.get("input").get("solar").doubleValue()));
            MeterAggregates out = c.get("neg_solar").asBoolean() ? a : a.withoutNegativeSolar();
            assertEquals(c.get("expect").get("solar").doubleValue(), out.solar().instantPower());
            assertEquals(c.get("expect").get("load").doubleValue(), out.load().instantPower());
            assertEquals(out.load().instantPower() / 240.0, out.load().instantAverageCurrent());
        }
    }

    @Test
    void nullPowerStaysNullInJsonButIsZeroInCsv() {
        MeterAggregates.Meter none = new MeterAggregates.Meter(null, null, null, null, 0, 0, 0, 1, 0, "");
        MeterAggregates a = new MeterAggregates(none, none, none, none);
        assertTrue(a.toJson().get("site").get("instant_power").isNull());
        assertEquals("0.00,0.00,0.00,0.00,0.00\n", CsvView.v1(a, null, false, false));
    }

    @Test
    void formatsLikePythonPercentZeroPointTwoF() {
        assertEquals("0.12", CsvView.fixed2(0.125));
        assertEquals("0.38", CsvView.fixed2(0.375));
        assertEquals("1.00", CsvView.fixed2(1.005));
        assertEquals("-0.00", CsvView.fixed2(-0.001));
        assertEquals("-0.00", CsvView.fixed2(-0.0));
        assertEquals("123.46", CsvView.fixed2(123.456));
        assertEquals("0.00", CsvView.fixed2(null));
        assertEquals("nan", CsvView.fixed2(Double.NaN));
    }
}
