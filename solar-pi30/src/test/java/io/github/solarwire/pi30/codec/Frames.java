package io.github.solarwire.pi30.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds reply frames for tests: {@code (}, payload, CRC (bumped as a device sends it), CR. */
final class Frames {

    private Frames() {}

    static byte[] reply(String payload) {
        byte[] body = ("(" + payload).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = Arrays.copyOf(body, body.length + 3);
        int crc = Pi30Crc.wire(body, 0, body.length, Pi30Crc.Bump.DELIMITERS_AND_ZERO);
        frame[body.length] = (byte) (crc >>> 8);
        frame[body.length + 1] = (byte) crc;
        frame[body.length + 2] = '\r';
        return frame;
    }

    static Pi30Frame frame(String payload) throws Exception {
        return Pi30Frame.parse(reply(payload));
    }
}
