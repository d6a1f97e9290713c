package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * 0x00b0 {@code RESP_MISC_GET_VER}: a device's firmware version, the answer to 0x0033 {@code
 * MISC_GET_VER}. Payload: u16, u16 (4 bytes), which semonitor prints as {@code %04d.%04d}.
 * Immutable.
 *
 * @param major the first number, 0 to 0xFFFF
 * @param minor the second number, 0 to 0xFFFF
 */
public record VersionResponse(int major, int minor) implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 4;

    /**
     * A response.
     *
     * @param major the first number, 0 to 0xFFFF
     * @param minor the second number, 0 to 0xFFFF
     * @throws IllegalArgumentException when a number does not fit 16 bits
     */
    public VersionResponse {
        PayloadLayout.checkU16("major", major);
        PayloadLayout.checkU16("minor", minor);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the response
     * @throws ProtocolException when the length is wrong
     */
    public static VersionResponse decode(byte[] payload) throws ProtocolException {
        var b = PayloadLayout.read(payload, LENGTH, FunctionCode.MISC_VERSION);
        return new VersionResponse(Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort()));
    }

    /**
     * The version as semonitor prints it, e.g. {@code 0003.2537}.
     *
     * @return the text
     */
    public String text() {
        return String.format("%04d.%04d", major, minor);
    }

    @Override
    public FunctionCode function() {
        return FunctionCode.MISC_VERSION;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH)
                .putShort((short) major)
                .putShort((short) minor)
                .array();
    }
}
