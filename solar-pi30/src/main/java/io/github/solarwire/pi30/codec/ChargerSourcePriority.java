package io.github.solarwire.pi30.codec;

/**
 * Which source charges the battery ({@code QPIRI}/{@code QDI}/{@code QPGSn}, {@code PCPnn}, {@code QCHPT}).
 *
 * <p>MKS models have no {@link #SOLAR_AND_UTILITY}; PI30MAX models have no {@link #UTILITY_FIRST}.
 */
public enum ChargerSourcePriority {
    /** Utility first. */
    UTILITY_FIRST(0),
    /** Solar first. */
    SOLAR_FIRST(1),
    /** Solar and utility together. */
    SOLAR_AND_UTILITY(2),
    /** Solar only. */
    SOLAR_ONLY(3),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    ChargerSourcePriority(int code) {
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
    public static ChargerSourcePriority fromCode(int code) {
        for (ChargerSourcePriority value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
