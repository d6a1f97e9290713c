package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0010: a single-phase inverter (104 bytes decoded; longer records are accepted).
 *
 * <p>Values are the decoded f32 values, unscaled; NaN only where noted.
 *
 * @param deviceId the inverter id as the peer prints it
 * @param timestamp UNIX seconds
 * @param uptime seconds since start (s)
 * @param interval length of the reporting interval (s)
 * @param temperature inverter temperature (°C)
 * @param energyToday energy today, {@code Eday} (Wh)
 * @param energyInterval energy in this interval, {@code Eac} (Wh)
 * @param acVoltage {@code Vac} (V)
 * @param acCurrent {@code Iac} (A)
 * @param frequency {@code Freq} (Hz)
 * @param dcVoltage {@code Vdc} (V)
 * @param energyTotal lifetime energy, {@code Etot} (Wh)
 * @param pmax the peer's {@code Pmax} (W per the peer; other decoders read a ground-fault
 *     resistance here), NaN when the bytes are {@code ff ff 7f ff}
 * @param acPower {@code Pac} (W)
 */
public record SinglePhaseInverterRecord(
        String deviceId,
        long timestamp,
        long uptime,
        long interval,
        double temperature,
        double energyToday,
        double energyInterval,
        double acVoltage,
        double acCurrent,
        double frequency,
        double dcVoltage,
        double energyTotal,
        double pmax,
        double acPower)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0010;

    /** The number of bytes decoded. */
    public static final int LENGTH = 104;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static SinglePhaseInverterRecord decode(String id, PayloadReader r) {
        double pmax = r.f32(72);
        return new SinglePhaseInverterRecord(
                id,
                r.u32(0),
                r.u32(4),
                r.u32(8),
                r.f32(12),
                r.f32(16),
                r.f32(20),
                r.f32(24),
                r.f32(28),
                r.f32(32),
                r.f32(44),
                r.f32(52),
                pmax < -3e38 ? Double.NaN : pmax,
                r.f32(92));
    }
}
