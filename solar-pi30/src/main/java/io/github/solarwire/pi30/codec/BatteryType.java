package io.github.solarwire.pi30.codec;

/**
 * The battery type setting ({@code QPIRI} and {@code QDI} field 12, {@code PBTnn}).
 *
 * <p>Codes 3 to 9 follow the PI30MAX protocol document. mpp-solar's pi30max tables are shifted from
 * code 7 on ({@code QPIRI}) and from code 3 on ({@code QDI}); this table is not.
 */
public enum BatteryType {
    /** Absorbent glass mat lead-acid. */
    AGM(0),
    /** Flooded lead-acid. */
    FLOODED(1),
    /** User-defined voltages. */
    USER(2),
    /** Pylontech lithium (PI30MAX). */
    PYLONTECH(3),
    /** Shinheung lithium (PI30MAX). */
    SHINHEUNG(4),
    /** WECO lithium (PI30MAX). */
    WECO(5),
    /** Soltaro lithium (PI30MAX). */
    SOLTARO(6),
    /** BAK lithium (PI30MAX). */
    BAK(7),
    /** A lithium battery speaking the "LIb" BMS protocol (PI30MAX). */
    LIB(8),
    /** A third-party lithium battery, "Lic" (PI30MAX). */
    LIC(9),
    /** A code this library does not know. */
    UNKNOWN(-1);

    private final int code;

    BatteryType(int code) {
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
    public static BatteryType fromCode(int code) {
        for (BatteryType value : values()) {
            if (value.code == code && value != UNKNOWN) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
