package io.github.solarwire.pi30.codec;

/**
 * The country regulation in PI30MAX {@code QPIGS} field 22.
 */
public enum CountryRegulation {
    /** India. */
    INDIA(0),
    /** Germany. */
    GERMANY(1),
    /** South America. */
    SOUTH_AMERICA(2),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    CountryRegulation(int code) {
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
    public static CountryRegulation fromCode(int code) {
        for (CountryRegulation value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
