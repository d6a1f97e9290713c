package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over the space-separated fields of a payload, parsing each in place (no splitting, no
 * regular expressions). Every getter moves to the next field. One trailing space before the CRC
 * (PI30MAX {@code QPIGS2}) is tolerated. Errors name the command, the field's index and meaning,
 * and its offset in the frame.
 */
final class Pi30Fields {

    private static final double[] POW10 = {
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18
    };

    private final String command;
    private final byte[] b;
    private final int base;
    private final int end;
    private final int count;
    private int index = -1;
    private int next;
    private int fieldStart;
    private int fieldEnd;

    Pi30Fields(String command, byte[] b, int base, int start, int end) {
        this.command = command;
        this.b = b;
        this.base = base;
        if (end > start && b[end - 1] == ' ') {
            end--;
        }
        this.end = end;
        this.next = start;
        int n = 0;
        if (end > start) {
            n = 1;
            for (int i = start; i < end; i++) {
                if (b[i] == ' ') {
                    n++;
                }
            }
        }
        this.count = n;
    }

    static Pi30Fields of(String command, Pi30Frame frame) {
        return new Pi30Fields(command, frame.buffer(), 0, frame.payloadStart(), frame.payloadEnd());
    }

    /** The number of fields. */
    int count() {
        return count;
    }

    /** Fails unless there are at least {@code min} fields. */
    Pi30Fields require(int min) throws ProtocolException {
        if (count < min) {
            throw new ProtocolException(
                    command + " field count", next - base, "at least " + min + " fields", count + " fields");
        }
        return this;
    }

    /** Fails unless there are {@code min} to {@code max} fields. */
    Pi30Fields require(int min, int max) throws ProtocolException {
        if (count < min || count > max) {
            String expected = min == max ? min + " fields" : min + " to " + max + " fields";
            throw new ProtocolException(command + " field count", next - base, expected, count + " fields");
        }
        return this;
    }

    /** Whether another field follows the current one. */
    boolean hasNext() {
        return index + 1 < count;
    }

    /** The index of the current field. */
    int index() {
        return index;
    }

    private void advance() throws ProtocolException {
        if (index + 1 >= count) {
            throw new ProtocolException(
                    command + " field count", next - base, "more than " + count + " fields", count + " fields");
        }
        index++;
        fieldStart = next;
        int i = next;
        while (i < end && b[i] != ' ') {
            i++;
        }
        fieldEnd = i;
        next = i + 1;
    }

    /** The next field as a decimal number such as {@code 057.50} or {@code 0014}. */
    double decimal(String name) throws ProtocolException {
        advance();
        return parseDecimal(name);
    }

    private double parseDecimal(String name) throws ProtocolException {
        int i = fieldStart;
        boolean negative = false;
        if (i < fieldEnd && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < fieldEnd; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    throw notANumber(name, "at most 18 digits");
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                throw notANumber(name, "a decimal number");
            }
        }
        if (digits == 0) {
            throw notANumber(name, "a decimal number");
        }
        double value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        return negative ? -value : value;
    }

    /** The next field as an integer such as {@code 0119}. */
    int integer(String name) throws ProtocolException {
        advance();
        long value = parseLong(name, 9);
        return (int) value;
    }

    /** The next field as a long integer (up to 18 digits). */
    long longInteger(String name) throws ProtocolException {
        advance();
        return parseLong(name, 18);
    }

    /** The next field as an integer, or null when it is dashes ({@code -}, {@code ---}) as sent for "none". */
    Integer integerOrNone(String name) throws ProtocolException {
        advance();
        if (isDashes()) {
            return null;
        }
        return (int) parseLong(name, 9);
    }

    private boolean isDashes() {
        if (fieldEnd == fieldStart) {
            return false;
        }
        boolean dash = false;
        for (int i = fieldStart; i < fieldEnd; i++) {
            if (b[i] == '-') {
                dash = true;
            } else if (b[i] != '.') {
                return false;
            }
        }
        return dash;
    }

    private long parseLong(String name, int maxDigits) throws ProtocolException {
        int i = fieldStart;
        boolean negative = false;
        if (i < fieldEnd && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == fieldEnd || fieldEnd - i > maxDigits) {
            throw notANumber(name, "an integer of 1 to " + maxDigits + " digits");
        }
        long value = 0;
        for (; i < fieldEnd; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                throw notANumber(name, "an integer");
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /**
     * The next field as exactly {@code width} characters {@code 0}/{@code 1}, the first character
     * the highest bit.
     */
    int bits(int width, String name) throws ProtocolException {
        advance();
        if (fieldEnd - fieldStart != width) {
            throw invalid(name, width + " characters 0 or 1");
        }
        int value = 0;
        for (int i = fieldStart; i < fieldEnd; i++) {
            int c = b[i];
            if (c != '0' && c != '1') {
                throw invalid(name, width + " characters 0 or 1");
            }
            value = value << 1 | (c - '0');
        }
        return value;
    }

    /** The next field, which must be exactly one character. */
    char character(String name) throws ProtocolException {
        advance();
        if (fieldEnd - fieldStart != 1) {
            throw invalid(name, "one character");
        }
        return (char) b[fieldStart];
    }

    /** The next field as text. */
    String text() throws ProtocolException {
        advance();
        return new String(b, fieldStart, fieldEnd - fieldStart, StandardCharsets.ISO_8859_1);
    }

    /** The next field as text of exactly {@code width} digits. */
    String digits(int width, String name) throws ProtocolException {
        advance();
        if (fieldEnd - fieldStart != width) {
            throw invalid(name, width + " digits");
        }
        for (int i = fieldStart; i < fieldEnd; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw notANumber(name, width + " digits");
            }
        }
        return new String(b, fieldStart, width, StandardCharsets.ISO_8859_1);
    }

    /** The fields after the current one, as text; empty when there are none. */
    List<String> rest() throws ProtocolException {
        if (!hasNext()) {
            return List.of();
        }
        List<String> rest = new ArrayList<>(count - index - 1);
        while (hasNext()) {
            rest.add(text());
        }
        return List.copyOf(rest);
    }

    /** Offset of the current field in the frame. */
    int offset() {
        return fieldStart - base;
    }

    /** An error about the current field: its value is out of the allowed set. */
    ProtocolException invalid(String name, String expected) {
        return new ProtocolException(
                command + " field " + index + " (" + name + ")",
                fieldStart - base,
                expected,
                "\"" + new String(b, fieldStart, fieldEnd - fieldStart, StandardCharsets.ISO_8859_1) + "\"");
    }

    private ProtocolException notANumber(String name, String expected) {
        return new ProtocolException(
                command + " field " + index + " (" + name + ") is not a number",
                fieldStart - base,
                expected,
                "\"" + new String(b, fieldStart, fieldEnd - fieldStart, StandardCharsets.ISO_8859_1) + "\"");
    }
}
