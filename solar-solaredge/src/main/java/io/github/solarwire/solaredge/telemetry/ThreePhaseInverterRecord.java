package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0011: a three-phase inverter (128 bytes decoded; longer records are accepted).
 *
 * <p>f32 values are as decoded, unscaled, with no NaN substitution; the u32 fields the peer calls
 * obfuscated or unknown are kept raw (0xFF7FFFFF = 4286578687 means not reported).
 *
 * @param deviceId the inverter id as the peer prints it
 * @param timestamp UNIX seconds
 * @param uptime seconds since start (s)
 * @param interval length of the reporting interval (s)
 * @param temperature inverter temperature (°C)
 * @param energyToday {@code Eday} (Wh)
 * @param energyInterval {@code Eac} (Wh in this interval)
 * @param acVoltage1 {@code Vac1} (V)
 * @param acVoltage2 {@code Vac2} (V)
 * @param acVoltage3 {@code Vac3} (V)
 * @param acCurrent1 {@code Iac1} (A)
 * @param acCurrent2 {@code Iac2} (A)
 * @param acCurrent3 {@code Iac3} (A)
 * @param frequency1 {@code Freq1} (Hz)
 * @param frequency2 {@code Freq2} (Hz)
 * @param frequency3 {@code Freq3} (Hz)
 * @param edayDc {@code EdayDC}, raw u32
 * @param edc {@code Edc}, raw u32
 * @param dcVoltage {@code Vdc} (V)
 * @param idc {@code Idc}, raw u32
 * @param energyTotal {@code Etot} (Wh lifetime)
 * @param irdc {@code Irdc} (the peer's spelling; unit not known)
 * @param data21 raw u32
 * @param data22 raw u32
 * @param data23 raw u32
 * @param cosPhi1 {@code CosPhi1} (power factor)
 * @param cosPhi2 {@code CosPhi2} (power factor)
 * @param cosPhi3 {@code CosPhi3} (power factor)
 * @param mode operating mode: 1 off, 2 sleeping, 3 starting, 4 MPPT, 6 shutting down, 8 standby
 * @param groundFaultResistance {@code GndFrR} (Ω per other decoders)
 * @param data29 {@code data29} (possibly a power limit in %)
 * @param outputDcCurrent {@code IoutDC} (A)
 * @param data31 raw u32
 */
public record ThreePhaseInverterRecord(
        String deviceId,
        long timestamp,
        long uptime,
        long interval,
        double temperature,
        double energyToday,
        double energyInterval,
        double acVoltage1,
        double acVoltage2,
        double acVoltage3,
        double acCurrent1,
        double acCurrent2,
        double acCurrent3,
        double frequency1,
        double frequency2,
        double frequency3,
        long edayDc,
        long edc,
        double dcVoltage,
        long idc,
        double energyTotal,
        double irdc,
        long data21,
        long data22,
        long data23,
        double cosPhi1,
        double cosPhi2,
        double cosPhi3,
        long mode,
        double groundFaultResistance,
        double data29,
        double outputDcCurrent,
        long data31)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0011;

    /** The number of bytes decoded. */
    public static final int LENGTH = 128;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static ThreePhaseInverterRecord decode(String id, PayloadReader r) {
        return new ThreePhaseInverterRecord(
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
                r.f32(36),
                r.f32(40),
                r.f32(44),
                r.f32(48),
                r.f32(52),
                r.f32(56),
                r.u32(60),
                r.u32(64),
                r.f32(68),
                r.u32(72),
                r.f32(76),
                r.f32(80),
                r.u32(84),
                r.u32(88),
                r.u32(92),
                r.f32(96),
                r.f32(100),
                r.f32(104),
                r.u32(108),
                r.f32(112),
                r.f32(116),
                r.f32(120),
                r.u32(124));
    }
}
