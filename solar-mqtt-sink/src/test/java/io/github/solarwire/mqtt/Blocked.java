package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a call on a thread of its own and tells when that thread is parked, waiting: how a test sees
 * that an append blocks without sleeping or measuring time.
 */
final class Blocked<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread thread;

    Blocked(String name, Callable<T> call) {
        thread = new Thread(
                () -> {
                    started.countDown();
                    try {
                        result.complete(call.call());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits (the caller bounds this with a timeout) until the thread is parked in a wait. */
    Blocked<T> awaitParked() throws InterruptedException {
        started.await();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertFalse(result.isDone(), "the call returned instead of blocking: " + result);
            Thread.onSpinWait();
        }
        return this;
    }

    void interrupt() {
        thread.interrupt();
    }

    CompletableFuture<T> result() {
        return result;
    }
}
