package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0082: an S-series (S440) optimizer. Only bytes 0..9 are decoded, laid out as in
 * {@link PackedOptimizerRecord}; real records are 15 or 21 bytes long, and the rest is kept
 * undecoded (in the 21-byte records of jbuehl/solaredge issue #178, bytes 17..20 look like the
 * owning inverter's id with bit 23 set; the peer does not decode them and neither does this).
 *
 * @param deviceId the optimizer id as the peer prints it
 * @param timestamp UNIX seconds
 * @param uptime seconds since start, 16 bits (s)
 * @param moduleVoltage {@code Vmod} (V)
 * @param outputVoltage {@code Vopt} (V)
 * @param moduleCurrent {@code Imod} (A)
 * @param undeciphered the bytes after byte 9 as lower-case hex, empty when none
 */
public record S440OptimizerRecord(
        String deviceId,
        long timestamp,
        int uptime,
        double moduleVoltage,
        double outputVoltage,
        double moduleCurrent,
        String undeciphered)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0082;

    /** The number of bytes decoded. */
    public static final int LENGTH = 10;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static S440OptimizerRecord decode(String id, PayloadReader r) {
        long word = r.u32(6);
        return new S440OptimizerRecord(
                id,
                r.u32(0),
                r.u16(4),
                PackedOptimizerRecord.moduleVoltage(word),
                PackedOptimizerRecord.outputVoltage(word),
                PackedOptimizerRecord.moduleCurrent(word),
                r.hex(LENGTH, r.length() - LENGTH));
    }
}
