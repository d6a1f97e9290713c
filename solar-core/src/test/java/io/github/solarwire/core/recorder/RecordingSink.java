package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps every reading it accepted, thread-safely, and counts its calls. Subclasses
 * make it fail or block in {@link #beforeAccept}.
 */
class RecordingSink implements Sink {

    private final String name;
    private final List<Reading> accepted = new ArrayList<>();
    final Counter acceptedCount = new Counter();
    final Counter acceptCalls = new Counter();
    final Counter flushes = new Counter();
    /**
     * How many readings had been accepted at the latest flush. The recorder flushes a sink only
     * after its delivered counter took the batch, so waiting on this makes that counter exact.
     */
    final Counter flushedThrough = new Counter();

    final Counter closes = new Counter();
    /** How many readings had been accepted when close() was first called; -1 before. */
    volatile long acceptedAtClose = -1;
    /** How many readings had been flushed when close() was first called; -1 before. */
    volatile long flushedAtClose = -1;

    RecordingSink(String name) {
        this.name = name;
    }

    /** Runs before a reading is taken; may throw (not taken) or block. */
    void beforeAccept(Reading reading, long call) throws IOException {}

    @Override
    public final void accept(Reading reading) throws IOException {
        long call = acceptCalls.increment();
        beforeAccept(reading, call);
        synchronized (accepted) {
            accepted.add(reading);
        }
        acceptedCount.increment();
    }

    List<Reading> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    @Override
    public void flush() {
        flushes.increment();
        flushedThrough.raiseTo(acceptedCount.get());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (closes.increment() == 1) {
            acceptedAtClose = acceptedCount.get();
            flushedAtClose = flushedThrough.get();
        }
    }
}
