package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;
import java.time.Instant;

/**
 * 0x038d {@code RESP_POLESTAR_GET_ENERGY_STATISTICS_STATUS}: a device's energy counters, the answer
 * to 0x0322. Payload: f32 day, f32 month, f32 year, f32 total, u32 UNIX time (20 bytes). The
 * counters are kept as the device sends them: the peer documents no unit. Immutable.
 *
 * @param day the day's energy
 * @param month the month's energy
 * @param year the year's energy
 * @param total the lifetime energy
 * @param time the UNIX time in seconds, 0 to 0xFFFFFFFF
 */
public record EnergyStatisticsResponse(float day, float month, float year, float total, long time)
        implements SePayload {

    /** The payload length. */
    public static final int LENGTH = 20;

    /**
     * A response.
     *
     * @param day the day's energy
     * @param month the month's energy
     * @param year the year's energy
     * @param total the lifetime energy
     * @param time the UNIX time in seconds, 0 to 0xFFFFFFFF
     * @throws IllegalArgumentException when the time does not fit 32 bits unsigned
     */
    public EnergyStatisticsResponse {
        PayloadLayout.checkU32("time", time);
    }

    /**
     * Decodes the payload.
     *
     * @param payload exactly {@link #LENGTH} bytes
     * @return the response
     * @throws ProtocolException when the length is wrong
     */
    public static EnergyStatisticsResponse decode(byte[] payload) throws ProtocolException {
        var b = PayloadLayout.read(payload, LENGTH, FunctionCode.ENERGY_STATISTICS);
        return new EnergyStatisticsResponse(
                b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat(), Integer.toUnsignedLong(b.getInt()));
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
        return FunctionCode.ENERGY_STATISTICS;
    }

    @Override
    public byte[] encode() {
        return PayloadLayout.write(LENGTH)
                .putFloat(day)
                .putFloat(month)
                .putFloat(year)
                .putFloat(total)
                .putInt((int) time)
                .array();
    }
}
