package io.github.solarwire.pi30.codec;

/**
 * How the PV input is limited ({@code QPIRI}/{@code QDI}, {@code PSPBn}).
 */
public enum PvPowerBalance {
    /** PV input max current is the max charging current. */
    CHARGE_CURRENT(0),
    /** PV input max power is the max charging power plus the load power. */
    CHARGE_AND_LOAD_POWER(1),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    PvPowerBalance(int code) {
        this.code = code;
    }

    /**
     * The code as sent by the inverter.
     *
     * @return the code, or -1 for {@link #UNKNOWN}
     */
    public int code() {
        return code;
    }

    /**
     * The constant for a code.
     *
     * @param code the code as sent
     * @return the constant, or {@link #UNKNOWN}
     */
    public static PvPowerBalance fromCode(int code) {
        for (PvPowerBalance value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
