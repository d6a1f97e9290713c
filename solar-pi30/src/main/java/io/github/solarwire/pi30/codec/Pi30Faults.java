package io.github.solarwire.pi30.codec;

/** The fault codes of {@code QPGSn} field 3, as text. */
public final class Pi30Faults {

    private Pi30Faults() {}

    /**
     * Describes a fault code.
     *
     * @param protocol the variant (code 11 differs: main relay failed on PI30, PV over voltage on
     *     PI30MAX)
     * @param code the code, 0 for none
     * @return a short English description, e.g. {@code "Fan is locked"}
     */
    public static String describe(Pi30Protocol protocol, int code) {
        return switch (code) {
            case 0 -> "No fault";
            case 1 -> "Fan is locked";
            case 2 -> "Over temperature";
            case 3 -> "Battery voltage is too high";
            case 4 -> "Battery voltage is too low";
            case 5 -> "Output short circuited or over temperature";
            case 6 -> "Output voltage is too high";
            case 7 -> "Overload time out";
            case 8 -> "Bus voltage is too high";
            case 9 -> "Bus soft start failed";
            case 10 -> "PV over current";
            case 11 -> protocol == Pi30Protocol.PI30MAX ? "PV over voltage" : "Main relay failed";
            case 12 -> "DC over current";
            case 13 -> "Battery discharge over current";
            case 51 -> "Inverter over current";
            case 52 -> "Bus voltage is too low";
            case 53 -> "Inverter soft start failed";
            case 54 -> "Self-test failed";
            case 55 -> "Over DC voltage on the inverter output";
            case 56 -> "Battery connection is open";
            case 57 -> "Current sensor failed";
            case 58 -> "Output voltage is too low";
            case 60 -> "Power feedback protection";
            case 71 -> "Parallel firmware versions differ";
            case 72 -> "Current sharing fault";
            case 80 -> "CAN communication failed";
            case 81 -> "Parallel host line lost";
            case 82 -> "Parallel synchronisation signal lost";
            case 83 -> "Parallel battery voltages differ";
            case 84 -> "Parallel AC input voltage or frequency differs";
            case 85 -> "AC output current unbalanced";
            case 86 -> "AC output mode settings differ";
            default -> "Unknown fault code " + code;
        };
    }
}
