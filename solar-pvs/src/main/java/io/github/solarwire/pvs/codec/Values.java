package io.github.solarwire.pvs.codec;

import com.fasterxml.jackson.core.io.NumberInput;
import io.github.solarwire.core.ProtocolException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Lenient value conversions shared by every PVS format: numbers as strings, "nan", "" and null. */
final class Values {

    private static final Pattern DL_TIME =
            Pattern.compile("(\\d{4}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2}),(\\d{1,2})");

    private Values() {}

    /**
     * The raw text of a scalar: a string's content or a number exactly as received.
     *
     * @return the text, or null for JSON null
     * @throws ProtocolException for an object or array
     */
    static String raw(Object value, String where) throws ProtocolException {
        if (value instanceof Json.Scalar s) {
            return s.kind() == Json.Kind.NULL ? null : s.text();
        }
        throw new ProtocolException("value of " + where + " is not a scalar", -1, "a string or number", kindOf(value));
    }

    /**
     * A number from a JSON number or a numeric string.
     *
     * @return the value, or null when absent, null, empty or "nan"
     * @throws ProtocolException when the value is something else
     */
    static Double number(String text, String where) throws ProtocolException {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("nan") || t.equals("null")) {
            return null;
        }
        if (!isDecimal(t)) {
            throw new ProtocolException("value of " + where + " is not a number", -1, "a decimal number or nan", text);
        }
        // Jackson's fast parser: the same correctly rounded result as Double.parseDouble, several times faster.
        double d = NumberInput.parseDouble(t, true);
        if (!Double.isFinite(d)) {
            throw new ProtocolException("value of " + where + " is out of range", -1, "a finite number", text);
        }
        return d;
    }

    /**
     * Whether the text is a plain decimal number: optional sign, digits with an optional fraction
     * (or a fraction alone), optional exponent; at most 64 characters. Rejects what {@link
     * Double#parseDouble} would also take but no PVS sends: {@code Infinity}, hex, {@code d}/{@code
     * f} suffixes.
     */
    static boolean isDecimal(String t) {
        int n = t.length();
        if (n == 0 || n > 64) {
            return false;
        }
        int i = 0;
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0 || exp > 4) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A DeviceList time {@code YYYY,MM,DD,hh,mm,ss}, taken as UTC; null when absent. */
    static Instant dlTime(String text, String where) throws ProtocolException {
        if (text == null || text.isBlank()) {
            return null;
        }
        var m = DL_TIME.matcher(text.strip());
        if (m.matches()) {
            try {
                return LocalDateTime.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)),
                                Integer.parseInt(m.group(6)))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // falls through to the error below
            }
        }
        throw new ProtocolException("bad time in " + where, -1, "YYYY,MM,DD,hh,mm,ss", text);
    }

    /** An ISO-8601 instant such as {@code 2025-06-28T04:10:00Z}; null when absent. */
    static Instant isoTime(String text, String where) throws ProtocolException {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeException e) {
            throw new ProtocolException(
                    "bad time in " + where, -1, "an ISO-8601 instant like 2025-06-28T04:10:00Z", text);
        }
    }

    /** The value as a JSON object, or a ProtocolException. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String where) throws ProtocolException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ProtocolException(where + " is not a JSON object", -1, "an object", kindOf(value));
    }

    /** The value as a JSON array, or a ProtocolException. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, String where) throws ProtocolException {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ProtocolException(where + " is not a JSON array", -1, "an array", kindOf(value));
    }

    static String kindOf(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        Json.Scalar s = (Json.Scalar) value;
        return s.kind().name().toLowerCase(Locale.ROOT) + " " + s.text();
    }
}
