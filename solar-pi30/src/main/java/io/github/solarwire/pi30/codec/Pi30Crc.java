package io.github.solarwire.pi30.codec;

import java.util.Objects;

/**
 * The Voltronic CRC: CRC-16/XMODEM (polynomial 0x1021, initial value 0, MSB first, no final XOR)
 * followed by a byte "bump" that keeps the frame delimiters out of the two CRC bytes.
 *
 * <p>Each CRC byte equal to {@code 0x28 '('}, {@code 0x0d CR} or {@code 0x0a LF} is sent as that
 * value plus one. mpp-solar (since December 2023) also bumps {@code 0x00}; which rule the
 * firmware uses for {@code 0x00} is not confirmed by any capture, so requests follow mpp-solar by
 * default ({@link Bump#DELIMITERS_AND_ZERO}) and {@link #accepts(int, int)} takes the raw CRC or
 * either bumped form on receive.
 *
 * <p>Table-driven (four 256-entry tables, four bytes per step), allocation-free and thread-safe.
 */
public final class Pi30Crc {

    /** Which CRC byte values are bumped by one before sending. */
    public enum Bump {
        /** The classic Voltronic rule: {@code 0x28}, {@code 0x0d} and {@code 0x0a}. */
        DELIMITERS,
        /** The classic rule plus {@code 0x00}, as mpp-solar sends since commit 1e63a24. */
        DELIMITERS_AND_ZERO
    }

    private static final char[] T0 = new char[256];
    private static final char[] T1 = new char[256];
    private static final char[] T2 = new char[256];
    private static final char[] T3 = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            T0[i] = (char) crc;
        }
        // Tk[i]: the CRC contribution of byte i followed by k zero bytes.
        char[][] tables = {T0, T1, T2, T3};
        for (int k = 1; k < 4; k++) {
            for (int i = 0; i < 256; i++) {
                int previous = tables[k - 1][i];
                tables[k][i] = (char) (((previous << 8) & 0xFFFF) ^ T0[previous >>> 8]);
            }
        }
    }

    private Pi30Crc() {}

    /**
     * The plain CRC-16/XMODEM of a byte range ({@code CRC("123456789") = 0x31C3}).
     *
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @return the CRC, 0 to 0xFFFF
     * @throws IndexOutOfBoundsException when the range is not inside {@code data}
     */
    public static int xmodem(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int crc = 0;
        int i = offset;
        int end = offset + length;
        for (int stop = end - 3; i < stop; i += 4) {
            int hi = ((crc >>> 8) ^ data[i]) & 0xFF;
            int lo = (crc ^ data[i + 1]) & 0xFF;
            crc = T3[hi] ^ T2[lo] ^ T1[data[i + 2] & 0xFF] ^ T0[data[i + 3] & 0xFF];
        }
        for (; i < end; i++) {
            crc = ((crc << 8) & 0xFFFF) ^ T0[((crc >>> 8) ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /**
     * The plain CRC-16/XMODEM of a whole array.
     *
     * @param data the bytes
     * @return the CRC, 0 to 0xFFFF
     */
    public static int xmodem(byte[] data) {
        return xmodem(data, 0, data.length);
    }

    /**
     * Applies the Voltronic byte bump to a raw CRC.
     *
     * @param crc the raw CRC, 0 to 0xFFFF
     * @param bump which byte values to bump
     * @return the CRC as sent on the wire
     */
    public static int bump(int crc, Bump bump) {
        boolean zero = bump == Bump.DELIMITERS_AND_ZERO;
        return bumpByte((crc >>> 8) & 0xFF, zero) << 8 | bumpByte(crc & 0xFF, zero);
    }

    /**
     * The CRC as sent on the wire: {@link #xmodem(byte[], int, int)} then {@link #bump(int, Bump)}.
     *
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @param bump which byte values to bump
     * @return the CRC to send, high byte first
     */
    public static int wire(byte[] data, int offset, int length, Bump bump) {
        return bump(xmodem(data, offset, length), bump);
    }

    /**
     * Whether two received CRC bytes are acceptable for data whose plain CRC is {@code raw}: the raw
     * value, or the value bumped by either rule.
     *
     * @param received the two received bytes, high byte first
     * @param raw the plain CRC-16/XMODEM of the covered bytes
     * @return true when the CRC matches
     */
    public static boolean accepts(int received, int raw) {
        return received == raw
                || received == bump(raw, Bump.DELIMITERS)
                || received == bump(raw, Bump.DELIMITERS_AND_ZERO);
    }

    /**
     * The PI30REVO one-byte checksum: the sum of the bytes plus one, modulo 256 ({@code PQSE} gives
     * {@code 0x3A}).
     *
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @return the checksum, 0 to 0xFF
     */
    public static int sumPlusOne(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int sum = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            sum += data[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    private static int bumpByte(int b, boolean zero) {
        return b == 0x28 || b == 0x0D || b == 0x0A || (zero && b == 0) ? b + 1 : b;
    }
}
