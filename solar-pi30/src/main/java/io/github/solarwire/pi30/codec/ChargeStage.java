package io.github.solarwire.pi30.codec;

/**
 * The charge stage in the undocumented {@code Q1} reply (field 16, first two digits).
 */
public enum ChargeStage {
    /** Not charging. */
    NONE(10),
    /** Bulk stage. */
    BULK(11),
    /** Absorb stage. */
    ABSORB(12),
    /** Float stage. */
    FLOAT(13),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    ChargeStage(int code) {
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
    public static ChargeStage fromCode(int code) {
        for (ChargeStage value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
