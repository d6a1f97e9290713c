package io.github.solarwire.solaredge.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Little-endian reads from one record's bytes, offsets relative to the record (header or body). */
final class PayloadReader {

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private int base;
    private int length;

    PayloadReader(byte[] data) {
        this.data = data;
    }

    /** Moves to the record body at {@code base}; one reader serves a whole payload. */
    PayloadReader at(int base, int length) {
        this.base = base;
        this.length = length;
        return this;
    }

    int length() {
        return length;
    }

    int s8(int off) {
        return data[base + off];
    }

    int u16(int off) {
        int i = base + off;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
    }

    int s32(int off) {
        int i = base + off;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | data[i + 3] << 24;
    }

    long u32(int off) {
        return s32(off) & 0xFFFF_FFFFL;
    }

    /** An IEEE-754 single widened to double, exactly as decoded. */
    double f32(int off) {
        return Float.intBitsToFloat(s32(off));
    }

    /** An f32 with the bytes {@code ff ff 7f ff} (-3.4028235e38, "not reported") read as NaN. */
    double f32OrNaN(int off) {
        int bits = s32(off);
        return bits == 0xFF7F_FFFF ? Double.NaN : Float.intBitsToFloat(bits);
    }

    /** Lower-case hex, no separators. */
    String hex(int off, int len) {
        return HEX.formatHex(data, base + off, base + off + len);
    }

    /** ISO-8859-1 text with trailing NULs removed. */
    String text(int off, int len) {
        int end = off + len;
        while (end > off && data[base + end - 1] == 0) {
            end--;
        }
        return new String(data, base + off, end - off, StandardCharsets.ISO_8859_1);
    }
}
