package io.github.solarwire.solaredge.telemetry;

/**
 * A record of a device type this package does not decode, kept rather than dropped: its timestamp
 * and the rest of its bytes.
 *
 * @param deviceType the device type code, e.g. {@code 0x0017}
 * @param deviceId the device id as the peer prints it
 * @param length the record's length in bytes, after the 8-byte header
 * @param timestamp UNIX seconds, from the first 4 bytes
 * @param data the bytes after the timestamp as lower-case hex without separators
 */
public record UnknownRecord(int deviceType, String deviceId, int length, long timestamp, String data)
        implements TelemetryRecord {

    /** The number of bytes decoded: the timestamp. */
    public static final int LENGTH = 4;

    static UnknownRecord decode(int type, String id, PayloadReader r) {
        return new UnknownRecord(type, id, r.length(), r.u32(0), r.hex(4, r.length() - 4));
    }
}
