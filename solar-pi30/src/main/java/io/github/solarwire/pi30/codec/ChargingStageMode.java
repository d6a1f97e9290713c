package io.github.solarwire.pi30.codec;

/**
 * The charging stage setting of the 2015 PI30 document ({@code QCST}, {@code PCSTnn}).
 */
public enum ChargingStageMode {
    /** Automatic. */
    AUTO(0),
    /** Two-stage charging. */
    TWO_STAGE(1),
    /** Three-stage charging. */
    THREE_STAGE(2),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    ChargingStageMode(int code) {
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
    public static ChargingStageMode fromCode(int code) {
        for (ChargingStageMode value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
