package io.github.solarwire.pi30.codec;

/**
 * When a parallel system considers PV present ({@code QPIRI}/{@code QDI}, {@code PPVOKCn}).
 */
public enum PvOkCondition {
    /** As soon as one unit has PV connected. */
    ANY_UNIT(0),
    /** Only when every unit has PV connected. */
    ALL_UNITS(1),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    PvOkCondition(int code) {
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
    public static PvOkCondition fromCode(int code) {
        for (PvOkCondition value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
