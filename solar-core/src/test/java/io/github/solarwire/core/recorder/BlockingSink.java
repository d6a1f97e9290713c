package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Reading;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;

/** Blocks every accept call until {@link #release()}: a sink that is stuck or very slow. */
final class BlockingSink extends RecordingSink {

    private final CountDownLatch gate = new CountDownLatch(1);
    /** Counted up each time an accept call starts waiting at the gate. */
    final Counter entered = new Counter();

    BlockingSink(String name) {
        super(name);
    }

    void release() {
        gate.countDown();
    }

    @Override
    void beforeAccept(Reading reading, long call) throws InterruptedIOException {
        entered.increment();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while blocked");
        }
    }
}
