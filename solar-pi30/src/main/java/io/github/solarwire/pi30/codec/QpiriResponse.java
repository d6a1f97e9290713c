package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QPIRI} reply: ratings and current settings. 25 fields in the 2015 document; later
 * firmwares and PI30MAX add fields 25 to 27, which are null when absent.
 *
 * @param acInputRatingVoltage grid rating voltage, V
 * @param acInputRatingCurrent grid rating current, A
 * @param acOutputRatingVoltage AC output rating voltage, V
 * @param acOutputRatingFrequency AC output rating frequency, Hz
 * @param acOutputRatingCurrent AC output rating current, A
 * @param acOutputRatingApparentPower AC output rating apparent power, VA
 * @param acOutputRatingActivePower AC output rating active power, W
 * @param batteryRatingVoltage battery rating (nominal) voltage, V
 * @param batteryRechargeVoltage battery re-charge voltage (back to utility), V
 * @param batteryUnderVoltage battery under (cut-off) voltage, V
 * @param batteryBulkVoltage battery bulk (CV) charge voltage, V
 * @param batteryFloatVoltage battery float charge voltage, V
 * @param batteryType battery type
 * @param maxAcChargingCurrent current max AC charging current, A
 * @param maxChargingCurrent current max charging current, A
 * @param inputVoltageRange AC input voltage range
 * @param outputSourcePriority output source priority
 * @param chargerSourcePriority charger source priority
 * @param maxParallelUnits how many units may run in parallel; null when the inverter sends
 *     {@code -} (mpp-solar reports 0)
 * @param machineType machine type
 * @param topology topology
 * @param outputMode output mode
 * @param batteryRedischargeVoltage battery re-discharge voltage, V; 0 means "when the battery is full"
 * @param pvOkCondition PV OK condition for parallel systems
 * @param pvPowerBalance PV power balance
 * @param maxChargingTimeAtCv field 25, max charging time at the CV stage, minutes; null when absent
 * @param operationLogic field 26, operation logic; null when absent
 * @param maxDischargingCurrent field 27, max discharging current, A; null when absent
 * @param extraFields fields after the last known one, as sent
 */
public record QpiriResponse(
        double acInputRatingVoltage,
        double acInputRatingCurrent,
        double acOutputRatingVoltage,
        double acOutputRatingFrequency,
        double acOutputRatingCurrent,
        int acOutputRatingApparentPower,
        int acOutputRatingActivePower,
        double batteryRatingVoltage,
        double batteryRechargeVoltage,
        double batteryUnderVoltage,
        double batteryBulkVoltage,
        double batteryFloatVoltage,
        BatteryType batteryType,
        int maxAcChargingCurrent,
        int maxChargingCurrent,
        InputVoltageRange inputVoltageRange,
        OutputSourcePriority outputSourcePriority,
        ChargerSourcePriority chargerSourcePriority,
        Integer maxParallelUnits,
        MachineType machineType,
        Topology topology,
        OutputMode outputMode,
        double batteryRedischargeVoltage,
        PvOkCondition pvOkCondition,
        PvPowerBalance pvPowerBalance,
        Integer maxChargingTimeAtCv,
        OperationLogic operationLogic,
        Integer maxDischargingCurrent,
        List<String> extraFields) {

    /** The fewest fields a {@code QPIRI} reply has. */
    public static final int MIN_FIELDS = 25;

    /**
     * Copies the extra fields.
     *
     * @param acInputRatingVoltage see the record description
     * @param acInputRatingCurrent see the record description
     * @param acOutputRatingVoltage see the record description
     * @param acOutputRatingFrequency see the record description
     * @param acOutputRatingCurrent see the record description
     * @param acOutputRatingApparentPower see the record description
     * @param acOutputRatingActivePower see the record description
     * @param batteryRatingVoltage see the record description
     * @param batteryRechargeVoltage see the record description
     * @param batteryUnderVoltage see the record description
     * @param batteryBulkVoltage see the record description
     * @param batteryFloatVoltage see the record description
     * @param batteryType see the record description
     * @param maxAcChargingCurrent see the record description
     * @param maxChargingCurrent see the record description
     * @param inputVoltageRange see the record description
     * @param outputSourcePriority see the record description
     * @param chargerSourcePriority see the record description
     * @param maxParallelUnits see the record description
     * @param machineType see the record description
     * @param topology see the record description
     * @param outputMode see the record description
     * @param batteryRedischargeVoltage see the record description
     * @param pvOkCondition see the record description
     * @param pvPowerBalance see the record description
     * @param maxChargingTimeAtCv see the record description
     * @param operationLogic see the record description
     * @param maxDischargingCurrent see the record description
     * @param extraFields see the record description
     */
    public QpiriResponse {
        extraFields = List.copyOf(extraFields);
    }

    /**
     * The battery bank the voltages belong to, for validating voltage settings.
     *
     * @return the bank
     * @throws IllegalArgumentException when the rating voltage is not 12, 24 or 48 V
     */
    public BatteryBank batteryBank() {
        return BatteryBank.fromRating(batteryRatingVoltage);
    }

    static QpiriResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QPIRI", frame).require(MIN_FIELDS);
        double inV = f.decimal("grid rating voltage");
        double inA = f.decimal("grid rating current");
        double outV = f.decimal("AC output rating voltage");
        double outHz = f.decimal("AC output rating frequency");
        double outA = f.decimal("AC output rating current");
        int outVa = f.integer("AC output rating apparent power");
        int outW = f.integer("AC output rating active power");
        double batteryV = f.decimal("battery rating voltage");
        double recharge = f.decimal("battery re-charge voltage");
        double under = f.decimal("battery under voltage");
        double bulk = f.decimal("battery bulk voltage");
        double floatV = f.decimal("battery float voltage");
        BatteryType battery = BatteryType.fromCode(f.integer("battery type"));
        int maxAc = f.integer("max AC charging current");
        int max = f.integer("max charging current");
        InputVoltageRange range = InputVoltageRange.fromCode(f.integer("input voltage range"));
        OutputSourcePriority output = OutputSourcePriority.fromCode(f.integer("output source priority"));
        ChargerSourcePriority charger = ChargerSourcePriority.fromCode(f.integer("charger source priority"));
        Integer parallel = f.integerOrNone("max parallel units");
        MachineType machine = MachineType.fromCode(f.integer("machine type"));
        Topology topology = Topology.fromCode(f.integer("topology"));
        OutputMode mode = OutputMode.fromCode(f.integer("output mode"));
        double redischarge = f.decimal("battery re-discharge voltage");
        PvOkCondition pvOk = PvOkCondition.fromCode(f.integer("PV OK condition"));
        PvPowerBalance balance = PvPowerBalance.fromCode(f.integer("PV power balance"));
        Integer cvTime = f.hasNext() ? f.integer("max charging time at CV") : null;
        OperationLogic logic = f.hasNext() ? OperationLogic.fromCode(f.integer("operation logic")) : null;
        Integer maxDischarge = f.hasNext() ? f.integer("max discharging current") : null;
        return new QpiriResponse(
                inV,
                inA,
                outV,
                outHz,
                outA,
                outVa,
                outW,
                batteryV,
                recharge,
                under,
                bulk,
                floatV,
                battery,
                maxAc,
                max,
                range,
                output,
                charger,
                parallel,
                machine,
                topology,
                mode,
                redischarge,
                pvOk,
                balance,
                cvTime,
                logic,
                maxDischarge,
                f.rest());
    }
}
