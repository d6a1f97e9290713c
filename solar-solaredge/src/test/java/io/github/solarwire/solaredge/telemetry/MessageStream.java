package io.github.solarwire.solaredge.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: the payloads of the valid 0x0500 frames in a byte stream, found by the magic and
 * checked by length complement and CRC as in spec §2.1-2.3. Empty payloads are skipped, as the
 * peer writes no line for them.
 */
final class MessageStream {

    private static final int HEADER = 20;

    private MessageStream() {}

    static List<byte[]> telemetryPayloads(byte[] s) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i + HEADER + 2 <= s.length; i++) {
            if ((s[i] & 0xFF) != 0x12
                    || (s[i + 1] & 0xFF) != 0x34
                    || (s[i + 2] & 0xFF) != 0x56
                    || (s[i + 3] & 0xFF) != 0x79) {
                continue;
            }
            int len = u16(s, i + 4);
            if ((~len & 0xFFFF) != u16(s, i + 6) || i + HEADER + len + 2 > s.length) {
                continue;
            }
            int crc = 0x5A5A;
            // sequence, source, destination and function are covered big-endian
            int[][] fields = {{8, 2}, {10, 4}, {14, 4}, {18, 2}};
            for (int[] f : fields) {
                for (int k = f[1] - 1; k >= 0; k--) {
                    crc = crc(crc, s[i + f[0] + k]);
                }
            }
            for (int k = 0; k < len; k++) {
                crc = crc(crc, s[i + HEADER + k]);
            }
            if (crc != u16(s, i + HEADER + len) || u16(s, i + 18) != 0x0500) {
                continue;
            }
            if (len > 0) {
                byte[] payload = new byte[len];
                System.arraycopy(s, i + HEADER, payload, 0, len);
                out.add(payload);
            }
            i += HEADER + len + 1;
        }
        return out;
    }

    private static int crc(int crc, byte b) {
        crc ^= b & 0xFF;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
        }
        return crc;
    }

    private static int u16(byte[] s, int i) {
        return (s[i] & 0xFF) | (s[i + 1] & 0xFF) << 8;
    }
}
