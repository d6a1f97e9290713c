package io.github.solarwire.core.recorder;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Waits out a backoff or a poll interval, waking early when its latch is released. Tests pass an
 * adjustment that records each requested delay and shortens it.
 */
final class Pauser {

    private final CountDownLatch wake;
    private final UnaryOperator<Duration> adjust;

    Pauser(CountDownLatch wake, UnaryOperator<Duration> adjust) {
        this.wake = wake;
        this.adjust = adjust;
    }

    /** Waits; false when woken by the latch (the caller should stop). */
    boolean pause(Duration requested) throws InterruptedException {
        Duration d = adjust.apply(requested);
        return !wake.await(Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Waits regardless of the latch (used while draining, bounded by the caller). */
    void sleep(Duration requested) throws InterruptedException {
        Duration d = adjust.apply(requested);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, d.toNanos()));
    }

    boolean released() {
        return wake.getCount() == 0;
    }
}
