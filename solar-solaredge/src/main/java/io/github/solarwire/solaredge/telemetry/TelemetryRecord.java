package io.github.solarwire.solaredge.telemetry;

import java.time.Instant;

/**
 * One device record of a 0x0500 performance-data payload.
 *
 * <p>Every record type starts with a UNIX timestamp (UTC seconds). Device ids are printed as the
 * peer (semonitor) prints them: upper-case hex of the 32-bit id with bit 23 cleared, no padding.
 */
public sealed interface TelemetryRecord
        permits SinglePhaseInverterRecord,
                ThreePhaseInverterRecord,
                LegacyOptimizerRecord,
                PackedOptimizerRecord,
                S440OptimizerRecord,
                BatteryRecord,
                MeterRecord,
                EventRecord,
                UnknownRecord {

    /**
     * The record's device type code, e.g. {@code 0x0010}.
     *
     * @return the 16-bit device type
     */
    int deviceType();

    /**
     * The device id as the peer prints it, e.g. {@code 7F104920}.
     *
     * @return the id
     */
    String deviceId();

    /**
     * The record's UNIX timestamp, seconds since 1970 UTC (an unsigned 32-bit value).
     *
     * @return the timestamp in seconds
     */
    long timestamp();

    /**
     * The record's timestamp as an instant.
     *
     * @return the instant
     */
    default Instant time() {
        return Instant.ofEpochSecond(timestamp());
    }

    /**
     * Formats a 32-bit device address as the peer does: bit 23 cleared, upper-case hex.
     *
     * @param id the address as an unsigned 32-bit value
     * @return e.g. {@code 7F104920}
     */
    static String formatId(long id) {
        return Long.toHexString(id & 0xFF7F_FFFFL).toUpperCase(java.util.Locale.ROOT);
    }
}
