package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Length checks and little-endian buffers shared by the {@link SePayload} records. */
final class PayloadLayout {

    private PayloadLayout() {}

    /** A little-endian reader over a payload that must be exactly {@code length} bytes. */
    static ByteBuffer read(byte[] payload, int length, FunctionCode function) throws ProtocolException {
        if (payload.length != length) {
            throw new ProtocolException(
                    function + " payload length",
                    0,
                    length + " bytes",
                    payload.length + " bytes: " + HexFormat.of().formatHex(payload));
        }
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A little-endian writer for a payload of {@code length} bytes. */
    static ByteBuffer write(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void checkU16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " " + value + " must be 0 to 0xFFFF");
        }
    }

    static void checkU32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " " + value + " must be 0 to 0xFFFFFFFF");
        }
    }
}
