package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0000: an optimizer in the old fixed-table format (36 bytes decoded).
 *
 * @param deviceId the optimizer id as the peer prints it
 * @param timestamp UNIX seconds
 * @param inverterId the owning inverter's id as the peer prints it (bit 23 cleared)
 * @param uptime seconds since start (s)
 * @param moduleVoltage panel voltage, {@code Vmod} (V)
 * @param outputVoltage optimizer output voltage, {@code Vopt} (V)
 * @param moduleCurrent panel current, {@code Imod} (A)
 * @param energyToday {@code Eday} (Wh)
 * @param temperature optimizer temperature (°C)
 */
public record LegacyOptimizerRecord(
        String deviceId,
        long timestamp,
        String inverterId,
        long uptime,
        double moduleVoltage,
        double outputVoltage,
        double moduleCurrent,
        double energyToday,
        double temperature)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0000;

    /** The number of bytes decoded. */
    public static final int LENGTH = 36;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static LegacyOptimizerRecord decode(String id, PayloadReader r) {
        return new LegacyOptimizerRecord(
                id,
                r.u32(0),
                TelemetryRecord.formatId(r.u32(4)),
                r.u32(12),
                r.f32(16),
                r.f32(20),
                r.f32(24),
                r.f32(28),
                r.f32(32));
    }
}
