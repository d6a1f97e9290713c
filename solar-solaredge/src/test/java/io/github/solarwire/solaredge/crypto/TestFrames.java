package io.github.solarwire.solaredge.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A test-only reader of frames laid out as in §2.1 of the spec; the real one lives in the codec. */
final class TestFrames {

    private TestFrames() {}

    /** Splits a byte stream at each magic into complete frames, skipping anything between them. */
    static List<byte[]> split(byte[] stream) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at + 22 <= stream.length) {
            if (stream[at] == 0x12 && stream[at + 1] == 0x34 && stream[at + 2] == 0x56 && stream[at + 3] == 0x79) {
                int length = u16(stream, at + 4) + 22;
                frames.add(Arrays.copyOfRange(stream, at, at + length));
                at += length;
            } else {
                at++;
            }
        }
        return frames;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    static int sequence(byte[] frame) {
        return u16(frame, 8);
    }

    static long source(byte[] frame) {
        return u32(frame, 10);
    }

    static int function(byte[] frame) {
        return u16(frame, 18);
    }

    static byte[] payload(byte[] frame) {
        return Arrays.copyOfRange(frame, 20, 20 + u16(frame, 4));
    }

    /** Whether the frame's CRC (§2.2: init 0x5A5A, reflected 0xA001, header fields big-endian) holds. */
    static boolean crcHolds(byte[] frame) {
        int n = u16(frame, 4);
        byte[] input = new byte[12 + n];
        int[][] fields = {{8, 2}, {10, 4}, {14, 4}, {18, 2}};
        int k = 0;
        for (int[] field : fields) {
            for (int i = field[1] - 1; i >= 0; i--) {
                input[k++] = frame[field[0] + i];
            }
        }
        System.arraycopy(frame, 20, input, 12, n);
        int crc = 0x5A5A;
        for (byte b : input) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc == u16(frame, 20 + n);
    }
}
