package io.github.solarwire.pi30.codec;

/**
 * The inverter topology ({@code QPIRI} field 20).
 */
public enum Topology {
    /** Transformerless. */
    TRANSFORMERLESS(0),
    /** With a transformer. */
    TRANSFORMER(1),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    Topology(int code) {
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
    public static Topology fromCode(int code) {
        for (Topology value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
