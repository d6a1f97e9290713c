package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * 0x0011 {@code PARAMS_SET_SINGLE}: the master writes one parameter of a device. Payload: u16
 * parameter id, u32 value (6 bytes). Immutable.
 *
 * @param parameter the parameter id, 0 to 0xFFFF
 * @param value the value, 0 to 0xFFFFFFFF
 */
public record ParamSetRequest(int parameter, long value) implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 6;

    /**
     * A request.
     *
     * @param parameter the parameter id, 0 to 0xFFFF
     * @param value the value, 0 to 0xFFFFFFFF
     *
     * @throws IllegalArgumentException when a field is out of range
     */
    public ParamSetRequest {
        PayloadLayout.checkU16("parameter", parameter);
        PayloadLayout.checkU32("value", value);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the request
     * @throws ProtocolException when the length is wrong
     */
    public static ParamSetRequest decode(byte[] payload) throws ProtocolException {
        var b = PayloadLayout.read(payload, LENGTH, FunctionCode.PARAMS_SET_SINGLE);
        return new ParamSetRequest(Short.toUnsignedInt(b.getShort()), Integer.toUnsignedLong(b.getInt()));
    }

    @Override
    public FunctionCode function() {
        return FunctionCode.PARAMS_SET_SINGLE;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH)
                .putShort((short) parameter)
                .putInt((int) value)
                .array();
    }
}
