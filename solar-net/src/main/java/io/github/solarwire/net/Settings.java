package io.github.solarwire.net;

import java.time.Duration;
import java.util.Objects;

/** The checks the clients' builders share, so that every bad setting is refused with the same words. */
final class Settings {

    private Settings() {}

    static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
        return d;
    }

    static Duration positiveOrZero(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
        return d;
    }

    static int positive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be positive, was " + n);
        }
        return n;
    }
}
