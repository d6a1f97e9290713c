package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * 0x0012 {@code PARAMS_GET_SINGLE}: the master asks a device for one parameter; the device answers
 * with a {@link ParamResponse}. Payload: u16 parameter id (2 bytes). Immutable.
 *
 * @param parameter the parameter id, 0 to 0xFFFF (e.g. 0x0239 to 0x023C hold the inverter key)
 */
public record ParamGetRequest(int parameter) implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 2;

    /**
     * A request.
     *
     * @param parameter the parameter id, 0 to 0xFFFF
     *
     * @throws IllegalArgumentException when the id does not fit 16 bits
     */
    public ParamGetRequest {
        PayloadLayout.checkU16("parameter", parameter);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the request
     * @throws ProtocolException when the length is wrong
     */
    public static ParamGetRequest decode(byte[] payload) throws ProtocolException {
        return new ParamGetRequest(
                Short.toUnsignedInt(PayloadLayout.read(payload, LENGTH, FunctionCode.PARAMS_GET_SINGLE)
                        .getShort()));
    }

    @Override
    public FunctionCode function() {
        return FunctionCode.PARAMS_GET_SINGLE;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH).putShort((short) parameter).array();
    }
}
