package io.github.solarwire.core.recorder;

import java.util.concurrent.TimeUnit;

/** A counter that tests can wait on: {@link #awaitAtLeast} blocks until it reaches a value. */
final class Counter {

    private long value;

    synchronized long increment() {
        value++;
        notifyAll();
        return value;
    }

    /** Raises the count to {@code target} when it is lower. */
    synchronized void raiseTo(long target) {
        if (target > value) {
            value = target;
            notifyAll();
        }
    }

    synchronized long get() {
        return value;
    }

    /** Waits until the count is at least {@code target}; false when the timeout ran out first. */
    synchronized boolean awaitAtLeast(long target, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (value < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits the usual 10 s. */
    boolean awaitAtLeast(long target) throws InterruptedException {
        return awaitAtLeast(target, 10, TimeUnit.SECONDS);
    }
}
