package io.github.solarwire.pvs.sim;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Compact JSON text, written the way the PVS writes it: no spaces, keys in a fixed order. */
final class JsonOut {

    private final StringBuilder b;
    private boolean first = true;

    JsonOut(int capacity) {
        b = new StringBuilder(capacity);
    }

    JsonOut open() {
        comma();
        b.append('{');
        first = true;
        return this;
    }

    JsonOut open(String key) {
        key(key);
        b.append('{');
        first = true;
        return this;
    }

    JsonOut openArray(String key) {
        key(key);
        b.append('[');
        first = true;
        return this;
    }

    JsonOut close() {
        b.append('}');
        first = false;
        return this;
    }

    JsonOut closeArray() {
        b.append(']');
        first = false;
        return this;
    }

    JsonOut string(String key, String value) {
        key(key);
        quote(value);
        return this;
    }

    /** A number exactly as given, e.g. {@code 61846} or {@code 6.5590014648437509}. */
    JsonOut raw(String key, String number) {
        key(key);
        b.append(number);
        return this;
    }

    JsonOut number(String key, long value) {
        return raw(key, Long.toString(value));
    }

    /** A double in full precision without an exponent, as the PVS prints its floats. */
    JsonOut number(String key, double value) {
        return raw(key, plain(value));
    }

    JsonOut bool(String key, boolean value) {
        return raw(key, Boolean.toString(value));
    }

    byte[] bytes() {
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String plain(double value) {
        return value == 0 ? "0.0" : BigDecimal.valueOf(value).toPlainString();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void key(String key) {
        comma();
        quote(key);
        b.append(':');
    }

    private void comma() {
        if (!first) {
            b.append(',');
        }
        first = false;
    }

    private void quote(String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
