package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0300: an inverter event such as wake or sleep (28 bytes decoded; longer records,
 * which the peer rejects, are accepted).
 *
 * <p>For type 0, {@code event1} and {@code event2} are start and end times (UNIX seconds) and
 * {@code event3} is raw; otherwise {@code event1} and {@code event3} are times and {@code event2}
 * is a signed raw value (a time-zone offset in seconds, e.g. -28800).
 *
 * @param deviceId the inverter id as the peer prints it
 * @param timestamp UNIX seconds
 * @param type the event type, 0 or 1 in practice
 * @param event1 the start time (UNIX seconds)
 * @param event2 signed: the end time for type 0, a raw value otherwise
 * @param event3 unsigned: raw for type 0, the end time otherwise
 */
public record EventRecord(String deviceId, long timestamp, long type, long event1, int event2, long event3)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0300;

    /** The number of bytes decoded. */
    public static final int LENGTH = 28;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static EventRecord decode(String id, PayloadReader r) {
        return new EventRecord(id, r.u32(0), r.u32(4), r.u32(8), r.s32(12), r.u32(16));
    }
}
