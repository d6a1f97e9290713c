package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The undocumented {@code Q1} reply (17 fields, as described by forum users and mpp-solar).
 *
 * @param secondsToAbsorbEnd time until the end of absorb charging, s
 * @param secondsToFloatEnd time until the end of float charging, s
 * @param sccOk the solar charge controller is powered and communicating
 * @param allowSccOn the SCC is allowed on
 * @param chargeAverageCurrent AC charge average current, A
 * @param sccPwmTemperature SCC PWM temperature, °C
 * @param inverterTemperature inverter temperature, °C
 * @param batteryTemperature battery temperature, °C
 * @param transformerTemperature transformer temperature, °C
 * @param parallelMode the parallel mode / GPIO13 value
 * @param fanLocked the fan is locked
 * @param unused field 11, as sent
 * @param fanPwmPercent fan PWM speed, %
 * @param sccChargePower SCC charge power, W
 * @param parallelWarning the parallel warning, as sent
 * @param syncFrequency synchronisation frequency, Hz
 * @param chargeStageCode field 16 as sent; its first two digits are the charge stage
 * @param chargeStage the charge stage
 * @param extraFields fields after the last known one, as sent
 */
public record Q1Response(
        int secondsToAbsorbEnd,
        int secondsToFloatEnd,
        boolean sccOk,
        boolean allowSccOn,
        int chargeAverageCurrent,
        int sccPwmTemperature,
        int inverterTemperature,
        int batteryTemperature,
        int transformerTemperature,
        int parallelMode,
        boolean fanLocked,
        String unused,
        int fanPwmPercent,
        int sccChargePower,
        String parallelWarning,
        double syncFrequency,
        String chargeStageCode,
        ChargeStage chargeStage,
        List<String> extraFields) {

    /** The fewest fields a {@code Q1} reply has. */
    public static final int MIN_FIELDS = 17;

    /**
     * Copies the extra fields.
     *
     * @param secondsToAbsorbEnd see the record description
     * @param secondsToFloatEnd see the record description
     * @param sccOk see the record description
     * @param allowSccOn see the record description
     * @param chargeAverageCurrent see the record description
     * @param sccPwmTemperature see the record description
     * @param inverterTemperature see the record description
     * @param batteryTemperature see the record description
     * @param transformerTemperature see the record description
     * @param parallelMode see the record description
     * @param fanLocked see the record description
     * @param unused see the record description
     * @param fanPwmPercent see the record description
     * @param sccChargePower see the record description
     * @param parallelWarning see the record description
     * @param syncFrequency see the record description
     * @param chargeStageCode see the record description
     * @param chargeStage see the record description
     * @param extraFields see the record description
     */
    public Q1Response {
        extraFields = List.copyOf(extraFields);
    }

    static Q1Response decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("Q1", frame).require(MIN_FIELDS);
        int absorb = f.integer("time to absorb end");
        int floatEnd = f.integer("time to float end");
        boolean scc = f.integer("SCC flag") != 0;
        boolean allow = f.integer("allow SCC on") != 0;
        int average = f.integer("charge average current");
        int sccTemp = f.integer("SCC PWM temperature");
        int inverterTemp = f.integer("inverter temperature");
        int batteryTemp = f.integer("battery temperature");
        int transformerTemp = f.integer("transformer temperature");
        int parallel = f.integer("parallel mode");
        boolean fan = f.integer("fan lock") != 0;
        String unused = f.text();
        int fanPwm = f.integer("fan PWM speed");
        int sccPower = f.integer("SCC charge power");
        String warning = f.text();
        double sync = f.decimal("sync frequency");
        String stageCode = f.text();
        if (stageCode.length() < 2
                || !Character.isDigit(stageCode.charAt(0))
                || !Character.isDigit(stageCode.charAt(1))) {
            throw f.invalid("charge stage", "two digits 10 to 13 first");
        }
        ChargeStage stage = ChargeStage.fromCode((stageCode.charAt(0) - '0') * 10 + (stageCode.charAt(1) - '0'));
        return new Q1Response(
                absorb,
                floatEnd,
                scc,
                allow,
                average,
                sccTemp,
                inverterTemp,
                batteryTemp,
                transformerTemp,
                parallel,
                fan,
                unused,
                fanPwm,
                sccPower,
                warning,
                sync,
                stageCode,
                stage,
                f.rest());
    }
}
