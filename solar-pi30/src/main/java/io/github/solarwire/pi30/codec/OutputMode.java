package io.github.solarwire.pi30.codec;

/**
 * The output mode of one inverter in a system ({@code QPIRI}/{@code QDI}/{@code QPGSn}/{@code QOPM}, {@code POPMmn}).
 */
public enum OutputMode {
    /** A single machine. */
    SINGLE(0),
    /** Parallel output. */
    PARALLEL(1),
    /** Phase 1 of a three-phase system. */
    THREE_PHASE_1(2),
    /** Phase 2 of a three-phase system. */
    THREE_PHASE_2(3),
    /** Phase 3 of a three-phase system. */
    THREE_PHASE_3(4),
    /** Phase 1 of a split-phase system. */
    SPLIT_PHASE_1(5),
    /** Phase 2 of a split-phase system, 120° apart. */
    SPLIT_PHASE_2_120(6),
    /** Phase 2 of a split-phase system, 180° apart (PI30MAX LV models). */
    SPLIT_PHASE_2_180(7),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    OutputMode(int code) {
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
    public static OutputMode fromCode(int code) {
        for (OutputMode value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
