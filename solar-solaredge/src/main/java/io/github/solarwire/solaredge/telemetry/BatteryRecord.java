package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0030: a battery (86 bytes decoded). Longer records are decoded alike, the extra
 * bytes kept in {@code undeciphered}; the peer's bug of then failing every later, shorter battery
 * record is not copied.
 *
 * <p>f32 values whose bytes are {@code ff ff 7f ff} are NaN ("not reported").
 *
 * @param deviceId the id of the inverter the record came from, as the peer prints it
 * @param length the record's length in bytes, after the 8-byte header
 * @param timestamp UNIX seconds
 * @param batteryId the battery's serial (ASCII, trailing NULs removed)
 * @param dcVoltage {@code Vdc} (V)
 * @param dcCurrent {@code Idc} (A; negative while charging in the samples)
 * @param capacityNominal {@code BattCapacityNom} (Wh)
 * @param capacityActual {@code BattCapacityActual} (Wh)
 * @param charge {@code BattCharge}, energy stored (Wh)
 * @param totalEnergyIn {@code TotalEnergyIn}, lifetime (Wh)
 * @param zero40 {@code AlwaysZero_40_float}
 * @param totalEnergyOut {@code TotalEnergyOut}, lifetime (Wh)
 * @param zero48 {@code AlwaysZero_48_float}
 * @param hexConst52 {@code HexConst_52}, 4 bytes as lower-case hex
 * @param hexConst56 {@code HexConst_56}, 4 bytes as lower-case hex
 * @param temperature {@code Temp} (°C)
 * @param chargingStatus {@code BattChargingStatus}: 3 charging, 4 discharging, 6 holding
 * @param zero66 {@code AlwaysZero_66_float}
 * @param zero70 {@code AlwaysZero_70_float}
 * @param interval {@code Interval} (s)
 * @param energyIn {@code EIn}, in this interval (Wh)
 * @param energyOut {@code EOut}, in this interval (Wh)
 * @param undeciphered bytes beyond offset 86 as lower-case hex, empty when none
 */
public record BatteryRecord(
        String deviceId,
        int length,
        long timestamp,
        String batteryId,
        double dcVoltage,
        double dcCurrent,
        double capacityNominal,
        double capacityActual,
        double charge,
        long totalEnergyIn,
        double zero40,
        long totalEnergyOut,
        double zero48,
        String hexConst52,
        String hexConst56,
        double temperature,
        int chargingStatus,
        double zero66,
        double zero70,
        long interval,
        long energyIn,
        long energyOut,
        String undeciphered)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0030;

    /** The number of bytes decoded. */
    public static final int LENGTH = 86;

    @Override
    public int deviceType() {
        return TYPE;
    }

    static BatteryRecord decode(String id, PayloadReader r) {
        return new BatteryRecord(
                id,
                r.length(),
                r.u32(0),
                r.text(4, 12),
                r.f32OrNaN(16),
                r.f32OrNaN(20),
                r.f32OrNaN(24),
                r.f32OrNaN(28),
                r.f32OrNaN(32),
                r.u32(36),
                r.f32OrNaN(40),
                r.u32(44),
                r.f32OrNaN(48),
                r.hex(52, 4),
                r.hex(56, 4),
                r.f32OrNaN(60),
                r.u16(64),
                r.f32OrNaN(66),
                r.f32OrNaN(70),
                r.u32(74),
                r.u32(78),
                r.u32(82),
                r.hex(LENGTH, r.length() - LENGTH));
    }
}
