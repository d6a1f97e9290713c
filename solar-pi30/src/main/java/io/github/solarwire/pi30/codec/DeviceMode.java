package io.github.solarwire.pi30.codec;

/** The device mode letter of {@code QMOD} and of {@code QPGSn} field 2. */
public enum DeviceMode {
    /** {@code P}: power on. */
    POWER_ON('P'),
    /** {@code S}: standby. */
    STANDBY('S'),
    /** {@code L}: line (grid) mode. */
    LINE('L'),
    /** {@code B}: battery (inverting) mode. */
    BATTERY('B'),
    /** {@code F}: fault. */
    FAULT('F'),
    /** {@code H}: power saving. */
    POWER_SAVING('H'),
    /** {@code D}: shutdown (PI30MAX). */
    SHUTDOWN('D'),
    /** {@code Y}: bypass (mpp-solar's pi30 table). */
    BYPASS('Y'),
    /** A letter this library does not know. */
    UNKNOWN('?');

    private final char letter;

    DeviceMode(char letter) {
        this.letter = letter;
    }

    /**
     * The letter as sent.
     *
     * @return the letter, or {@code ?} for {@link #UNKNOWN}
     */
    public char letter() {
        return letter;
    }

    /**
     * The mode for a letter.
     *
     * @param letter the letter as sent
     * @return the mode, or {@link #UNKNOWN}
     */
    public static DeviceMode fromLetter(char letter) {
        for (DeviceMode mode : values()) {
            if (mode.letter == letter && mode != UNKNOWN) {
                return mode;
            }
        }
        return UNKNOWN;
    }
}
