package io.github.solarwire.pi30.codec;

/**
 * The nominal voltage of the battery bank ({@code QPIRI} field 7), which sets the ranges of the
 * battery voltage settings ({@code PBCV}, {@code PBDV}, {@code PSDV}, {@code PCVV}, {@code PBFT}).
 */
public enum BatteryBank {
    /** A 12 V bank. */
    V12(12),
    /** A 24 V bank. */
    V24(24),
    /** A 48 V bank. */
    V48(48);

    private final int volts;

    BatteryBank(int volts) {
        this.volts = volts;
    }

    /**
     * The nominal voltage.
     *
     * @return 12, 24 or 48
     */
    public int volts() {
        return volts;
    }

    /**
     * The bank for a battery rating voltage as {@code QPIRI} reports it.
     *
     * @param ratingVolts the battery rating voltage, e.g. 48.0
     * @return the bank
     * @throws IllegalArgumentException when the rating is not 12, 24 or 48 V
     */
    public static BatteryBank fromRating(double ratingVolts) {
        for (BatteryBank bank : values()) {
            if (Math.abs(bank.volts - ratingVolts) < 0.05) {
                return bank;
            }
        }
        throw new IllegalArgumentException("battery rating " + ratingVolts + " V; allowed: 12, 24 or 48 V");
    }
}
