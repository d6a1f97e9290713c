package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QPGSn} reply: the status of parallel unit {@code n} (from 0). It works on a single
 * unit too, with {@link #unitValid()} false. 27 fields; PI30MAX adds PV2 voltage and current.
 *
 * @param unitValid field 0: the parallel unit exists
 * @param serialNumber the unit's serial number
 * @param workModeLetter the work mode letter as sent (a {@code QMOD} letter)
 * @param workMode the work mode
 * @param faultCode the fault code, 0 for none (see {@link Pi30Faults})
 * @param gridVoltage grid voltage, V
 * @param gridFrequency grid frequency, Hz
 * @param acOutputVoltage AC output voltage, V
 * @param acOutputFrequency AC output frequency, Hz
 * @param acOutputApparentPower AC output apparent power, VA
 * @param acOutputActivePower AC output active power, W
 * @param loadPercent load, %
 * @param batteryVoltage battery voltage, V
 * @param batteryChargingCurrent battery charging current, A
 * @param batteryCapacity battery capacity, %
 * @param pv1InputVoltage PV1 input voltage, V
 * @param totalChargingCurrent charging current of all units, A
 * @param totalAcOutputApparentPower AC output apparent power of all units, VA
 * @param totalOutputActivePower output active power of all units, W
 * @param totalAcOutputPercent AC output of all units, %
 * @param status field 19, the status bits
 * @param outputMode output mode
 * @param chargerSourcePriority charger source priority
 * @param maxChargerCurrent max charger current, A
 * @param maxChargerRange max charger range, A
 * @param maxAcChargerCurrent max AC charger current, A
 * @param pv1InputCurrent PV1 input current for the battery, A
 * @param batteryDischargeCurrent battery discharge current, A
 * @param pv2InputVoltage field 27, PV2 input voltage, V; null when absent
 * @param pv2InputCurrent field 28, PV2 input current, A; null when absent
 * @param extraFields fields after the last known one, as sent
 */
public record QpgsResponse(
        boolean unitValid,
        String serialNumber,
        char workModeLetter,
        DeviceMode workMode,
        int faultCode,
        double gridVoltage,
        double gridFrequency,
        double acOutputVoltage,
        double acOutputFrequency,
        int acOutputApparentPower,
        int acOutputActivePower,
        int loadPercent,
        double batteryVoltage,
        int batteryChargingCurrent,
        int batteryCapacity,
        double pv1InputVoltage,
        int totalChargingCurrent,
        int totalAcOutputApparentPower,
        int totalOutputActivePower,
        int totalAcOutputPercent,
        Status status,
        OutputMode outputMode,
        ChargerSourcePriority chargerSourcePriority,
        int maxChargerCurrent,
        int maxChargerRange,
        int maxAcChargerCurrent,
        int pv1InputCurrent,
        int batteryDischargeCurrent,
        Double pv2InputVoltage,
        Integer pv2InputCurrent,
        List<String> extraFields) {

    /** The fewest fields a {@code QPGSn} reply has. */
    public static final int MIN_FIELDS = 27;

    /**
     * Copies the extra fields.
     *
     * @param unitValid see the record description
     * @param serialNumber see the record description
     * @param workModeLetter see the record description
     * @param workMode see the record description
     * @param faultCode see the record description
     * @param gridVoltage see the record description
     * @param gridFrequency see the record description
     * @param acOutputVoltage see the record description
     * @param acOutputFrequency see the record description
     * @param acOutputApparentPower see the record description
     * @param acOutputActivePower see the record description
     * @param loadPercent see the record description
     * @param batteryVoltage see the record description
     * @param batteryChargingCurrent see the record description
     * @param batteryCapacity see the record description
     * @param pv1InputVoltage see the record description
     * @param totalChargingCurrent see the record description
     * @param totalAcOutputApparentPower see the record description
     * @param totalOutputActivePower see the record description
     * @param totalAcOutputPercent see the record description
     * @param status see the record description
     * @param outputMode see the record description
     * @param chargerSourcePriority see the record description
     * @param maxChargerCurrent see the record description
     * @param maxChargerRange see the record description
     * @param maxAcChargerCurrent see the record description
     * @param pv1InputCurrent see the record description
     * @param batteryDischargeCurrent see the record description
     * @param pv2InputVoltage see the record description
     * @param pv2InputCurrent see the record description
     * @param extraFields see the record description
     */
    public QpgsResponse {
        extraFields = List.copyOf(extraFields);
    }

    /**
     * Field 19, eight status bits, the leftmost character first. Bits b4 and b3 are one two-bit
     * battery state, not two flags.
     *
     * @param sccOk b7: the solar charge controller is OK
     * @param acCharging b6: charging from AC
     * @param sccCharging b5: the solar charge controller is charging
     * @param batteryState b4b3: normal, under voltage or open
     * @param lineLoss b2: the line (grid) is lost
     * @param loadOn b1: the load is on
     * @param configurationChanged b0: the configuration changed
     */
    public record Status(
            boolean sccOk,
            boolean acCharging,
            boolean sccCharging,
            BatteryState batteryState,
            boolean lineLoss,
            boolean loadOn,
            boolean configurationChanged) {

        static Status of(int bits) {
            return new Status(
                    (bits & 0x80) != 0,
                    (bits & 0x40) != 0,
                    (bits & 0x20) != 0,
                    BatteryState.fromCode((bits >> 3) & 3),
                    (bits & 0x04) != 0,
                    (bits & 0x02) != 0,
                    (bits & 0x01) != 0);
        }
    }

    static QpgsResponse decode(String command, Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of(command, frame).require(MIN_FIELDS);
        int valid = f.integer("parallel unit exists");
        if (valid > 1 || valid < 0) {
            throw f.invalid("parallel unit exists", "0 or 1");
        }
        String serial = f.text();
        char letter = f.character("work mode");
        int fault = f.integer("fault code");
        double gridV = f.decimal("grid voltage");
        double gridHz = f.decimal("grid frequency");
        double outV = f.decimal("AC output voltage");
        double outHz = f.decimal("AC output frequency");
        int va = f.integer("AC output apparent power");
        int w = f.integer("AC output active power");
        int load = f.integer("load percent");
        double batteryV = f.decimal("battery voltage");
        int chargeA = f.integer("battery charging current");
        int capacity = f.integer("battery capacity");
        double pv1V = f.decimal("PV1 input voltage");
        int totalA = f.integer("total charging current");
        int totalVa = f.integer("total AC output apparent power");
        int totalW = f.integer("total output active power");
        int totalPercent = f.integer("total AC output percent");
        Status status = Status.of(f.bits(8, "status"));
        OutputMode mode = OutputMode.fromCode(f.integer("output mode"));
        ChargerSourcePriority charger = ChargerSourcePriority.fromCode(f.integer("charger source priority"));
        int maxCharger = f.integer("max charger current");
        int maxRange = f.integer("max charger range");
        int maxAc = f.integer("max AC charger current");
        int pv1A = f.integer("PV1 input current");
        int dischargeA = f.integer("battery discharge current");
        Double pv2V = f.hasNext() ? f.decimal("PV2 input voltage") : null;
        Integer pv2A = f.hasNext() ? f.integer("PV2 input current") : null;
        return new QpgsResponse(
                valid == 1,
                serial,
                letter,
                DeviceMode.fromLetter(letter),
                fault,
                gridV,
                gridHz,
                outV,
                outHz,
                va,
                w,
                load,
                batteryV,
                chargeA,
                capacity,
                pv1V,
                totalA,
                totalVa,
                totalW,
                totalPercent,
                status,
                mode,
                charger,
                maxCharger,
                maxRange,
                maxAc,
                pv1A,
                dischargeA,
                pv2V,
                pv2A,
                f.rest());
    }
}
