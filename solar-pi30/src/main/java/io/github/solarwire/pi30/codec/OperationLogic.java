package io.github.solarwire.pi30.codec;

/**
 * The operation logic ({@code QPIRI} field 26, {@code POPLGnn}).
 */
public enum OperationLogic {
    /** Automatic. */
    AUTOMATIC(0),
    /** On-line. */
    ONLINE(1),
    /** ECO. */
    ECO(2),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    OperationLogic(int code) {
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
    public static OperationLogic fromCode(int code) {
        for (OperationLogic value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
