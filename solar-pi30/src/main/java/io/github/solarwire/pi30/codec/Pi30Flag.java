package io.github.solarwire.pi30.codec;

import java.util.Optional;

/**
 * A setting that {@code QFLAG} reports and {@code PE<x>} / {@code PD<x>} enable or disable, by its
 * letter.
 */
public enum Pi30Flag {
    /** {@code a}: buzzer. */
    BUZZER('a'),
    /** {@code b}: overload bypass. */
    OVERLOAD_BYPASS('b'),
    /** {@code j}: power saving (not on PI30MAX). */
    POWER_SAVING('j'),
    /** {@code k}: LCD returns to the default page after a minute. */
    LCD_RETURN_TO_DEFAULT('k'),
    /** {@code u}: restart after an overload. */
    OVERLOAD_RESTART('u'),
    /** {@code v}: restart after over-temperature. */
    OVER_TEMPERATURE_RESTART('v'),
    /** {@code x}: LCD backlight. */
    BACKLIGHT('x'),
    /** {@code y}: alarm when the primary source is interrupted. */
    SOURCE_INTERRUPT_ALARM('y'),
    /** {@code z}: record fault codes. */
    FAULT_CODE_RECORD('z'),
    /** {@code l}: data-log pop-up (MKS Plus Duo). */
    DATA_LOG_POPUP('l'),
    /** {@code d}: solar feed to grid (PI30MAX). */
    SOLAR_FEED_TO_GRID('d');

    private final char letter;

    Pi30Flag(char letter) {
        this.letter = letter;
    }

    /**
     * The letter used by {@code QFLAG}, {@code PE} and {@code PD}.
     *
     * @return the lower-case letter
     */
    public char letter() {
        return letter;
    }

    /**
     * Whether a protocol variant has this flag ({@code j} is not on PI30MAX, {@code d} only there).
     *
     * @param protocol the protocol variant
     * @return true when the variant knows the flag
     */
    public boolean supportedBy(Pi30Protocol protocol) {
        return switch (this) {
            case POWER_SAVING -> protocol != Pi30Protocol.PI30MAX;
            case SOLAR_FEED_TO_GRID -> protocol == Pi30Protocol.PI30MAX;
            default -> true;
        };
    }

    /**
     * The flag for a letter.
     *
     * @param letter the letter as sent
     * @return the flag, or empty for a letter this library does not know
     */
    public static Optional<Pi30Flag> fromLetter(char letter) {
        for (Pi30Flag flag : values()) {
            if (flag.letter == letter) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
