package io.github.solarwire.solaredge.telemetry;

/**
 * Device type 0x0022: a meter / energy-flow record (58 bytes decoded). Longer records are decoded
 * alike, the extra bytes kept in {@code undeciphered}; the peer's bug of then failing every later,
 * shorter meter record is not copied.
 *
 * <p>The record type says what the flows are: 3 consumption, 5 grid import/export, 7 battery, 8
 * mostly zero, 9 PV production. "To X" and "from X" are relative to that. A total is reported
 * when its flag is {@code 0000}; {@code 0080} means not reported. f32 values whose bytes are
 * {@code ff ff 7f ff} are NaN.
 *
 * @param deviceId the id of the inverter the record came from, as the peer prints it
 * @param length the record's length in bytes, after the 8-byte header
 * @param timestamp UNIX seconds
 * @param recordType {@code recType}, signed byte
 * @param onlyIntervalData {@code onlyIntervalData}, signed byte (1 = only interval data)
 * @param totalToGrid {@code TotalE2Grid}, lifetime export for type 5 (Wh)
 * @param zero10 {@code AlwaysZero_off10_int2}
 * @param flag12 {@code Flag_off12_hex}, 2 bytes as lower-case hex
 * @param totalFromGrid {@code TotalEfromGrid}, lifetime import for type 5 (Wh)
 * @param zero18 {@code AlwaysZero_off18_int2}
 * @param flag20 {@code Flag_off20_hex}
 * @param total22 {@code Totaloff22_int4} (Wh)
 * @param zero26 {@code AlwaysZero_off26_int2}
 * @param flag28 {@code Flag_off28_hex}
 * @param total30 {@code Totaloff30_int4} (Wh)
 * @param zero34 {@code AlwaysZero_off34_int2}
 * @param flag36 {@code Flag_off36_hex}
 * @param interval {@code Interval} (s)
 * @param energyToX {@code E2X}, in this interval (Wh)
 * @param energyFromX {@code EfromX}, in this interval (Wh)
 * @param powerToX {@code P2X} (W)
 * @param powerFromX {@code PfromX} (W)
 * @param undeciphered bytes beyond offset 58 as lower-case hex, empty when none
 */
public record MeterRecord(
        String deviceId,
        int length,
        long timestamp,
        int recordType,
        int onlyIntervalData,
        long totalToGrid,
        int zero10,
        String flag12,
        long totalFromGrid,
        int zero18,
        String flag20,
        long total22,
        int zero26,
        String flag28,
        long total30,
        int zero34,
        String flag36,
        long interval,
        long energyToX,
        long energyFromX,
        double powerToX,
        double powerFromX,
        String undeciphered)
        implements TelemetryRecord {

    /** The device type code. */
    public static final int TYPE = 0x0022;

    /** The number of bytes decoded. */
    public static final int LENGTH = 58;

    @Override
    public int deviceType() {
        return TYPE;
    }

    /**
     * The peer's label for the record type, e.g. {@code 9_PVProduction}.
     *
     * @return the label, {@code <n>_UnrecognisedRecType} for an unknown type
     */
    public String recordTypeLabel() {
        return switch (recordType) {
            case 3 -> "3_Consumption";
            case 5 -> "5_GridImportExport";
            case 7 -> "7_Battery";
            case 8 -> "8_MostlyZeroes";
            case 9 -> "9_PVProduction";
            default -> recordType + "_UnrecognisedRecType";
        };
    }

    static MeterRecord decode(String id, PayloadReader r) {
        return new MeterRecord(
                id,
                r.length(),
                r.u32(0),
                r.s8(4),
                r.s8(5),
                r.u32(6),
                r.u16(10),
                r.hex(12, 2),
                r.u32(14),
                r.u16(18),
                r.hex(20, 2),
                r.u32(22),
                r.u16(26),
                r.hex(28, 2),
                r.u32(30),
                r.u16(34),
                r.hex(36, 2),
                r.u32(38),
                r.u32(42),
                r.u32(46),
                r.f32OrNaN(50),
                r.f32OrNaN(54),
                r.hex(LENGTH, r.length() - LENGTH));
    }
}
