package io.github.solarwire.pi30.codec;

/**
 * The AC input voltage range ({@code QPIRI}/{@code QDI}, {@code PGRnn}).
 */
public enum InputVoltageRange {
    /** Wide range, for appliances. */
    APPLIANCE(0),
    /** Narrow range, UPS-like switching. */
    UPS(1),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    InputVoltageRange(int code) {
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
    public static InputVoltageRange fromCode(int code) {
        for (InputVoltageRange value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
