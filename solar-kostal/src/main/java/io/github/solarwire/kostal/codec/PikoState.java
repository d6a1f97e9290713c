package io.github.solarwire.kostal.codec;

import java.util.Locale;
import java.util.Set;

/**
 * What the inverter is doing, from its status text in German, English or Dutch (or a port-81
 * status code), with the numbers kostal2mqtt publishes as {@code STATE.flag}.
 */
public enum PikoState {
    /** No status known (no page, no status cell): flag -1. */
    NO_DATA(-1),
    /** A status that is none of the others, e.g. starting: flag 0. */
    OTHER(0),
    /** Switched off, typically at night ("Aus", "Off", "Uit"): flag 1. */
    OFF(1),
    /** Idle, not feeding ("Leerlauf", "Idle", "Standby"): flag 2. */
    IDLE(2),
    /** Feeding the grid ("Einspeisen MPP", "supply MPP", "Feed in MPP", "toevoer MPP"): flag 3. */
    FEEDING(3);

    // First words of the status texts; lower case. Dutch "rust" and "stand-by" are guesses.
    private static final Set<String> OFF_WORDS = Set.of("aus", "off", "uit");
    private static final Set<String> IDLE_WORDS = Set.of("leerlauf", "idle", "standby", "stand-by", "rust");
    private static final Set<String> FEEDING_WORDS =
            Set.of("einspeisen", "einspeisung", "supply", "feed", "feeding", "toevoer", "invoeding", "teruglevering");

    private final int flag;

    PikoState(int flag) {
        this.flag = flag;
    }

    /**
     * The kostal2mqtt {@code STATE.flag} number.
     *
     * @return -1, 0, 1, 2 or 3
     */
    public int flag() {
        return flag;
    }

    /**
     * Maps a status text by its first word, case-insensitively.
     *
     * @param status the status text, or null
     * @return the state; {@link #NO_DATA} for null or blank text
     */
    public static PikoState of(String status) {
        if (status == null || status.isBlank()) {
            return NO_DATA;
        }
        String first = status.strip().split("[\\s(]+", 2)[0].toLowerCase(Locale.ROOT);
        if (FEEDING_WORDS.contains(first)) {
            return FEEDING;
        }
        if (OFF_WORDS.contains(first)) {
            return OFF;
        }
        if (IDLE_WORDS.contains(first)) {
            return IDLE;
        }
        return OTHER;
    }
}
