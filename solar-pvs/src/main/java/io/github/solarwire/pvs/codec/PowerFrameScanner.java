package io.github.solarwire.pvs.codec;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The fast path of {@link TelemetryFrame#parse(byte[])}: one pass over the bytes of a plain,
 * well-formed {@code power} notification, with no JSON tree, no parser object and no string per
 * field.
 *
 * <p>It accepts only a strict subset of what the general path accepts, and gives the same result
 * for it: a root object with exactly the members {@code "notification":"power"} and {@code
 * "params"} (either order), whose {@code params} object holds at most {@value #MAX_FIELDS}
 * distinct printable-ASCII names without escapes, each with a JSON number, {@code true}, {@code
 * false}, {@code null} or a printable-ASCII string without escapes. Whitespace is the four JSON
 * whitespace bytes. Anything else, and every input the general path would reject (a value that is
 * not a number, a time or midstate out of range, …), makes it return null so that the caller runs
 * the general path, which then gives its own result or exception.
 *
 * <p>Stateless; every call allocates its own buffers.
 */
final class PowerFrameScanner {

    /** More {@code params} fields than this go the general way; a real frame has 7 to 12. */
    static final int MAX_FIELDS = 16;

    /** Longer names and number tokens go the general way (Jackson allows 1024 and 64). */
    private static final int MAX_NAME = 64;

    private static final int MAX_NUMBER = 40;

    /**
     * Ints per field in the span table: name start and end, value start and end (a string's
     * content, or the token), each pair as two 16-bit halves (a frame has at most 64 KiB); then
     * the value's kind and which of the twelve fields the name is.
     */
    static final int SPAN = 3;

    static final int STRING = 0;
    static final int NUMBER = 1;
    static final int LITERAL = 2;
    static final int NULL = 3;

    /** The twelve fields the record has, by index into the values array. */
    private static final int TIME = 0;

    private static final int PV_P = 1;
    private static final int PV_EN = 2;
    private static final int NET_P = 3;
    private static final int NET_EN = 4;
    private static final int SITE_LOAD_P = 5;
    private static final int SITE_LOAD_EN = 6;
    private static final int ESS_P = 7;
    private static final int ESS_EN = 8;
    private static final int SOC = 9;
    private static final int BACKUP = 10;
    private static final int MIDSTATE = 11;

    private static final byte[][] NAMES = {
        ascii("time"),
        ascii("pv_p"),
        ascii("pv_en"),
        ascii("net_p"),
        ascii("net_en"),
        ascii("site_load_p"),
        ascii("site_load_en"),
        ascii("ess_p"),
        ascii("ess_en"),
        ascii("soc"),
        ascii("backupTimeRemaining"),
        ascii("midstate")
    };

    private static final byte[] NOTIFICATION = ascii("notification");
    private static final byte[] PARAMS = ascii("params");
    private static final byte[] POWER = ascii("power");

    /** A value that is absent (missing, null, empty or "nan"). Valid values are finite. */
    private static final double ABSENT = Double.NaN;

    /** A value the general path rejects. */
    private static final double FAIL = Double.POSITIVE_INFINITY;

    private PowerFrameScanner() {}

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Decodes a plain power notification.
     *
     * @param in the frame
     * @return the notification, or null when the frame is not in the subset this path handles (the
     *     caller then runs the general path)
     */
    static PowerNotification parse(byte[] in) {
        if (in == null || in.length == 0 || in.length > TelemetryFrame.MAX_BYTES) {
            return null;
        }
        int n = in.length;
        int i = skipWs(in, 0);
        if (i >= n || in[i] != '{') {
            return null;
        }
        boolean power = false;
        int paramsStart = -1;
        int paramsEnd = -1;
        int[] spans = new int[MAX_FIELDS * SPAN + 1];
        i++;
        while (true) {
            i = skipWs(in, i);
            if (i >= n || in[i] != '"') {
                return null;
            }
            i++;
            if (matches(in, i, NOTIFICATION)) {
                if (power) {
                    return null;
                }
                i = colon(in, i + NOTIFICATION.length + 1);
                if (i < 0 || in[i] != '"' || !matches(in, i + 1, POWER)) {
                    return null;
                }
                power = true;
                i += POWER.length + 2;
            } else if (matches(in, i, PARAMS)) {
                if (paramsStart >= 0) {
                    return null;
                }
                i = colon(in, i + PARAMS.length + 1);
                if (i < 0 || in[i] != '{') {
                    return null;
                }
                paramsStart = i;
                i = params(in, i + 1, spans);
                if (i < 0) {
                    return null;
                }
                paramsEnd = i;
            } else {
                return null;
            }
            i = skipWs(in, i);
            if (i >= n) {
                return null;
            }
            if (in[i] == '}') {
                break;
            }
            if (in[i] != ',') {
                return null;
            }
            i++;
        }
        if (skipWs(in, i + 1) != n || !power || paramsStart < 0) {
            return null;
        }
        return build(in, paramsStart, paramsEnd, spans, spans[MAX_FIELDS * SPAN]);
    }

    /** Whether {@code name} followed by a closing quote starts at {@code at}. */
    private static boolean matches(byte[] in, int at, byte[] name) {
        int end = at + name.length;
        return end < in.length && in[end] == '"' && Arrays.equals(in, at, end, name, 0, name.length);
    }

    /** Skips whitespace, a colon and whitespace; the index of the value, or -1. */
    private static int colon(byte[] in, int i) {
        i = skipWs(in, i);
        if (i >= in.length || in[i] != ':') {
            return -1;
        }
        i = skipWs(in, i + 1);
        return i < in.length ? i : -1;
    }

    private static int skipWs(byte[] in, int i) {
        while (i < in.length) {
            byte b = in[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Scans the members of the params object from just after its {@code '{'}, filling the span
     * table and putting the number of members in its last slot.
     *
     * @return the index just past the closing {@code '}'}, or -1 to fall back
     */
    private static int params(byte[] in, int i, int[] spans) {
        int n = in.length;
        i = skipWs(in, i);
        if (i < n && in[i] == '}') {
            spans[MAX_FIELDS * SPAN] = 0;
            return i + 1;
        }
        int count = 0;
        int known = 0; // a bit per field of the twelve seen so far
        while (true) {
            if (i >= n || in[i] != '"' || count == MAX_FIELDS) {
                return -1;
            }
            int nameStart = i + 1;
            int nameEnd = stringEnd(in, nameStart);
            if (nameEnd < 0 || nameEnd - nameStart > MAX_NAME) {
                return -1;
            }
            // a duplicate goes the general way, which reports it
            int field = field(in, nameStart, nameEnd);
            if (field >= 0) {
                if ((known & (1 << field)) != 0) {
                    return -1;
                }
                known |= 1 << field;
            } else {
                for (int k = 0; k < count; k++) {
                    int s = nameStart(spans, k);
                    int e = nameEnd(spans, k);
                    if (field(spans, k) < 0
                            && e - s == nameEnd - nameStart
                            && Arrays.equals(in, s, e, in, nameStart, nameEnd)) {
                        return -1;
                    }
                }
            }
            i = colon(in, nameEnd + 1);
            if (i < 0) {
                return -1;
            }
            int valueStart;
            int valueEnd;
            int kind;
            byte b = in[i];
            if (b == '"') {
                valueStart = i + 1;
                valueEnd = stringEnd(in, valueStart);
                if (valueEnd < 0) {
                    return -1;
                }
                kind = STRING;
                i = valueEnd + 1;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                valueStart = i;
                valueEnd = numberEnd(in, i);
                if (valueEnd < 0) {
                    return -1;
                }
                kind = NUMBER;
                i = valueEnd;
            } else if (b == 'n' && literal(in, i, "null")) {
                valueStart = i;
                valueEnd = i + 4;
                kind = NULL;
                i = valueEnd;
            } else if (b == 't' && literal(in, i, "true")) {
                valueStart = i;
                valueEnd = i + 4;
                kind = LITERAL;
                i = valueEnd;
            } else if (b == 'f' && literal(in, i, "false")) {
                valueStart = i;
                valueEnd = i + 5;
                kind = LITERAL;
                i = valueEnd;
            } else {
                return -1;
            }
            int at = count * SPAN;
            spans[at] = nameStart << 16 | nameEnd;
            spans[at + 1] = valueStart << 16 | valueEnd;
            spans[at + 2] = kind << 8 | (field + 1);
            count++;
            // what follows a value: whitespace, then a comma or the closing brace
            if (i < n && !isDelimiter(in[i])) {
                return -1;
            }
            i = skipWs(in, i);
            if (i >= n) {
                return -1;
            }
            if (in[i] == '}') {
                spans[MAX_FIELDS * SPAN] = count;
                return i + 1;
            }
            if (in[i] != ',') {
                return -1;
            }
            i = skipWs(in, i + 1);
        }
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean literal(byte[] in, int at, String word) {
        if (at + word.length() > in.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (in[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the closing quote of a string of printable ASCII without escapes, or -1. */
    private static int stringEnd(byte[] in, int i) {
        for (; i < in.length; i++) {
            byte b = in[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The end of a JSON number token ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}) of at
     * most {@value #MAX_NUMBER} bytes, or -1.
     */
    private static int numberEnd(byte[] in, int i) {
        int n = in.length;
        int start = i;
        if (in[i] == '-') {
            i++;
        }
        if (i >= n || !digit(in[i])) {
            return -1;
        }
        if (in[i] == '0') {
            i++;
        } else {
            while (i < n && digit(in[i])) {
                i++;
            }
        }
        if (i < n && in[i] == '.') {
            i++;
            if (i >= n || !digit(in[i])) {
                return -1;
            }
            while (i < n && digit(in[i])) {
                i++;
            }
        }
        if (i < n && (in[i] == 'e' || in[i] == 'E')) {
            i++;
            if (i < n && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            if (i >= n || !digit(in[i])) {
                return -1;
            }
            while (i < n && digit(in[i])) {
                i++;
            }
        }
        return i - start > MAX_NUMBER ? -1 : i;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Which of the twelve fields a name is, or -1. */
    private static int field(byte[] in, int start, int end) {
        int len = end - start;
        for (int f = 0; f < NAMES.length; f++) {
            byte[] name = NAMES[f];
            if (name.length == len && Arrays.equals(in, start, end, name, 0, len)) {
                return f;
            }
        }
        return -1;
    }

    private static PowerNotification build(byte[] in, int paramsStart, int paramsEnd, int[] spans, int count) {
        double[] v = new double[NAMES.length];
        Arrays.fill(v, ABSENT);
        char[] scratch = null;
        for (int k = 0; k < count; k++) {
            int f = field(spans, k);
            if (f < 0) {
                continue;
            }
            int start = valueStart(spans, k);
            int end = valueEnd(spans, k);
            double d = kind(spans, k) == NUMBER ? exact(in, start, end) : ABSENT;
            if (d != d) { // not exact, or not a number token
                if (scratch == null) {
                    scratch = new char[MAX_NUMBER];
                }
                d = number(in, start, end, kind(spans, k), scratch);
            }
            if (d == FAIL) {
                return null;
            }
            v[f] = d;
        }
        Instant time = null;
        if (present(v[TIME])) {
            double t = v[TIME];
            if (t < 0 || t >= PowerNotification.MAX_MILLIS) {
                return null;
            }
            time = PowerNotification.instant(t);
        }
        Long midstate = null;
        if (present(v[MIDSTATE])) {
            double m = v[MIDSTATE];
            if (m != Math.rint(m) || Math.abs(m) > 1e9) {
                return null;
            }
            midstate = (long) m;
        }
        for (int f = PV_P; f <= ESS_EN; f++) { // the eight kW and kWh fields
            if (present(v[f]) && Math.abs(v[f]) > 1e300) {
                return null;
            }
        }
        // keep only the params object, so the caller may reuse its buffer
        byte[] text = Arrays.copyOfRange(in, paramsStart, paramsEnd);
        return new PowerNotification(
                time,
                kilo(v[PV_P]),
                kilo(v[PV_EN]),
                kilo(v[NET_P]),
                kilo(v[NET_EN]),
                kilo(v[SITE_LOAD_P]),
                kilo(v[SITE_LOAD_EN]),
                kilo(v[ESS_P]),
                kilo(v[ESS_EN]),
                present(v[SOC]) ? v[SOC] * 100.0 : null,
                present(v[BACKUP]) ? v[BACKUP] : null,
                midstate,
                new RawFields(text, paramsStart, spans, count));
    }

    static int nameStart(int[] spans, int k) {
        return spans[k * SPAN] >>> 16;
    }

    static int nameEnd(int[] spans, int k) {
        return spans[k * SPAN] & 0xffff;
    }

    static int valueStart(int[] spans, int k) {
        return spans[k * SPAN + 1] >>> 16;
    }

    static int valueEnd(int[] spans, int k) {
        return spans[k * SPAN + 1] & 0xffff;
    }

    static int kind(int[] spans, int k) {
        return spans[k * SPAN + 2] >>> 8;
    }

    /** Which of the twelve fields, or -1. */
    static int field(int[] spans, int k) {
        return (spans[k * SPAN + 2] & 0xff) - 1;
    }

    private static boolean present(double v) {
        return v == v; // not ABSENT (NaN)
    }

    private static Double kilo(double v) {
        return present(v) ? v * 1000.0 : null;
    }

    /**
     * A field's value as {@link Values#number} gives it: {@link #ABSENT} for null, empty or "nan",
     * {@link #FAIL} where it would throw.
     */
    private static double number(byte[] in, int start, int end, int kind, char[] scratch) {
        switch (kind) {
            case NULL:
                return ABSENT;
            case LITERAL:
                return FAIL; // true and false are not numbers
            case NUMBER: {
                // a JSON number token is a decimal for Values.isDecimal unless its exponent is long
                int len = end - start;
                int e = start;
                while (e < end && in[e] != 'e' && in[e] != 'E') {
                    e++;
                }
                if (e < end) {
                    int expDigits = end - e - 1;
                    if (in[e + 1] == '+' || in[e + 1] == '-') {
                        expDigits--;
                    }
                    if (expDigits > 4) {
                        return FAIL;
                    }
                }
                for (int k = 0; k < len; k++) {
                    scratch[k] = (char) in[start + k];
                }
                return finite(NumberInput.parseDouble(scratch, 0, len, true));
            }
            default: {
                String t = new String(in, start, end - start, StandardCharsets.ISO_8859_1).strip();
                if (t.isEmpty() || t.equalsIgnoreCase("nan") || t.equals("null")) {
                    return ABSENT;
                }
                return Values.isDecimal(t) ? finite(NumberInput.parseDouble(t, true)) : FAIL;
            }
        }
    }

    /** Exact powers of ten: every one up to 10^22 is a double. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * A JSON number token's value when one floating-point operation gives it correctly rounded
     * (Clinger's fast path: a significand of at most 2<sup>53</sup> and a power of ten up to
     * 10<sup>22</sup>), so equal to what the full parser gives; NaN otherwise. Most PVS values
     * (times, energies, values with up to 16 digits) take this path.
     */
    private static double exact(byte[] in, int start, int end) {
        int i = start;
        boolean negative = in[i] == '-';
        if (negative) {
            i++;
        }
        long significand = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            byte b = in[i];
            if (b == '.') {
                fraction = true;
            } else if (b >= '0' && b <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                significand = significand * 10 + (b - '0');
                if (fraction) {
                    scale--;
                }
            } else {
                break; // the exponent
            }
        }
        if (i < end) {
            i++; // 'e' or 'E'
            boolean negativeExponent = in[i] == '-';
            if (in[i] == '-' || in[i] == '+') {
                i++;
            }
            if (end - i > 3) {
                return Double.NaN;
            }
            int exponent = 0;
            for (; i < end; i++) {
                exponent = exponent * 10 + (in[i] - '0');
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (significand > (1L << 53) || scale < -22 || scale > 22) {
            return Double.NaN;
        }
        double value = scale < 0 ? significand / POWERS_OF_TEN[-scale] : significand * POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }

    private static double finite(double d) {
        return Double.isFinite(d) ? d : FAIL;
    }
}
