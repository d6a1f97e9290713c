package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QPIGS} reply: general status, the values polled every few seconds. 21 fields on PI30,
 * 24 on PI30MAX (the last three may be absent); further fields are kept as sent.
 *
 * <p>All values are in canonical units, as transmitted (PI30 sends engineering units; only field
 * 17 is in 10 mV steps and is converted to volts here). On 1–3 kVA models the heat-sink value is
 * an NTC A/D reading rather than °C; it is passed on unchanged.
 *
 * @param acInputVoltage grid (AC input) voltage, V
 * @param acInputFrequency grid frequency, Hz
 * @param acOutputVoltage AC output voltage, V
 * @param acOutputFrequency AC output frequency, Hz
 * @param acOutputApparentPower AC output apparent power, VA
 * @param acOutputActivePower AC output active power, W
 * @param outputLoadPercent output load, the larger of the active and apparent power ratios, %
 * @param busVoltage DC bus voltage, V
 * @param batteryVoltage battery voltage, V
 * @param batteryChargingCurrent battery charging current, A
 * @param batteryCapacity battery capacity (state of charge estimate), %
 * @param heatSinkTemperature inverter heat-sink temperature, °C
 * @param pv1InputCurrent PV1 input current (for the battery), A
 * @param pv1InputVoltage PV1 input voltage, V
 * @param sccBatteryVoltage battery voltage measured by the solar charge controller, V
 * @param batteryDischargeCurrent battery discharge current, A
 * @param status field 16, the device status bits
 * @param fanOnVoltageOffset battery voltage offset for the fans to turn on, V (sent in 10 mV)
 * @param eepromVersion EEPROM version
 * @param pv1ChargingPower PV1 charging power, W
 * @param chargeStatus field 20, three more status bits
 * @param solarFeedToGrid PI30MAX field 21, solar feed to grid enabled; null when absent
 * @param country PI30MAX field 22, the country regulation; null when absent
 * @param solarFeedToGridPower PI30MAX field 23, solar feed-to-grid power, W; null when absent
 * @param extraFields fields after the last known one, as sent
 */
public record QpigsResponse(
        double acInputVoltage,
        double acInputFrequency,
        double acOutputVoltage,
        double acOutputFrequency,
        int acOutputApparentPower,
        int acOutputActivePower,
        int outputLoadPercent,
        int busVoltage,
        double batteryVoltage,
        int batteryChargingCurrent,
        int batteryCapacity,
        int heatSinkTemperature,
        double pv1InputCurrent,
        double pv1InputVoltage,
        double sccBatteryVoltage,
        int batteryDischargeCurrent,
        DeviceStatus status,
        double fanOnVoltageOffset,
        int eepromVersion,
        int pv1ChargingPower,
        ChargeStatus chargeStatus,
        Boolean solarFeedToGrid,
        CountryRegulation country,
        Integer solarFeedToGridPower,
        List<String> extraFields) {

    /** The fewest fields a {@code QPIGS} reply has. */
    public static final int MIN_FIELDS = 21;

    /**
     * Copies the extra fields.
     *
     * @param acInputVoltage see the record description
     * @param acInputFrequency see the record description
     * @param acOutputVoltage see the record description
     * @param acOutputFrequency see the record description
     * @param acOutputApparentPower see the record description
     * @param acOutputActivePower see the record description
     * @param outputLoadPercent see the record description
     * @param busVoltage see the record description
     * @param batteryVoltage see the record description
     * @param batteryChargingCurrent see the record description
     * @param batteryCapacity see the record description
     * @param heatSinkTemperature see the record description
     * @param pv1InputCurrent see the record description
     * @param pv1InputVoltage see the record description
     * @param sccBatteryVoltage see the record description
     * @param batteryDischargeCurrent see the record description
     * @param status see the record description
     * @param fanOnVoltageOffset see the record description
     * @param eepromVersion see the record description
     * @param pv1ChargingPower see the record description
     * @param chargeStatus see the record description
     * @param solarFeedToGrid see the record description
     * @param country see the record description
     * @param solarFeedToGridPower see the record description
     * @param extraFields see the record description
     */
    public QpigsResponse {
        extraFields = List.copyOf(extraFields);
    }

    /**
     * Field 16, eight status bits, the leftmost character first.
     *
     * @param sbuPriorityVersion b7: the firmware has SBU priority
     * @param configurationChanged b6: the configuration changed
     * @param sccFirmwareUpdated b5: the SCC firmware was updated
     * @param loadOn b4: the load is on
     * @param batteryVoltageSteady b3: battery voltage steady while charging
     * @param charging b2: charging
     * @param sccCharging b1: the solar charge controller is charging
     * @param acCharging b0: charging from AC
     */
    public record DeviceStatus(
            boolean sbuPriorityVersion,
            boolean configurationChanged,
            boolean sccFirmwareUpdated,
            boolean loadOn,
            boolean batteryVoltageSteady,
            boolean charging,
            boolean sccCharging,
            boolean acCharging) {

        static DeviceStatus of(int bits) {
            return new DeviceStatus(
                    (bits & 0x80) != 0,
                    (bits & 0x40) != 0,
                    (bits & 0x20) != 0,
                    (bits & 0x10) != 0,
                    (bits & 0x08) != 0,
                    (bits & 0x04) != 0,
                    (bits & 0x02) != 0,
                    (bits & 0x01) != 0);
        }
    }

    /**
     * Field 20, three status bits, the leftmost character first.
     *
     * @param chargingToFloat b10: charging to float
     * @param switchedOn b9: switched on
     * @param dustproofInstalled b8: dust-proof kit installed (PI30MAX; reserved on PI30)
     */
    public record ChargeStatus(boolean chargingToFloat, boolean switchedOn, boolean dustproofInstalled) {

        static ChargeStatus of(int bits) {
            return new ChargeStatus((bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
        }
    }

    /**
     * Decodes a {@code QPIGS} reply straight from received bytes, checking the frame (CRC, NAK,
     * echo) without copying it: the path for polling loops.
     *
     * @param response the buffer
     * @param offset where the frame starts ({@code (})
     * @param length the frame's length, terminator included
     * @return the decoded reply
     * @throws Pi30NakException when the inverter refused the command
     * @throws ProtocolException when the bytes are not a valid {@code QPIGS} reply
     */
    public static QpigsResponse decode(byte[] response, int offset, int length) throws ProtocolException {
        int end = Pi30Frame.dataEnd(response, offset, length, "QPIGS");
        return decode(new Pi30Fields("QPIGS", response, offset, offset + 1, end));
    }

    static QpigsResponse decode(Pi30Frame frame) throws ProtocolException {
        return decode(Pi30Fields.of("QPIGS", frame));
    }

    private static QpigsResponse decode(Pi30Fields f) throws ProtocolException {
        f.require(MIN_FIELDS);
        double acInputVoltage = f.decimal("AC input voltage");
        double acInputFrequency = f.decimal("AC input frequency");
        double acOutputVoltage = f.decimal("AC output voltage");
        double acOutputFrequency = f.decimal("AC output frequency");
        int apparentPower = f.integer("AC output apparent power");
        int activePower = f.integer("AC output active power");
        int load = f.integer("output load percent");
        int bus = f.integer("bus voltage");
        double batteryVoltage = f.decimal("battery voltage");
        int chargingCurrent = f.integer("battery charging current");
        int capacity = f.integer("battery capacity");
        int temperature = f.integer("heat-sink temperature");
        double pv1Current = f.decimal("PV1 input current");
        double pv1Voltage = f.decimal("PV1 input voltage");
        double sccVoltage = f.decimal("SCC battery voltage");
        int dischargeCurrent = f.integer("battery discharge current");
        DeviceStatus status = DeviceStatus.of(f.bits(8, "device status"));
        double fanOffset = f.integer("fan-on voltage offset") / 100.0;
        int eeprom = f.integer("EEPROM version");
        int pv1Power = f.integer("PV1 charging power");
        ChargeStatus chargeStatus = ChargeStatus.of(f.bits(3, "charge status"));
        Boolean feed = null;
        CountryRegulation country = null;
        Integer feedPower = null;
        if (f.hasNext()) {
            int code = f.integer("solar feed to grid");
            if (code < 0 || code > 1) {
                throw f.invalid("solar feed to grid", "0 or 1");
            }
            feed = code == 1;
        }
        if (f.hasNext()) {
            country = CountryRegulation.fromCode(f.integer("country"));
        }
        if (f.hasNext()) {
            feedPower = f.integer("solar feed-to-grid power");
        }
        return new QpigsResponse(
                acInputVoltage,
                acInputFrequency,
                acOutputVoltage,
                acOutputFrequency,
                apparentPower,
                activePower,
                load,
                bus,
                batteryVoltage,
                chargingCurrent,
                capacity,
                temperature,
                pv1Current,
                pv1Voltage,
                sccVoltage,
                dischargeCurrent,
                status,
                fanOffset,
                eeprom,
                pv1Power,
                chargeStatus,
                feed,
                country,
                feedPower,
                f.rest());
    }
}
