package io.github.solarwire.core.recorder;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: how long to wait before the n-th retry.
 *
 * <p>The n-th delay is {@code initial × multiplier^(n-1)}, capped at {@code max}, then shortened
 * by a random fraction of up to {@code jitter} so that many clients restarted together do not
 * retry in lock-step. A delay never exceeds {@code max}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param initial the first delay, positive
 * @param max the largest delay, at least {@code initial}
 * @param multiplier growth per attempt, at least 1
 * @param jitter the largest fraction taken off a delay at random, from 0 (none) to 1
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 1 s doubling to 5 min, with 20 % jitter: gentle on a gateway that restarts. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2);

    /**
     * Validates the parameters.
     *
     * @param initial see the record description
     * @param max see the record description
     * @param multiplier see the record description
     * @param jitter see the record description
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be >= 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be within [0, 1], was " + jitter);
        }
    }

    /**
     * A backoff from {@code initial} doubling to {@code max} with 20 % jitter.
     *
     * @param initial the first delay
     * @param max the largest delay
     * @return the backoff
     */
    public static Backoff exponential(Duration initial, Duration max) {
        return new Backoff(initial, max, 2.0, 0.2);
    }

    /**
     * The delay before retry number {@code attempt}.
     *
     * @param attempt 1 for the first retry after a failure, 2 for the next, …
     * @param random the source of jitter
     * @return the delay, between {@code (1 - jitter)} times and exactly the capped exponential value
     */
    public Duration delay(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        double maxNanos = max.toNanos();
        double nanos = initial.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(nanos, maxNanos);
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }
}
