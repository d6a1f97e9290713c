package io.github.solarwire.solaredge.codec;

import java.util.Objects;

/**
 * The SolarEdge frame checksum: CRC-16 with polynomial 0x8005 processed reflected (0xA001), initial
 * value 0x5A5A, no final XOR ({@code CRC("123456789") = 0x5B3A}).
 *
 * <p>A frame's CRC covers its sequence, source, destination and function code <em>big-endian</em>
 * (byte-reversed relative to the wire) and then the payload; not the magic or the two length
 * fields. {@link #ofFrame(byte[], int, int)} computes that straight from wire bytes.
 *
 * <p>Table-driven (four 256-entry tables, four bytes per step), allocation-free and thread-safe.
 */
public final class SeCrc {

    /** The initial value. */
    public static final int INIT = 0x5A5A;

    private static final char[] T0 = new char[256];
    private static final char[] T1 = new char[256];
    private static final char[] T2 = new char[256];
    private static final char[] T3 = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            T0[i] = (char) crc;
        }
        // Tk[i]: the CRC contribution of byte i followed by k zero bytes.
        char[][] tables = {T0, T1, T2, T3};
        for (int k = 1; k < 4; k++) {
            for (int i = 0; i < 256; i++) {
                int previous = tables[k - 1][i];
                tables[k][i] = (char) ((previous >>> 8) ^ T0[previous & 0xFF]);
            }
        }
    }

    private SeCrc() {}

    /**
     * Continues a CRC over a byte range.
     *
     * @param crc the CRC so far ({@link #INIT} to start)
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @return the updated CRC, 0 to 0xFFFF
     * @throws IndexOutOfBoundsException when the range is not inside {@code data}
     */
    public static int update(int crc, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int c = crc & 0xFFFF;
        int i = offset;
        int end = offset + length;
        for (int stop = end - 3; i < stop; i += 4) {
            c ^= (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8;
            c = T3[c & 0xFF] ^ T2[c >>> 8] ^ T1[data[i + 2] & 0xFF] ^ T0[data[i + 3] & 0xFF];
        }
        for (; i < end; i++) {
            c = (c >>> 8) ^ T0[(c ^ data[i]) & 0xFF];
        }
        return c;
    }

    /**
     * The CRC of a byte range, starting from {@link #INIT}.
     *
     * @param data the bytes
     * @param offset where the range starts
     * @param length how many bytes
     * @return the CRC, 0 to 0xFFFF
     * @throws IndexOutOfBoundsException when the range is not inside {@code data}
     */
    public static int of(byte[] data, int offset, int length) {
        return update(INIT, data, offset, length);
    }

    /**
     * The CRC of a whole array, starting from {@link #INIT}.
     *
     * @param data the bytes
     * @return the CRC, 0 to 0xFFFF
     */
    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    /**
     * The CRC a frame on the wire must carry: over its header fields big-endian, then its payload.
     *
     * @param frame the buffer holding the frame
     * @param offset where the frame's magic starts
     * @param payloadLength the frame's payload length N; the payload starts at {@code offset + 20}
     * @return the CRC, 0 to 0xFFFF
     * @throws IndexOutOfBoundsException when the header and payload are not inside {@code frame}
     */
    public static int ofFrame(byte[] frame, int offset, int payloadLength) {
        Objects.checkFromIndexSize(offset, SeFrame.HEADER_LENGTH + payloadLength, frame.length);
        int c = INIT;
        // Each wire field is little-endian; the CRC wants it big-endian, so walk it backwards.
        c = step(c, frame[offset + 9]);
        c = step(c, frame[offset + 8]);
        for (int i = offset + 13; i >= offset + 10; i--) {
            c = step(c, frame[i]);
        }
        for (int i = offset + 17; i >= offset + 14; i--) {
            c = step(c, frame[i]);
        }
        c = step(c, frame[offset + 19]);
        c = step(c, frame[offset + 18]);
        return update(c, frame, offset + SeFrame.HEADER_LENGTH, payloadLength);
    }

    private static int step(int crc, byte b) {
        return (crc >>> 8) ^ T0[(crc ^ b) & 0xFF];
    }
}
