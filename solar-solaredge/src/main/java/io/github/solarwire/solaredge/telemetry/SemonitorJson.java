package io.github.solarwire.solaredge.telemetry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes semonitor's JSON line for one 0x0500 message, byte for byte as the peer's {@code
 * json.dumps(..., sort_keys=True)}: keys sorted, {@code ", "} and {@code ": "} separators, bare
 * {@code NaN}, floats in Python's shortest round-trip {@code repr}, non-ASCII escaped as {@code
 * \\uXXXX}. Stateless and thread-safe.
 */
public final class SemonitorJson {

    private static final MathContext[] PRECISION = new MathContext[18];

    static {
        for (int p = 1; p < PRECISION.length; p++) {
            PRECISION[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    private SemonitorJson() {}

    /**
     * The JSON line of one message, without the trailing newline.
     *
     * @param records the message's records, in payload order
     * @param zone the time zone for Date, Time and event times
     * @return the line
     */
    public static String line(List<TelemetryRecord> records, ZoneId zone) {
        StringBuilder s = new StringBuilder(256 + 256 * records.size());
        value(s, SemonitorView.of(records, zone));
        return s.toString();
    }

    /**
     * Writes a nested map as the peer's JSON (the map's own iteration order is kept, so pass sorted
     * maps such as those of {@link SemonitorView}).
     *
     * @param nested maps of strings, numbers and further maps
     * @return the JSON text
     */
    public static String write(Map<String, ?> nested) {
        StringBuilder s = new StringBuilder(1024);
        value(s, nested);
        return s.toString();
    }

    private static void value(StringBuilder s, Object v) {
        if (v instanceof Map<?, ?> map) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    s.append(", ");
                }
                first = false;
                string(s, (String) e.getKey());
                s.append(": ");
                value(s, e.getValue());
            }
            s.append('}');
        } else if (v instanceof String text) {
            string(s, text);
        } else if (v instanceof Double d) {
            s.append(pythonRepr(d));
        } else if (v instanceof Long || v instanceof Integer) {
            s.append(v);
        } else {
            throw new IllegalArgumentException("cannot write " + (v == null ? "null" : v.getClass()));
        }
    }

    /** A JSON string literal as the peer writes it, quotes included. */
    static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        string(s, text);
        return s.toString();
    }

    private static void string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    /**
     * A double as Python's {@code repr} and {@code json.dumps} write it: the shortest digits that
     * read back to the same double, positional from 1e-4 up to 1e16, else exponent form such as
     * {@code 1e-05} or {@code 1.5e+16}; {@code NaN}, {@code Infinity}, {@code -Infinity}.
     *
     * @param d the value
     * @return the text
     */
    public static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Rounding the exact value to p digits reads back as d for every p from the shortest
        // length up (a closer (p + 1)-digit value always exists), and 17 digits always do, so the
        // length can be bisected.
        BigDecimal exact = new BigDecimal(d);
        int low = 1;
        int high = 17;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (exact.round(PRECISION[mid]).doubleValue() == d) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        BigDecimal shortest = exact.round(PRECISION[low]).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        return Repr.format(d < 0 ? "-" : "", digits, exponent);
    }
}
