package io.github.solarwire.pi30.codec;

/**
 * The battery state in the {@code QPGSn} status bits b4 and b3 (mpp-solar reads them as two
 * separate over- and under-voltage flags; the protocol defines one two-bit state).
 */
public enum BatteryState {
    /** Normal (00). */
    NORMAL(0),
    /** Under voltage (01). */
    UNDER_VOLTAGE(1),
    /** Battery open (10). */
    OPEN(2),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    BatteryState(int code) {
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
    public static BatteryState fromCode(int code) {
        for (BatteryState value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
