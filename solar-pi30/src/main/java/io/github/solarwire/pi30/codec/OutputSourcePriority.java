package io.github.solarwire.pi30.codec;

/**
 * Which source feeds the load first ({@code QPIRI}/{@code QDI}, {@code POPnn}, {@code QOPPT}).
 *
 * <p>The PI30MAX document words the same codes as utility-solar-battery, solar-utility-battery and
 * solar-battery-utility.
 */
public enum OutputSourcePriority {
    /** Utility first (PI30MAX: utility, solar, battery). */
    UTILITY_FIRST(0),
    /** Solar first (PI30MAX: solar, utility, battery). */
    SOLAR_FIRST(1),
    /** Solar, battery, utility. */
    SBU(2),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    OutputSourcePriority(int code) {
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
    public static OutputSourcePriority fromCode(int code) {
        for (OutputSourcePriority value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
