package io.github.solarwire.core.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void growsExponentiallyWithoutJitter() {
        Backoff b = new Backoff(ms(100), Duration.ofHours(1), 2.0, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertEquals(ms(100L << (attempt - 1)), b.delay(attempt, random), "attempt " + attempt);
        }
    }

    @Test
    void nonIntegerMultiplier() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 1.5, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(ms(1000), b.delay(1, random));
        assertEquals(ms(1500), b.delay(2, random));
        assertEquals(ms(2250), b.delay(3, random));
        assertEquals(ms(3375), b.delay(4, random));
    }

    @Test
    void multiplierOfOneIsAConstantDelay() {
        Backoff b = new Backoff(ms(250), ms(250), 1.0, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 50; attempt++) {
            assertEquals(ms(250), b.delay(attempt, random));
        }
    }

    @Test
    void isCappedAtMax() {
        Backoff b = new Backoff(ms(10), ms(40), 2.0, 0.0);
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(ms(10), b.delay(1, random));
        assertEquals(ms(20), b.delay(2, random));
        assertEquals(ms(40), b.delay(3, random));
        assertEquals(ms(40), b.delay(4, random));
        assertEquals(ms(40), b.delay(1000, random));
        assertEquals(ms(40), b.delay(Integer.MAX_VALUE, random));
    }

    @Test
    void jitterKeepsEveryDelayWithinItsBounds() {
        double jitter = 0.3;
        Backoff b = new Backoff(ms(100), Duration.ofSeconds(30), 2.0, jitter);
        SplittableRandom random = new SplittableRandom(20261129L);
        for (int attempt = 1; attempt <= 20; attempt++) {
            long full = Math.min(
                    100_000_000L << Math.min(attempt - 1, 20),
                    Duration.ofSeconds(30).toNanos());
            long lowest = (long) Math.floor(full * (1 - jitter));
            long shortest = Long.MAX_VALUE;
            long longest = 0;
            for (int draw = 0; draw < 2_000; draw++) {
                long nanos = b.delay(attempt, random).toNanos();
                assertTrue(nanos >= lowest && nanos <= full, "attempt " + attempt + ": " + nanos + " ns");
                shortest = Math.min(shortest, nanos);
                longest = Math.max(longest, nanos);
            }
            // The draws really spread over the range rather than sitting at one end.
            assertTrue(shortest < full - (full - lowest) * 0.9, "attempt " + attempt + " shortest " + shortest);
            assertTrue(longest > lowest + (full - lowest) * 0.9, "attempt " + attempt + " longest " + longest);
        }
    }

    @Test
    void fullJitterStaysWithinZeroAndTheDelay() {
        Backoff b = new Backoff(ms(10), ms(10), 1.0, 1.0);
        SplittableRandom random = new SplittableRandom(7);
        for (int draw = 0; draw < 10_000; draw++) {
            Duration d = b.delay(1, random);
            assertTrue(!d.isNegative() && d.compareTo(ms(10)) <= 0, d.toString());
        }
    }

    @Test
    void sameSeedSameDelays() {
        Backoff b = Backoff.DEFAULT;
        SplittableRandom r1 = new SplittableRandom(99);
        SplittableRandom r2 = new SplittableRandom(99);
        for (int attempt = 1; attempt <= 30; attempt++) {
            assertEquals(b.delay(attempt, r1), b.delay(attempt, r2));
        }
    }

    @Test
    void defaultAndExponentialFactory() {
        assertEquals(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2), Backoff.DEFAULT);
        Backoff b = Backoff.exponential(ms(5), ms(500));
        assertEquals(ms(5), b.initial());
        assertEquals(ms(500), b.max());
        assertEquals(2.0, b.multiplier());
        assertEquals(0.2, b.jitter());
    }

    @Test
    void rejectsNonPositiveInitial() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, ms(10), 2.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(-1), ms(10), 2.0, 0.0));
    }

    @Test
    void rejectsMaxBelowInitial() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(9), 2.0, 0.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsBadMultipliers(double multiplier) {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(40), multiplier, 0.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsBadJitter(double jitter) {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(40), 2.0, jitter));
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new Backoff(null, ms(40), 2.0, 0.0));
        assertThrows(NullPointerException.class, () -> new Backoff(ms(10), null, 2.0, 0.0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsAttemptBelowOne(int attempt) {
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.delay(attempt, new SplittableRandom(1)));
    }
}
