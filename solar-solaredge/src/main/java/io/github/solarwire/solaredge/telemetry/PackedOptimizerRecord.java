package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0080: an optimizer in the bit-packed format (13 bytes decoded).
 *
 * <p>Bytes 6..9 as one little-endian word hold the module voltage (bits 0-9, 0.125 V), the output
 * voltage (bits 10-19, 0.125 V) and the module current (bits 20-31, 0.00625 A).
 *
 * @param deviceId the optimizer id as the peer prints it
 * @param timestamp UNIX seconds
 * @param uptime seconds since start, 16 bits (s)
 * @param moduleVoltage {@code Vmod} (V)
 * @param outputVoltage {@code Vopt} (V)
 * @param moduleCurrent {@code Imod} (A)
 * @param energyToday {@code Eday}, energy since the optimizer powered up, 0.25 Wh steps (Wh)
 * @param temperature {@code Temp}, 2 × the signed byte (°C; the scale is the peer's guess)
 */
public record PackedOptimizerRecord(
        String deviceId,
        long timestamp,
        int uptime,
        double moduleVoltage,
        double outputVoltage,
        double moduleCurrent,
        double energyToday,
        double temperature)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0080;

    /** The number of bytes decoded. */
    public static final int LENGTH = 13;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static PackedOptimizerRecord decode(String id, PayloadReader r) {
        long word = r.u32(6);
        return new PackedOptimizerRecord(
                id,
                r.u32(0),
                r.u16(4),
                moduleVoltage(word),
                outputVoltage(word),
                moduleCurrent(word),
                0.25 * r.u16(10),
                2.0 * r.s8(12));
    }

    static double moduleVoltage(long word) {
        return 0.125 * (word & 0x3FF);
    }

    static double outputVoltage(long word) {
        return 0.125 * (word >>> 10 & 0x3FF);
    }

    static double moduleCurrent(long word) {
        return 0.00625 * (word >>> 20 & 0xFFF);
    }
}
