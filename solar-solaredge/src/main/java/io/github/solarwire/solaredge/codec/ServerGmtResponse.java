package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;
import java.time.Instant;

/**
 * 0x0580 {@code RESP_SERVER_GMT}: the server's answer to 0x0501 {@code SERVER_GET_GMT}. Payload:
 * u32 UNIX time, s32 zone offset in seconds (8 bytes). Immutable.
 *
 * <p>semonitor computes the offset from the hours alone, which is wrong when local time and UTC
 * fall on different dates (spec §10 item 6); build the offset from a real zone rule instead.
 *
 * @param time the UNIX time in seconds, 0 to 0xFFFFFFFF
 * @param zoneOffsetSeconds the local zone's offset from UTC in seconds
 */
public record ServerGmtResponse(long time, int zoneOffsetSeconds) implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 8;

    /**
     * A response.
     *
     * @param time the UNIX time in seconds, 0 to 0xFFFFFFFF
     * @param zoneOffsetSeconds the zone offset from UTC in seconds
     *
     * @throws IllegalArgumentException when the time does not fit 32 bits unsigned
     */
    public ServerGmtResponse {
        PayloadLayout.checkU32("time", time);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the response
     * @throws ProtocolException when the length is wrong
     */
    public static ServerGmtResponse decode(byte[] payload) throws ProtocolException {
        var b = PayloadLayout.read(payload, LENGTH, FunctionCode.SERVER_GMT);
        return new ServerGmtResponse(Integer.toUnsignedLong(b.getInt()), b.getInt());
    }

    /**
     * The time as an instant.
     *
     * @return the instant
     */
    public Instant instant() {
        return Instant.ofEpochSecond(time);
    }

    @Override
    public FunctionCode function() {
        return FunctionCode.SERVER_GMT;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH)
                .putInt((int) time)
                .putInt(zoneOffsetSeconds)
                .array();
    }
}
