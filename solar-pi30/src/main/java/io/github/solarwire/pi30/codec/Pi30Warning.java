package io.github.solarwire.pi30.codec;

import java.util.List;

/**
 * A warning or fault that {@code QPIWS} reports by character position. The position of each
 * differs between protocol variants ({@link #table(Pi30Protocol)}); so does, for a few, whether it
 * is a fault or a warning ({@link QpiwsResponse.ActiveWarning#fault()}).
 */
public enum Pi30Warning {
    /** PV loss (PI30MAX). */
    PV_LOSS("PV loss warning"),
    /** Inverter fault; when set, several warnings below count as faults. */
    INVERTER_FAULT("Inverter fault"),
    /** Bus over voltage. */
    BUS_OVER("Bus over fault"),
    /** Bus under voltage. */
    BUS_UNDER("Bus under fault"),
    /** Bus soft start failed. */
    BUS_SOFT_FAIL("Bus soft fail fault"),
    /** Line (grid) failure. */
    LINE_FAIL("Line fail warning"),
    /** Output short circuit. */
    OPV_SHORT("OPV short warning"),
    /** Inverter voltage too low. */
    INVERTER_VOLTAGE_TOO_LOW("Inverter voltage too low fault"),
    /** Inverter voltage too high. */
    INVERTER_VOLTAGE_TOO_HIGH("Inverter voltage too high fault"),
    /** Over temperature. */
    OVER_TEMPERATURE("Over temperature fault"),
    /** Fan locked. */
    FAN_LOCKED("Fan locked fault"),
    /** Battery voltage too high. */
    BATTERY_VOLTAGE_HIGH("Battery voltage too high fault"),
    /** Battery low alarm. */
    BATTERY_LOW_ALARM("Battery low alarm warning"),
    /** Battery under voltage, shut down. */
    BATTERY_UNDER_SHUTDOWN("Battery under shutdown warning"),
    /** Battery derating (PI30MAX). */
    BATTERY_DERATING("Battery derating warning"),
    /** Overload. */
    OVERLOAD("Overload fault"),
    /** EEPROM fault. */
    EEPROM_FAULT("EEPROM fault"),
    /** Inverter over current. */
    INVERTER_OVER_CURRENT("Inverter over current fault"),
    /** Inverter soft start failed. */
    INVERTER_SOFT_FAIL("Inverter soft fail fault"),
    /** Self test failed. */
    SELF_TEST_FAIL("Self test fail fault"),
    /** DC voltage on the AC output too high. */
    OP_DC_VOLTAGE_OVER("OP DC voltage over fault"),
    /** Battery open. */
    BATTERY_OPEN("Battery open fault"),
    /** Current sensor failed. */
    CURRENT_SENSOR_FAIL("Current sensor fail fault"),
    /** Battery short circuit (PI30). */
    BATTERY_SHORT("Battery short fault"),
    /** Power limit (PI30). */
    POWER_LIMIT("Power limit warning"),
    /** PV1 voltage high (PI30). */
    PV1_VOLTAGE_HIGH("PV voltage high warning"),
    /** MPPT1 overload fault (PI30). */
    MPPT1_OVERLOAD_FAULT("MPPT overload fault"),
    /** MPPT1 overload warning (PI30). */
    MPPT1_OVERLOAD_WARNING("MPPT overload warning"),
    /** Battery too low to charge, SCC1 (PI30). */
    BATTERY_TOO_LOW_TO_CHARGE("Battery too low to charge warning"),
    /** PV2 voltage high (PI30, 2015 document). */
    PV2_VOLTAGE_HIGH("PV2 voltage high warning"),
    /** MPPT2 overload fault (PI30, 2015 document). */
    MPPT2_OVERLOAD_FAULT("MPPT2 overload fault"),
    /** MPPT2 overload warning (PI30, 2015 document). */
    MPPT2_OVERLOAD_WARNING("MPPT2 overload warning"),
    /** Battery too low to charge, SCC2 (PI30, 2015 document). */
    BATTERY_TOO_LOW_TO_CHARGE_2("Battery too low to charge SCC2 warning"),
    /** PV3 voltage high (PI30, 2015 document). */
    PV3_VOLTAGE_HIGH("PV3 voltage high warning"),
    /** MPPT3 overload fault (PI30, 2015 document). */
    MPPT3_OVERLOAD_FAULT("MPPT3 overload fault"),
    /** MPPT3 overload warning (PI30, 2015 document). */
    MPPT3_OVERLOAD_WARNING("MPPT3 overload warning"),
    /** Battery too low to charge, SCC3 (PI30, 2015 document). */
    BATTERY_TOO_LOW_TO_CHARGE_3("Battery too low to charge SCC3 warning"),
    /** Battery weak (PI30MAX, 48 V models). */
    BATTERY_WEAK("Battery weak"),
    /** Battery equalisation (PI30MAX). */
    BATTERY_EQUALIZATION("Battery equalisation warning"),
    /**
     * One bit of a two-bit fault code (PI30MAX positions 32–33 on 48 V models; 24 V models use
     * 31–32); not a warning of its own.
     */
    FAULT_CODE_BIT("Fault code bit"),
    /** A reserved position; not a warning. */
    RESERVED("Reserved");

    // Per position: the warning, and whether it is a warning (W), a fault (F), a fault only when
    // the inverter-fault bit is set (C), or no warning at all (N).
    private static final List<Pi30Warning> PI30 = List.of(
            RESERVED,
            INVERTER_FAULT,
            BUS_OVER,
            BUS_UNDER,
            BUS_SOFT_FAIL,
            LINE_FAIL,
            OPV_SHORT,
            INVERTER_VOLTAGE_TOO_LOW,
            INVERTER_VOLTAGE_TOO_HIGH,
            OVER_TEMPERATURE,
            FAN_LOCKED,
            BATTERY_VOLTAGE_HIGH,
            BATTERY_LOW_ALARM,
            RESERVED,
            BATTERY_UNDER_SHUTDOWN,
            RESERVED,
            OVERLOAD,
            EEPROM_FAULT,
            INVERTER_OVER_CURRENT,
            INVERTER_SOFT_FAIL,
            SELF_TEST_FAIL,
            OP_DC_VOLTAGE_OVER,
            BATTERY_OPEN,
            CURRENT_SENSOR_FAIL,
            BATTERY_SHORT,
            POWER_LIMIT,
            PV1_VOLTAGE_HIGH,
            MPPT1_OVERLOAD_FAULT,
            MPPT1_OVERLOAD_WARNING,
            BATTERY_TOO_LOW_TO_CHARGE,
            PV2_VOLTAGE_HIGH,
            MPPT2_OVERLOAD_FAULT,
            MPPT2_OVERLOAD_WARNING,
            BATTERY_TOO_LOW_TO_CHARGE_2,
            PV3_VOLTAGE_HIGH,
            MPPT3_OVERLOAD_FAULT,
            MPPT3_OVERLOAD_WARNING,
            BATTERY_TOO_LOW_TO_CHARGE_3);
    private static final String PI30_KINDS = "NFFFFWWFFCCCWNWNCWFFFFFFFWWWWWWWWWWWWW";
    private static final List<Pi30Warning> PI30MAX = List.of(
            PV_LOSS,
            INVERTER_FAULT,
            BUS_OVER,
            BUS_UNDER,
            BUS_SOFT_FAIL,
            LINE_FAIL,
            OPV_SHORT,
            INVERTER_VOLTAGE_TOO_LOW,
            INVERTER_VOLTAGE_TOO_HIGH,
            OVER_TEMPERATURE,
            FAN_LOCKED,
            BATTERY_VOLTAGE_HIGH,
            BATTERY_LOW_ALARM,
            RESERVED,
            BATTERY_UNDER_SHUTDOWN,
            BATTERY_DERATING,
            OVERLOAD,
            EEPROM_FAULT,
            INVERTER_OVER_CURRENT,
            INVERTER_SOFT_FAIL,
            SELF_TEST_FAIL,
            OP_DC_VOLTAGE_OVER,
            BATTERY_OPEN,
            CURRENT_SENSOR_FAIL,
            RESERVED,
            RESERVED,
            RESERVED,
            RESERVED,
            RESERVED,
            RESERVED,
            RESERVED,
            BATTERY_WEAK,
            FAULT_CODE_BIT,
            FAULT_CODE_BIT,
            RESERVED,
            BATTERY_EQUALIZATION);
    private static final String PI30MAX_KINDS = "WFFFFWFFFCCCWNWWCWFFFFFFNNNNNNNWNNNW";

    private final String description;

    Pi30Warning(String description) {
        this.description = description;
    }

    /**
     * A short English description, e.g. {@code "Line fail warning"}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Whether this is a real warning or fault, as opposed to {@link #RESERVED} or {@link
     * #FAULT_CODE_BIT}.
     *
     * @return true for a warning or fault
     */
    public boolean isWarning() {
        return this != RESERVED && this != FAULT_CODE_BIT;
    }

    /**
     * The {@code QPIWS} table of a variant: the warning at each character position (38 positions on
     * PI30, after the 2015 document; 36 on PI30MAX).
     *
     * @param protocol the variant
     * @return the warnings by position
     */
    public static List<Pi30Warning> table(Pi30Protocol protocol) {
        return protocol == Pi30Protocol.PI30MAX ? PI30MAX : PI30;
    }

    /** The warning at a position, or RESERVED beyond the table. */
    static Pi30Warning at(Pi30Protocol protocol, int position) {
        List<Pi30Warning> table = table(protocol);
        return position < table.size() ? table.get(position) : RESERVED;
    }

    /** Whether the warning at a position is a fault, given whether the inverter-fault bit is set. */
    static boolean isFault(Pi30Protocol protocol, int position, boolean inverterFault) {
        String kinds = protocol == Pi30Protocol.PI30MAX ? PI30MAX_KINDS : PI30_KINDS;
        if (position >= kinds.length()) {
            return false;
        }
        char kind = kinds.charAt(position);
        return kind == 'F' || kind == 'C' && inverterFault;
    }
}
