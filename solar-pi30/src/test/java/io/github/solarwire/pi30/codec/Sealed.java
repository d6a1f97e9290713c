package io.github.solarwire.pi30.codec;

import java.util.Arrays;

/** Wraps arbitrary bytes as a reply payload with a valid CRC, so fuzzed bytes get past the CRC check. */
final class Sealed {

    private Sealed() {}

    static byte[] reply(byte[] payload) {
        byte[] frame = new byte[payload.length + 4];
        frame[0] = '(';
        System.arraycopy(payload, 0, frame, 1, payload.length);
        int crc = Pi30Crc.wire(frame, 0, payload.length + 1, Pi30Crc.Bump.DELIMITERS_AND_ZERO);
        frame[payload.length + 1] = (byte) (crc >>> 8);
        frame[payload.length + 2] = (byte) crc;
        frame[payload.length + 3] = '\r';
        return frame;
    }

    static byte[] rest(byte[] data, int from) {
        return from >= data.length ? new byte[0] : Arrays.copyOfRange(data, from, data.length);
    }
}
