package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * 0x0090 {@code RESP_PARAMS_SINGLE}: a device's answer to a {@link ParamGetRequest}. Payload: u32
 * value, u16 type (6 bytes). Immutable.
 *
 * @param value the value, 0 to 0xFFFFFFFF
 * @param type the parameter's type as the device reports it, 0 to 0xFFFF
 */
public record ParamResponse(long value, int type) implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 6;

    /**
     * A response.
     *
     * @param value the value, 0 to 0xFFFFFFFF
     * @param type the parameter's type, 0 to 0xFFFF
     *
     * @throws IllegalArgumentException when a field is out of range
     */
    public ParamResponse {
        PayloadLayout.checkU32("value", value);
        PayloadLayout.checkU16("type", type);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the response
     * @throws ProtocolException when the length is wrong
     */
    public static ParamResponse decode(byte[] payload) throws ProtocolException {
        var b = PayloadLayout.read(payload, LENGTH, FunctionCode.PARAMS_SINGLE);
        return new ParamResponse(Integer.toUnsignedLong(b.getInt()), Short.toUnsignedInt(b.getShort()));
    }

    @Override
    public FunctionCode function() {
        return FunctionCode.PARAMS_SINGLE;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH)
                .putInt((int) value)
                .putShort((short) type)
                .array();
    }
}
