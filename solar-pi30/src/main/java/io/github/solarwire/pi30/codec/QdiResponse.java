package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QDI} reply: the factory default settings. 25 to 29 fields. On PI30MAX field 25 is the
 * max charging time at the CV stage; on PI30 its meaning depends on the firmware (charging stage,
 * or CV time), so there it and any later field are kept as sent in {@link #extraFields()}.
 *
 * @param acOutputVoltage AC output voltage, V
 * @param acOutputFrequency AC output frequency, Hz
 * @param maxAcChargingCurrent max AC charging current, A
 * @param batteryUnderVoltage battery under (cut-off) voltage, V
 * @param batteryFloatVoltage battery float charge voltage, V
 * @param batteryBulkVoltage battery bulk (CV) charge voltage, V
 * @param batteryRechargeVoltage battery re-charge voltage, V
 * @param maxChargingCurrent max charging current, A
 * @param inputVoltageRange AC input voltage range
 * @param outputSourcePriority output source priority
 * @param chargerSourcePriority charger source priority
 * @param batteryType battery type
 * @param buzzer buzzer enabled (the inverter sends 0 for enabled)
 * @param powerSaving power saving enabled
 * @param overloadRestart restart after overload enabled
 * @param overTemperatureRestart restart after over-temperature enabled
 * @param lcdBacklight LCD backlight enabled
 * @param sourceInterruptAlarm alarm on primary source interrupt enabled
 * @param faultCodeRecord fault code recording enabled
 * @param overloadBypass overload bypass enabled
 * @param lcdReturnToDefault LCD returns to the default page enabled
 * @param outputMode output mode
 * @param batteryRedischargeVoltage battery re-discharge voltage, V
 * @param pvOkCondition PV OK condition for parallel systems
 * @param pvPowerBalance PV power balance
 * @param maxChargingTimeAtCv PI30MAX field 25, max charging time at CV, minutes; null on PI30 or
 *     when absent
 * @param extraFields fields after the last known one, as sent
 */
public record QdiResponse(
        double acOutputVoltage,
        double acOutputFrequency,
        int maxAcChargingCurrent,
        double batteryUnderVoltage,
        double batteryFloatVoltage,
        double batteryBulkVoltage,
        double batteryRechargeVoltage,
        int maxChargingCurrent,
        InputVoltageRange inputVoltageRange,
        OutputSourcePriority outputSourcePriority,
        ChargerSourcePriority chargerSourcePriority,
        BatteryType batteryType,
        boolean buzzer,
        boolean powerSaving,
        boolean overloadRestart,
        boolean overTemperatureRestart,
        boolean lcdBacklight,
        boolean sourceInterruptAlarm,
        boolean faultCodeRecord,
        boolean overloadBypass,
        boolean lcdReturnToDefault,
        OutputMode outputMode,
        double batteryRedischargeVoltage,
        PvOkCondition pvOkCondition,
        PvPowerBalance pvPowerBalance,
        Integer maxChargingTimeAtCv,
        List<String> extraFields) {

    /** The fewest fields a {@code QDI} reply has. */
    public static final int MIN_FIELDS = 25;

    /**
     * Copies the extra fields.
     *
     * @param acOutputVoltage see the record description
     * @param acOutputFrequency see the record description
     * @param maxAcChargingCurrent see the record description
     * @param batteryUnderVoltage see the record description
     * @param batteryFloatVoltage see the record description
     * @param batteryBulkVoltage see the record description
     * @param batteryRechargeVoltage see the record description
     * @param maxChargingCurrent see the record description
     * @param inputVoltageRange see the record description
     * @param outputSourcePriority see the record description
     * @param chargerSourcePriority see the record description
     * @param batteryType see the record description
     * @param buzzer see the record description
     * @param powerSaving see the record description
     * @param overloadRestart see the record description
     * @param overTemperatureRestart see the record description
     * @param lcdBacklight see the record description
     * @param sourceInterruptAlarm see the record description
     * @param faultCodeRecord see the record description
     * @param overloadBypass see the record description
     * @param lcdReturnToDefault see the record description
     * @param outputMode see the record description
     * @param batteryRedischargeVoltage see the record description
     * @param pvOkCondition see the record description
     * @param pvPowerBalance see the record description
     * @param maxChargingTimeAtCv see the record description
     * @param extraFields see the record description
     */
    public QdiResponse {
        extraFields = List.copyOf(extraFields);
    }

    static QdiResponse decode(Pi30Protocol protocol, Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QDI", frame).require(MIN_FIELDS);
        double outV = f.decimal("AC output voltage");
        double outHz = f.decimal("AC output frequency");
        int maxAc = f.integer("max AC charging current");
        double under = f.decimal("battery under voltage");
        double floatV = f.decimal("battery float voltage");
        double bulk = f.decimal("battery bulk voltage");
        double recharge = f.decimal("battery re-charge voltage");
        int max = f.integer("max charging current");
        InputVoltageRange range = InputVoltageRange.fromCode(f.integer("input voltage range"));
        OutputSourcePriority output = OutputSourcePriority.fromCode(f.integer("output source priority"));
        ChargerSourcePriority charger = ChargerSourcePriority.fromCode(f.integer("charger source priority"));
        BatteryType battery = BatteryType.fromCode(f.integer("battery type"));
        boolean buzzer = !flag(f, "buzzer");
        boolean powerSaving = flag(f, "power saving");
        boolean overloadRestart = flag(f, "overload restart");
        boolean temperatureRestart = flag(f, "over-temperature restart");
        boolean backlight = flag(f, "LCD backlight");
        boolean alarm = flag(f, "source interrupt alarm");
        boolean record = flag(f, "fault code record");
        boolean bypass = flag(f, "overload bypass");
        boolean lcdDefault = flag(f, "LCD return to default");
        OutputMode mode = OutputMode.fromCode(f.integer("output mode"));
        double redischarge = f.decimal("battery re-discharge voltage");
        PvOkCondition pvOk = PvOkCondition.fromCode(f.integer("PV OK condition"));
        PvPowerBalance balance = PvPowerBalance.fromCode(f.integer("PV power balance"));
        Integer cvTime = protocol == Pi30Protocol.PI30MAX && f.hasNext() ? f.integer("max charging time at CV") : null;
        return new QdiResponse(
                outV,
                outHz,
                maxAc,
                under,
                floatV,
                bulk,
                recharge,
                max,
                range,
                output,
                charger,
                battery,
                buzzer,
                powerSaving,
                overloadRestart,
                temperatureRestart,
                backlight,
                alarm,
                record,
                bypass,
                lcdDefault,
                mode,
                redischarge,
                pvOk,
                balance,
                cvTime,
                f.rest());
    }

    private static boolean flag(Pi30Fields f, String name) throws ProtocolException {
        int value = f.integer(name);
        if (value > 1 || value < 0) {
            throw f.invalid(name, "0 or 1");
        }
        return value == 1;
    }
}
