package io.github.solarwire.pi30.codec;

/**
 * The machine type ({@code QPIRI} field 19).
 */
public enum MachineType {
    /** Grid-tie. */
    GRID_TIE(0),
    /** Off-grid. */
    OFF_GRID(1),
    /** Hybrid. */
    HYBRID(10),
    /** Off-grid with two solar trackers. */
    OFF_GRID_2_TRACKERS(11),
    /** Off-grid with three solar trackers. */
    OFF_GRID_3_TRACKERS(20),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    MachineType(int code) {
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
    public static MachineType fromCode(int code) {
        for (MachineType value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
