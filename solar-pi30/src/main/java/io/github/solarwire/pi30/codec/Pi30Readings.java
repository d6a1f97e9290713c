package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Maps one poll's replies to the shared model: the {@link Metrics} catalogue plus {@link
 * Pi30Metrics}, and text states for the mode and the warnings.
 *
 * <pre>{@code
 * Reading reading = Pi30Readings.addTo(Reading.builder(info, now), qpigs, qpigs2, qmod, qpiws).build();
 * }</pre>
 */
public final class Pi30Readings {

    /** The state key of the device mode, e.g. {@code battery}. */
    public static final String MODE = "pi30.mode";
    /** The state key of the active warnings and faults, comma-separated, or {@code none}. */
    public static final String WARNINGS = "pi30.warnings";
    /** The state key of the active faults only, comma-separated, or {@code none}. */
    public static final String FAULTS = "pi30.faults";

    private Pi30Readings() {}

    /**
     * Adds the values of one poll to a reading.
     *
     * <p>AC output voltage, frequency and active power go to {@link Metrics#AC_VOLTAGE_L1}, {@link
     * Metrics#AC_FREQUENCY} and {@link Metrics#AC_POWER} (and to {@link Metrics#LOAD_POWER}: an
     * off-grid inverter's output is the household load); the battery current and power are
     * positive when discharging; {@link Metrics#PV_POWER} is the sum of the trackers' charging
     * power; the heat-sink temperature is {@link Metrics#TEMPERATURE_INVERTER}.
     *
     * @param reading the reading being built
     * @param qpigs the {@code QPIGS} reply
     * @param qpigs2 the {@code QPIGS2} reply, or null when not polled (or refused)
     * @param qmod the {@code QMOD} reply, or null when not polled
     * @param qpiws the {@code QPIWS} reply, or null when not polled
     * @return the same builder
     */
    public static Reading.Builder addTo(
            Reading.Builder reading,
            QpigsResponse qpigs,
            Qpigs2Response qpigs2,
            QmodResponse qmod,
            QpiwsResponse qpiws) {
        Objects.requireNonNull(qpigs, "qpigs");
        reading.add(Pi30Metrics.AC_INPUT_VOLTAGE, qpigs.acInputVoltage())
                .add(Pi30Metrics.AC_INPUT_FREQUENCY, qpigs.acInputFrequency())
                .add(Metrics.AC_VOLTAGE_L1, qpigs.acOutputVoltage())
                .add(Metrics.AC_FREQUENCY, qpigs.acOutputFrequency())
                .add(Metrics.AC_APPARENT_POWER, qpigs.acOutputApparentPower())
                .add(Metrics.AC_POWER, qpigs.acOutputActivePower())
                .add(Metrics.LOAD_POWER, qpigs.acOutputActivePower())
                .add(Pi30Metrics.LOAD_PERCENT, qpigs.outputLoadPercent())
                .add(Pi30Metrics.BUS_VOLTAGE, qpigs.busVoltage());
        double batteryCurrent = qpigs.batteryDischargeCurrent() - qpigs.batteryChargingCurrent();
        reading.add(Metrics.BATTERY_VOLTAGE, qpigs.batteryVoltage())
                .add(Metrics.BATTERY_CURRENT, batteryCurrent)
                .add(Metrics.BATTERY_POWER, round(qpigs.batteryVoltage() * batteryCurrent))
                .add(Metrics.BATTERY_SOC, qpigs.batteryCapacity())
                .add(Pi30Metrics.SCC_BATTERY_VOLTAGE, qpigs.sccBatteryVoltage());
        double pvPower = qpigs.pv1ChargingPower();
        reading.add(Metrics.DC_VOLTAGE_PV1, qpigs.pv1InputVoltage())
                .add(Metrics.DC_CURRENT_PV1, qpigs.pv1InputCurrent())
                .add(Metrics.DC_POWER_PV1, qpigs.pv1ChargingPower());
        if (qpigs2 != null) {
            reading.add(Metrics.DC_VOLTAGE_PV2, qpigs2.pv2InputVoltage())
                    .add(Metrics.DC_CURRENT_PV2, qpigs2.pv2InputCurrent())
                    .add(Metrics.DC_POWER_PV2, qpigs2.pv2ChargingPower());
            pvPower += qpigs2.pv2ChargingPower();
            Qpigs2Response.ThreeTrackers three = qpigs2.threeTrackers();
            if (three != null) {
                reading.add(Metrics.DC_VOLTAGE_PV3, three.pv3InputVoltage())
                        .add(Metrics.DC_CURRENT_PV3, three.pv3InputCurrent())
                        .add(Metrics.DC_POWER_PV3, three.pv3ChargingPower());
                pvPower += three.pv3ChargingPower();
            }
        }
        reading.add(Metrics.PV_POWER, pvPower).add(Metrics.TEMPERATURE_INVERTER, qpigs.heatSinkTemperature());
        if (qmod != null) {
            reading.state(MODE, modeText(qmod));
        }
        if (qpiws != null) {
            StringJoiner warnings = new StringJoiner(",");
            StringJoiner faults = new StringJoiner(",");
            for (QpiwsResponse.ActiveWarning w : qpiws.active()) {
                String name = w.warning().name().toLowerCase(Locale.ROOT);
                warnings.add(name);
                if (w.fault()) {
                    faults.add(name);
                }
            }
            reading.state(WARNINGS, warnings.length() == 0 ? "none" : warnings.toString());
            reading.state(FAULTS, faults.length() == 0 ? "none" : faults.toString());
        }
        return reading;
    }

    /**
     * Adds the values of one parallel unit ({@code QPGSn}) to a reading: AC in and out, load,
     * battery (current positive when discharging), PV1 and, where the reply has it, PV2; the work
     * mode as {@link #MODE} and the unit's serial number as {@code pi30.serial}.
     *
     * @param reading the reading being built, for the unit's own device
     * @param unit the {@code QPGSn} reply
     * @return the same builder
     */
    public static Reading.Builder addTo(Reading.Builder reading, QpgsResponse unit) {
        Objects.requireNonNull(unit, "unit");
        reading.add(Pi30Metrics.AC_INPUT_VOLTAGE, unit.gridVoltage())
                .add(Pi30Metrics.AC_INPUT_FREQUENCY, unit.gridFrequency())
                .add(Metrics.AC_VOLTAGE_L1, unit.acOutputVoltage())
                .add(Metrics.AC_FREQUENCY, unit.acOutputFrequency())
                .add(Metrics.AC_APPARENT_POWER, unit.acOutputApparentPower())
                .add(Metrics.AC_POWER, unit.acOutputActivePower())
                .add(Pi30Metrics.LOAD_PERCENT, unit.loadPercent())
                .add(Metrics.BATTERY_VOLTAGE, unit.batteryVoltage())
                .add(Metrics.BATTERY_CURRENT, unit.batteryDischargeCurrent() - unit.batteryChargingCurrent())
                .add(Metrics.BATTERY_SOC, unit.batteryCapacity())
                .add(Metrics.DC_VOLTAGE_PV1, unit.pv1InputVoltage())
                .add(Metrics.DC_CURRENT_PV1, unit.pv1InputCurrent());
        if (unit.pv2InputVoltage() != null && unit.pv2InputCurrent() != null) {
            reading.add(Metrics.DC_VOLTAGE_PV2, unit.pv2InputVoltage())
                    .add(Metrics.DC_CURRENT_PV2, unit.pv2InputCurrent());
        }
        reading.state(MODE, unit.workMode().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return reading.state("pi30.serial", unit.serialNumber());
    }

    private static String modeText(QmodResponse qmod) {
        return qmod.mode() == DeviceMode.UNKNOWN
                ? "unknown (" + qmod.letter() + ")"
                : qmod.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Battery power to 0.01 W: the product of two decimals should not show binary noise. */
    private static double round(double watts) {
        return Math.round(watts * 100) / 100.0;
    }
}
