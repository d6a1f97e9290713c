package io.github.solarwire.core.sink;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Encodes a reading as one line of JSON into a reusable byte buffer.
 *
 * <p>Hand-written because this is the hot path of the busiest sink: the constant parts of a line
 * (a metric's {@code "key":}, a device's id and kind, the timestamp up to the second) are encoded
 * once and cached, and values with up to three decimals, which is what devices report, are
 * written without {@link Double#toString(double)}. Every number written parses back to exactly
 * the same double. Not thread-safe.
 */
final class JsonLineWriter {

    private static final int MAX_CACHED = 4096;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long[] POW10 = {1, 10, 100, 1000};
    /** Below this, {@code |v| × 1000} stays under 2^53, so the scaled digits are exact. */
    private static final double LARGEST_FAST = 1e12;

    private static final byte[] OPEN = ascii("{\"time\":\"");
    private static final byte[] STATES = ascii("},\"states\":{");
    private static final byte[] CLOSE = ascii("}}\n");
    private static final byte[] DEVICE = ascii("\",\"device\":");
    private static final byte[] KIND = ascii(",\"kind\":");
    private static final byte[] VALUES = ascii(",\"values\":{");

    private final Map<Metric, byte[]> keys = new IdentityHashMap<>();
    private final Map<DeviceInfo, byte[]> devices = new IdentityHashMap<>();
    private long cachedDay = Long.MIN_VALUE;
    private byte[] cachedDayText;
    private byte[] buf = new byte[1024];
    private int len;

    /** Encodes the reading, replacing what the buffer held. */
    void encode(Reading reading) {
        len = 0;
        append(OPEN);
        appendTime(reading.timestamp());
        append(deviceBytes(reading.device()));
        for (int i = 0, n = reading.size(); i < n; i++) {
            if (i > 0) {
                append((byte) ',');
            }
            append(keyBytes(reading.metric(i)));
            appendNumber(reading.value(i));
        }
        append(STATES);
        boolean first = true;
        for (Map.Entry<String, String> state : reading.states().entrySet()) {
            if (!first) {
                append((byte) ',');
            }
            first = false;
            appendString(state.getKey());
            append((byte) ':');
            appendString(state.getValue());
        }
        append(CLOSE);
    }

    /** Writes the encoded line in one call. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** The encoded line, for tests. */
    String text() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private byte[] deviceBytes(DeviceInfo device) {
        byte[] bytes = devices.get(device);
        if (bytes == null) {
            int mark = len;
            append(DEVICE);
            appendString(device.id());
            append(KIND);
            appendString(device.kind());
            append(VALUES);
            bytes = Arrays.copyOfRange(buf, mark, len);
            len = mark;
            if (devices.size() >= MAX_CACHED) {
                devices.clear();
            }
            devices.put(device, bytes);
        }
        return bytes;
    }

    private byte[] keyBytes(Metric metric) {
        byte[] bytes = keys.get(metric);
        if (bytes == null) {
            int mark = len;
            appendString(metric.key());
            append((byte) ':');
            bytes = Arrays.copyOfRange(buf, mark, len);
            len = mark;
            if (keys.size() >= MAX_CACHED) {
                keys.clear();
            }
            keys.put(metric, bytes);
        }
        return bytes;
    }

    /** As {@link Instant#toString()}: the date cached per day, the time of day computed. */
    private void appendTime(Instant t) {
        long second = t.getEpochSecond();
        long day = Math.floorDiv(second, 86_400);
        if (day != cachedDay) {
            if (day < -719_528 || day > 2_932_896) { // outside 0000-01-01 .. 9999-12-31
                String text = t.toString();
                append(ascii(text));
                return;
            }
            cachedDayText = (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
            cachedDay = day;
        }
        append(cachedDayText);
        int secondOfDay = (int) (second - day * 86_400);
        appendDigits(secondOfDay / 3600, 2);
        append((byte) ':');
        appendDigits(secondOfDay / 60 % 60, 2);
        append((byte) ':');
        appendDigits(secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            append((byte) '.');
            if (nano % 1_000_000 == 0) {
                appendDigits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                appendDigits(nano / 1000, 6);
            } else {
                appendDigits(nano, 9);
            }
        }
        append((byte) 'Z');
    }

    /**
     * A finite double: values with at most three decimals as fixed-point digits, anything else
     * through {@link Double#toString(double)}. Either way the text parses back to {@code v}.
     */
    void appendNumber(double v) {
        double a = Math.abs(v);
        if (a < LARGEST_FAST) {
            for (int k = 0; k < POW10.length; k++) {
                double scaled = a * POW10[k];
                long digits = Math.round(scaled);
                // Both operands are exact, and IEEE division rounds correctly, so equality means
                // the decimal digits/10^k reads back as exactly a.
                if ((double) digits / POW10[k] == a) {
                    if (Double.doubleToRawLongBits(v) < 0) {
                        append((byte) '-');
                    }
                    long whole = digits / POW10[k];
                    appendLong(whole);
                    append((byte) '.');
                    if (k == 0) {
                        append((byte) '0');
                    } else {
                        appendDigits(digits - whole * POW10[k], k);
                    }
                    return;
                }
            }
        }
        append(ascii(Double.toString(v)));
    }

    /** A JSON string: quotes, backslashes, control characters and lone surrogates escaped. */
    private void appendString(String s) {
        ensure(s.length() * 6 + 2);
        buf[len++] = '"';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    buf[len++] = '\\';
                }
                buf[len++] = (byte) c;
            } else if (c < 0x20) {
                switch (c) {
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    case '\b' -> escape('b');
                    case '\f' -> escape('f');
                    default -> unicodeEscape(c);
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                buf[len++] = (byte) (0xe0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        buf[len++] = '"';
    }

    private void escape(char c) {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xf];
        buf[len++] = HEX[(c >> 8) & 0xf];
        buf[len++] = HEX[(c >> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
    }

    private void appendLong(long value) {
        ensure(20);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte b = buf[i];
            buf[i] = buf[j];
            buf[j] = b;
        }
    }

    private void appendDigits(long value, int width) {
        ensure(width);
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    private void append(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
