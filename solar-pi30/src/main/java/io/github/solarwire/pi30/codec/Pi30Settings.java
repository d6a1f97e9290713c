package io.github.solarwire.pi30.codec;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Every PI30 setting command, its argument checked before anything is encoded, for one protocol
 * variant. Each replies {@code (ACK} or {@code (NAK}, decoded as {@link Pi30Ack}.
 *
 * <pre>{@code
 * Pi30Settings settings = Pi30Settings.of(Pi30Protocol.PI30);
 * Pi30Command<Pi30Ack> sbu = settings.outputSourcePriority(OutputSourcePriority.SBU); // POP02
 * Pi30Command<Pi30Ack> cutOff = settings.batteryCutOffVoltage(BatteryBank.V48, 44.0); // PSDV44.0
 * }</pre>
 *
 * <p>A value outside what the protocol allows is an {@link IllegalArgumentException} naming the
 * command, the value and what is allowed; nothing is sent. Ranges are the vendor's. The vendor
 * gives the battery voltage ranges for a 48 V bank, and for {@code PBCV} also for 12 V and 24 V
 * banks, where they are the 48 V range scaled by about 1/4 and 1/2; the other 12 V and 24 V
 * ranges here are scaled the same way. Immutable and thread-safe.
 */
public final class Pi30Settings {

    private final Pi30Protocol protocol;

    private Pi30Settings(Pi30Protocol protocol) {
        this.protocol = protocol;
    }

    /**
     * The settings of a variant.
     *
     * @param protocol the variant, which decides some ranges (battery types, charger priorities)
     * @return the settings
     */
    public static Pi30Settings of(Pi30Protocol protocol) {
        return new Pi30Settings(Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * The variant.
     *
     * @return the variant
     */
    public Pi30Protocol protocol() {
        return protocol;
    }

    private Pi30Command<Pi30Ack> setting(String name, String command) {
        return Pi30Command.setting(name, protocol, command);
    }

    private static IllegalArgumentException refuse(String command, Object value, String allowed) {
        return new IllegalArgumentException(command + ": " + value + " is not allowed; allowed: " + allowed);
    }

    private static int code(String command, Enum<?> value, int code, String allowed) {
        Objects.requireNonNull(value, command);
        if (code < 0) {
            throw refuse(command, value, allowed);
        }
        return code;
    }

    /**
     * {@code POPnn}: output source priority.
     *
     * @param priority utility first, solar first or SBU
     * @return the command
     * @throws IllegalArgumentException for {@link OutputSourcePriority#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> outputSourcePriority(OutputSourcePriority priority) {
        int code = code("POP", priority, priority.code(), "UTILITY_FIRST, SOLAR_FIRST, SBU");
        return setting("POP", String.format("POP%02d", code));
    }

    /**
     * {@code PCPnn}: charger source priority. PI30MAX has no {@link
     * ChargerSourcePriority#UTILITY_FIRST}.
     *
     * @param priority the priority
     * @return the command
     * @throws IllegalArgumentException for a priority the variant does not have
     */
    public Pi30Command<Pi30Ack> chargerSourcePriority(ChargerSourcePriority priority) {
        return setting("PCP", String.format("PCP%02d", chargerCode("PCP", priority)));
    }

    private int chargerCode(String command, ChargerSourcePriority priority) {
        Objects.requireNonNull(priority, command);
        boolean max = protocol == Pi30Protocol.PI30MAX;
        if (priority == ChargerSourcePriority.UNKNOWN || max && priority == ChargerSourcePriority.UTILITY_FIRST) {
            throw refuse(
                    command,
                    priority,
                    (max ? "" : "UTILITY_FIRST, ") + "SOLAR_FIRST, SOLAR_AND_UTILITY, SOLAR_ONLY on " + protocol);
        }
        return priority.code();
    }

    /**
     * {@code PPCPmnn}: charger source priority of one unit of a parallel system.
     *
     * @param unit the parallel unit, 0 to 9
     * @param priority the priority
     * @return the command
     * @throws IllegalArgumentException for a unit out of range or a priority the variant does not have
     */
    public Pi30Command<Pi30Ack> parallelChargerSourcePriority(int unit, ChargerSourcePriority priority) {
        checkUnit("PPCP", unit);
        return setting("PPCP", String.format("PPCP%d%02d", unit, chargerCode("PPCP", priority)));
    }

    /**
     * {@code PGRnn}: AC input voltage range.
     *
     * @param range appliance or UPS
     * @return the command
     * @throws IllegalArgumentException for {@link InputVoltageRange#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> inputVoltageRange(InputVoltageRange range) {
        return setting("PGR", String.format("PGR%02d", code("PGR", range, range.code(), "APPLIANCE, UPS")));
    }

    /**
     * {@code PBTnn}: battery type. PI30 has AGM, flooded and user; PI30MAX also the lithium types 3
     * to 9.
     *
     * @param type the battery type
     * @return the command
     * @throws IllegalArgumentException for a type the variant does not have
     */
    public Pi30Command<Pi30Ack> batteryType(BatteryType type) {
        Objects.requireNonNull(type, "PBT");
        int highest = protocol == Pi30Protocol.PI30MAX ? BatteryType.LIC.code() : BatteryType.USER.code();
        if (type.code() < 0 || type.code() > highest) {
            throw refuse(
                    "PBT",
                    type,
                    "codes 0 to " + highest + " on " + protocol + " (AGM, FLOODED, USER"
                            + (highest > 2 ? ", PYLONTECH, SHINHEUNG, WECO, SOLTARO, BAK, LIB, LIC)" : ")"));
        }
        return setting("PBT", String.format("PBT%02d", type.code()));
    }

    /**
     * {@code PBCVnn.n}: battery re-charge voltage (back to utility in SBU mode): 44.0 to 51.0 V on
     * a 48 V bank, 22.0 to 25.5 V on 24 V, 11.0 to 12.8 V on 12 V.
     *
     * @param bank the battery bank
     * @param volts the voltage, in steps of 0.1 V
     * @return the command
     * @throws IllegalArgumentException when the voltage is out of range
     */
    public Pi30Command<Pi30Ack> batteryRechargeVoltage(BatteryBank bank, double volts) {
        double[] range = switch (bank) {
            case V12 -> new double[] {11.0, 12.8};
            case V24 -> new double[] {22.0, 25.5};
            case V48 -> new double[] {44.0, 51.0};
        };
        return voltage("PBCV", bank, volts, range[0], range[1], false);
    }

    /**
     * {@code PBDVnn.n}: battery re-discharge voltage: 0 (when the battery is full) or 48.0 to 58.0
     * V on a 48 V bank (scaled for 12 V and 24 V).
     *
     * @param bank the battery bank
     * @param volts the voltage, in steps of 0.1 V
     * @return the command
     * @throws IllegalArgumentException when the voltage is out of range
     */
    public Pi30Command<Pi30Ack> batteryRedischargeVoltage(BatteryBank bank, double volts) {
        return voltage("PBDV", bank, volts, 48.0, 58.0, true);
    }

    /**
     * {@code PSDVnn.n}: battery cut-off (under) voltage: 40.0 to 48.0 V on a 48 V bank (scaled for
     * 12 V and 24 V).
     *
     * @param bank the battery bank
     * @param volts the voltage, in steps of 0.1 V
     * @return the command
     * @throws IllegalArgumentException when the voltage is out of range
     */
    public Pi30Command<Pi30Ack> batteryCutOffVoltage(BatteryBank bank, double volts) {
        return voltage("PSDV", bank, volts, 40.0, 48.0, false);
    }

    /**
     * {@code PCVVnn.n}: battery bulk (CV) charging voltage: 48.0 to 58.4 V on a 48 V bank (scaled
     * for 12 V and 24 V).
     *
     * @param bank the battery bank
     * @param volts the voltage, in steps of 0.1 V
     * @return the command
     * @throws IllegalArgumentException when the voltage is out of range
     */
    public Pi30Command<Pi30Ack> batteryBulkVoltage(BatteryBank bank, double volts) {
        return voltage("PCVV", bank, volts, 48.0, 58.4, false);
    }

    /**
     * {@code PBFTnn.n}: battery float charging voltage: 48.0 to 58.4 V on a 48 V bank (scaled for
     * 12 V and 24 V).
     *
     * @param bank the battery bank
     * @param volts the voltage, in steps of 0.1 V
     * @return the command
     * @throws IllegalArgumentException when the voltage is out of range
     */
    public Pi30Command<Pi30Ack> batteryFloatVoltage(BatteryBank bank, double volts) {
        return voltage("PBFT", bank, volts, 48.0, 58.4, false);
    }

    private Pi30Command<Pi30Ack> voltage(
            String name, BatteryBank bank, double volts, double min, double max, boolean zeroAllowed) {
        Objects.requireNonNull(bank, name);
        if (!name.equals("PBCV")) {
            min = min * bank.volts() / 48.0;
            max = max * bank.volts() / 48.0;
        }
        long tenths = Math.round(volts * 10);
        boolean inRange = volts >= min - 1e-9 && volts <= max + 1e-9 || zeroAllowed && tenths == 0;
        if (!Double.isFinite(volts) || Math.abs(volts * 10 - tenths) > 1e-6 || !inRange) {
            throw refuse(
                    name,
                    volts + " V",
                    (zeroAllowed ? "0.0 or " : "")
                            + String.format(Locale.ROOT, "%.1f to %.1f V in steps of 0.1 V", min, max)
                            + " on a " + bank.volts() + " V bank");
        }
        return setting(name, String.format(Locale.ROOT, "%s%02d.%d", name, tenths / 10, tenths % 10));
    }

    /**
     * {@code MCHGCmnn} (below 100 A) or {@code MNCHGCmnnn} (100 A and more): max charging current
     * of a unit. Take the value from the unit's {@code QMCHGCR} list, or use {@link
     * #maxChargingCurrent(int, int, ChargingCurrentOptions)}.
     *
     * @param unit the parallel unit, 0 to 9 (0 on a single inverter)
     * @param amps the current, 1 to 999 A
     * @return the command
     * @throws IllegalArgumentException when the unit or current is out of range
     */
    public Pi30Command<Pi30Ack> maxChargingCurrent(int unit, int amps) {
        checkUnit("MCHGC", unit);
        if (amps < 1 || amps > 999) {
            throw refuse("MCHGC", amps + " A", "1 to 999 A");
        }
        return amps < 100
                ? setting("MCHGC", String.format("MCHGC%d%02d", unit, amps))
                : setting("MNCHGC", String.format("MNCHGC%d%03d", unit, amps));
    }

    /**
     * {@code MCHGC…}: max charging current, checked against the inverter's {@code QMCHGCR} list.
     *
     * @param unit the parallel unit, 0 to 9
     * @param amps the current, A
     * @param options the {@code QMCHGCR} reply
     * @return the command
     * @throws IllegalArgumentException when the current is not in the list
     */
    public Pi30Command<Pi30Ack> maxChargingCurrent(int unit, int amps, ChargingCurrentOptions options) {
        if (!options.allows(amps)) {
            throw refuse("MCHGC", amps + " A", "one of " + options.amperes() + " A (QMCHGCR)");
        }
        return maxChargingCurrent(unit, amps);
    }

    /**
     * {@code MUCHGCnnn}: max utility (AC) charging current. Take the value from the {@code
     * QMUCHGCR} list, or use {@link #maxUtilityChargingCurrent(int, ChargingCurrentOptions)}.
     *
     * @param amps the current, 1 to 999 A
     * @return the command
     * @throws IllegalArgumentException when the current is out of range
     */
    public Pi30Command<Pi30Ack> maxUtilityChargingCurrent(int amps) {
        return current("MUCHGC", amps);
    }

    /**
     * {@code MUCHGCnnn}: max utility charging current, checked against the {@code QMUCHGCR} list.
     *
     * @param amps the current, A
     * @param options the {@code QMUCHGCR} reply
     * @return the command
     * @throws IllegalArgumentException when the current is not in the list
     */
    public Pi30Command<Pi30Ack> maxUtilityChargingCurrent(int amps, ChargingCurrentOptions options) {
        if (!options.allows(amps)) {
            throw refuse("MUCHGC", amps + " A", "one of " + options.amperes() + " A (QMUCHGCR)");
        }
        return current("MUCHGC", amps);
    }

    /**
     * {@code MSCHGCnnn}: max solar charging current (2015 document, MKS Plus Duo), from the {@code
     * QMSCHGCR} list.
     *
     * @param amps the current, 1 to 999 A
     * @return the command
     * @throws IllegalArgumentException when the current is out of range
     */
    public Pi30Command<Pi30Ack> maxSolarChargingCurrent(int amps) {
        return current("MSCHGC", amps);
    }

    private Pi30Command<Pi30Ack> current(String name, int amps) {
        if (amps < 1 || amps > 999) {
            throw refuse(name, amps + " A", "1 to 999 A");
        }
        return setting(name, String.format("%s%03d", name, amps));
    }

    /**
     * {@code F50} / {@code F60}: output frequency.
     *
     * @param hertz 50 or 60
     * @return the command
     * @throws IllegalArgumentException for another frequency
     */
    public Pi30Command<Pi30Ack> outputFrequency(int hertz) {
        if (hertz != 50 && hertz != 60) {
            throw refuse("F", hertz + " Hz", "50 or 60 Hz");
        }
        return setting("F", "F" + hertz);
    }

    /**
     * {@code POPMmn}: output mode of one unit of a parallel or three-phase system.
     *
     * @param unit the parallel unit, 0 to 9
     * @param mode single, parallel, or phase 1, 2 or 3 of a three-phase system
     * @return the command
     * @throws IllegalArgumentException for a unit out of range or a split-phase mode
     */
    public Pi30Command<Pi30Ack> outputMode(int unit, OutputMode mode) {
        checkUnit("POPM", unit);
        Objects.requireNonNull(mode, "POPM");
        if (mode.code() < 0 || mode.code() > 4) {
            throw refuse("POPM", mode, "SINGLE, PARALLEL, THREE_PHASE_1, THREE_PHASE_2, THREE_PHASE_3");
        }
        return setting("POPM", String.format("POPM%d%d", unit, mode.code()));
    }

    /**
     * {@code PPVOKCn}: PV OK condition of a parallel system.
     *
     * @param condition any unit or all units
     * @return the command
     * @throws IllegalArgumentException for {@link PvOkCondition#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> pvOkCondition(PvOkCondition condition) {
        return setting("PPVOKC", "PPVOKC" + code("PPVOKC", condition, condition.code(), "ANY_UNIT, ALL_UNITS"));
    }

    /**
     * {@code PSPBn}: PV power balance.
     *
     * @param balance charge current, or charge and load power
     * @return the command
     * @throws IllegalArgumentException for {@link PvPowerBalance#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> pvPowerBalance(PvPowerBalance balance) {
        return setting("PSPB", "PSPB" + code("PSPB", balance, balance.code(), "CHARGE_CURRENT, CHARGE_AND_LOAD_POWER"));
    }

    /**
     * {@code POPLGnn}: operation logic.
     *
     * @param logic automatic, on-line or ECO
     * @return the command
     * @throws IllegalArgumentException for {@link OperationLogic#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> operationLogic(OperationLogic logic) {
        int code = code("POPLG", logic, logic.code(), "AUTOMATIC, ONLINE, ECO");
        return setting("POPLG", String.format("POPLG%02d", code));
    }

    /**
     * {@code PE<letters>}: enables settings.
     *
     * @param flags one or more settings the variant has
     * @return the command
     * @throws IllegalArgumentException when there are none or one is not on the variant
     */
    public Pi30Command<Pi30Ack> enable(Set<Pi30Flag> flags) {
        return flags("PE", flags);
    }

    /**
     * {@code PD<letters>}: disables settings.
     *
     * @param flags one or more settings the variant has
     * @return the command
     * @throws IllegalArgumentException when there are none or one is not on the variant
     */
    public Pi30Command<Pi30Ack> disable(Set<Pi30Flag> flags) {
        return flags("PD", flags);
    }

    private Pi30Command<Pi30Ack> flags(String name, Set<Pi30Flag> flags) {
        Objects.requireNonNull(flags, name);
        if (flags.isEmpty()) {
            throw refuse(name, "no flag", "one or more flags");
        }
        StringBuilder command = new StringBuilder(name);
        for (Pi30Flag flag : EnumSet.copyOf(flags)) {
            if (!flag.supportedBy(protocol)) {
                throw refuse(name, flag + " ('" + flag.letter() + "')", "flags of " + protocol);
            }
            command.append(flag.letter());
        }
        return setting(name, command.toString());
    }

    /**
     * {@code PF}: resets every setting to its default.
     *
     * @return the command
     */
    public Pi30Command<Pi30Ack> resetToDefaults() {
        return setting("PF", "PF");
    }

    /**
     * {@code PBATCDabc}: battery charge/discharge control, three {@code 0}/{@code 1} switches as the
     * vendor document orders them. Use with care.
     *
     * @param switches three characters, each {@code 0} or {@code 1}
     * @return the command
     * @throws IllegalArgumentException for another argument
     */
    public Pi30Command<Pi30Ack> batteryChargeDischargeControl(String switches) {
        Objects.requireNonNull(switches, "PBATCD");
        if (!switches.matches("[01]{3}")) {
            throw refuse("PBATCD", "'" + switches + "'", "three characters 0 or 1");
        }
        return setting("PBATCD", "PBATCD" + switches);
    }

    /**
     * {@code PBATMAXDISCnnn}: max battery discharge current.
     *
     * @param amps 0 to disable the limit, or 30 to 150 A
     * @return the command
     * @throws IllegalArgumentException when the current is out of range
     */
    public Pi30Command<Pi30Ack> maxDischargeCurrent(int amps) {
        if (amps != 0 && (amps < 30 || amps > 150)) {
            throw refuse("PBATMAXDISC", amps + " A", "0 (no limit) or 30 to 150 A");
        }
        return setting("PBATMAXDISC", String.format("PBATMAXDISC%03d", amps));
    }

    /**
     * {@code DATyyyymmddHHMMSS}: sets the inverter's clock.
     *
     * @param time the local date and time, year 1000 to 9999
     * @return the command
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<Pi30Ack> dateTime(LocalDateTime time) {
        Objects.requireNonNull(time, "DAT");
        if (time.getYear() < 1000 || time.getYear() > 9999) {
            throw refuse("DAT", time, "years 1000 to 9999");
        }
        return setting(
                "DAT",
                String.format(
                        "DAT%04d%02d%02d%02d%02d%02d",
                        time.getYear(),
                        time.getMonthValue(),
                        time.getDayOfMonth(),
                        time.getHour(),
                        time.getMinute(),
                        time.getSecond()));
    }

    /**
     * {@code BTA±nn}: battery voltage calibration, in steps of 0.05 V.
     *
     * @param steps −99 to +99 steps
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> batteryVoltageCalibration(int steps) {
        if (steps < -99 || steps > 99) {
            throw refuse("BTA", steps + " steps", "-99 to +99 steps of 0.05 V");
        }
        return setting("BTA", String.format("BTA%+03d", steps));
    }

    /**
     * {@code PSAVE}: saves the settings to EEPROM.
     *
     * @return the command
     */
    public Pi30Command<Pi30Ack> saveToEeprom() {
        return setting("PSAVE", "PSAVE");
    }

    /**
     * {@code PCSTnn}: charging stage (2015 document).
     *
     * @param mode automatic, two-stage or three-stage
     * @return the command
     * @throws IllegalArgumentException for {@link ChargingStageMode#UNKNOWN}
     */
    public Pi30Command<Pi30Ack> chargingStage(ChargingStageMode mode) {
        int code = code("PCST", mode, mode.code(), "AUTO, TWO_STAGE, THREE_STAGE");
        return setting("PCST", String.format("PCST%02d", code));
    }

    /**
     * {@code PCVTnnn}: max charging time at the CV stage (2015 document). The document gives only
     * the width; the inverter refuses values it does not support.
     *
     * @param minutes 0 to 999 minutes
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> cvChargingTime(int minutes) {
        return threeDigits("PCVT", minutes, "minutes");
    }

    /**
     * {@code PBEQEn}: enables or disables battery equalisation (PI30MAX).
     *
     * @param enabled true to enable
     * @return the command
     */
    public Pi30Command<Pi30Ack> equalisationEnabled(boolean enabled) {
        return setting("PBEQE", "PBEQE" + (enabled ? 1 : 0));
    }

    /**
     * {@code PBEQTnnn}: equalisation time (PI30MAX). The width follows the {@code QBEQI} field; the
     * inverter refuses values it does not support.
     *
     * @param minutes 0 to 999 minutes
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> equalisationTime(int minutes) {
        return threeDigits("PBEQT", minutes, "minutes");
    }

    /**
     * {@code PBEQPnnn}: days between equalisations (PI30MAX). The width follows the {@code QBEQI}
     * field; the inverter refuses values it does not support.
     *
     * @param days 0 to 999 days
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> equalisationPeriod(int days) {
        return threeDigits("PBEQP", days, "days");
    }

    /**
     * {@code PBEQOTnnn}: equalisation over-time (PI30MAX). The width follows the {@code QBEQI} field;
     * the inverter refuses values it does not support.
     *
     * @param minutes 0 to 999 minutes
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> equalisationOverTime(int minutes) {
        return threeDigits("PBEQOT", minutes, "minutes");
    }

    /**
     * {@code PBEQVnn.nn}: equalisation voltage (PI30MAX), in the {@code QBEQI} format. The vendor
     * range is not in the protocol document: only the format is checked, and the inverter refuses
     * values it does not support.
     *
     * @param volts 0.01 to 99.99 V in steps of 0.01 V
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> equalisationVoltage(double volts) {
        long hundredths = Math.round(volts * 100);
        if (!Double.isFinite(volts)
                || Math.abs(volts * 100 - hundredths) > 1e-6
                || hundredths < 1
                || hundredths > 9999) {
            throw refuse("PBEQV", volts + " V", "0.01 to 99.99 V in steps of 0.01 V");
        }
        return setting("PBEQV", String.format(Locale.ROOT, "PBEQV%02d.%02d", hundredths / 100, hundredths % 100));
    }

    /**
     * {@code RTEY}: resets the energy counters (PI30MAX).
     *
     * @return the command
     */
    public Pi30Command<Pi30Ack> resetEnergyCounters() {
        return setting("RTEY", "RTEY");
    }

    /**
     * {@code RTDL}: erases the data log (PI30MAX).
     *
     * @return the command
     */
    public Pi30Command<Pi30Ack> eraseDataLog() {
        return setting("RTDL", "RTDL");
    }

    /**
     * {@code PLEDEn}: switches the LED strip on or off (PI30MAX models with LEDs).
     *
     * @param enabled true for on
     * @return the command
     */
    public Pi30Command<Pi30Ack> ledEnabled(boolean enabled) {
        return setting("PLEDE", "PLEDE" + (enabled ? 1 : 0));
    }

    /**
     * {@code PLEDSn}: LED animation speed, as {@code QLED} reports it.
     *
     * @param speed 0 low, 1 medium, 2 high
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> ledSpeed(int speed) {
        if (speed < 0 || speed > 2) {
            throw refuse("PLEDS", speed, "0 (low), 1 (medium), 2 (high)");
        }
        return setting("PLEDS", "PLEDS" + speed);
    }

    /**
     * {@code PLEDMn}: LED effect, one digit as {@code QLED} reports it.
     *
     * @param effect 0 to 9 (2 is solid)
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> ledEffect(int effect) {
        return oneDigit("PLEDM", effect);
    }

    /**
     * {@code PLEDBn}: LED brightness, one digit as {@code QLED} reports it.
     *
     * @param brightness 0 to 9
     * @return the command
     * @throws IllegalArgumentException when out of range
     */
    public Pi30Command<Pi30Ack> ledBrightness(int brightness) {
        return oneDigit("PLEDB", brightness);
    }

    private Pi30Command<Pi30Ack> oneDigit(String name, int value) {
        if (value < 0 || value > 9) {
            throw refuse(name, value, "0 to 9");
        }
        return setting(name, name + value);
    }

    private Pi30Command<Pi30Ack> threeDigits(String name, int value, String unit) {
        if (value < 0 || value > 999) {
            throw refuse(name, value + " " + unit, "0 to 999 " + unit);
        }
        return setting(name, String.format("%s%03d", name, value));
    }

    private static void checkUnit(String command, int unit) {
        if (unit < 0 || unit > 9) {
            throw refuse(command, "unit " + unit, "units 0 to 9");
        }
    }
}
