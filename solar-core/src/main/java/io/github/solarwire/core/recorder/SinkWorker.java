package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's bounded queue and the thread that empties it. Devices offer readings without ever
 * blocking: when the queue is full the oldest reading is dropped and counted.
 */
final class SinkWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final int BATCH = 512;
    private static final long IDLE_WAIT_MS = 100;

    private final Sink sink;
    private final ArrayBlockingQueue<Reading> queue;
    private final int capacity;
    private final Backoff backoff;
    private final Pauser pauser;
    private final SplittableRandom random;
    private final FailureLog failures;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failureCount = new AtomicLong();
    private volatile boolean overflowing;
    private volatile boolean failing;
    private volatile String lastError;
    /** Nanotime by which the queue must be empty, set when the recorder closes; 0 while running. */
    private volatile long drainDeadline;
    /** Set when the worker has closed its sink: later offers are dropped and counted. */
    private volatile boolean finished;

    private long abandonedInBatch;

    private int attempt;

    SinkWorker(Sink sink, int capacity, Backoff backoff, Pauser pauser, long seed) {
        this.sink = sink;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.backoff = backoff;
        this.pauser = pauser;
        this.random = new SplittableRandom(seed);
        this.failures = new FailureLog(LOG, "sink " + sink.name());
    }

    /** Queues a reading; never blocks. Called from device threads. */
    void offer(Reading reading) {
        if (finished) {
            dropped.incrementAndGet();
            return;
        }
        while (!queue.offer(reading)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    LOG.warn(
                            "sink {}: queue full ({} readings), dropping the oldest until it catches up",
                            sink.name(),
                            capacity);
                }
            }
        }
    }

    void drainBy(long deadlineNanos) {
        drainDeadline = deadlineNanos == 0 ? 1 : deadlineNanos;
    }

    @Override
    public void run() {
        List<Reading> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                Reading first = queue.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (drainDeadline != 0) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                if (!deliver(batch)) {
                    break;
                }
                if (queue.isEmpty()) {
                    if (overflowing) {
                        overflowing = false;
                        LOG.info("sink {}: caught up; {} readings dropped so far", sink.name(), dropped.get());
                    }
                    if (!call(sink::flush)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished = true;
        long abandoned = abandonedInBatch + queue.size();
        dropped.addAndGet(queue.size());
        queue.clear();
        if (abandoned > 0) {
            LOG.warn("sink {}: {} readings not delivered before the drain timeout", sink.name(), abandoned);
        }
        try {
            sink.close();
        } catch (Exception e) {
            LOG.warn("sink {}: close failed: {}", sink.name(), FailureLog.describe(e));
        }
    }

    /** Delivers a batch in order, retrying each reading; false when the drain deadline passed. */
    private boolean deliver(List<Reading> batch) throws InterruptedException {
        for (int i = 0; i < batch.size(); i++) {
            Reading reading = batch.get(i);
            if (!call(() -> sink.accept(reading))) {
                abandonedInBatch = batch.size() - i;
                dropped.addAndGet(abandonedInBatch);
                batch.clear();
                return false;
            }
            delivered.incrementAndGet();
        }
        batch.clear();
        return true;
    }

    /** Calls the sink until it succeeds; false when giving up at the drain deadline. */
    private boolean call(SinkCall call) throws InterruptedException {
        while (true) {
            try {
                call.run();
                if (failing) {
                    failing = false;
                    attempt = 0;
                    failures.succeeded();
                }
                return true;
            } catch (Exception e) {
                failing = true;
                failureCount.incrementAndGet();
                lastError = FailureLog.describe(e);
                failures.failed("write", e, "retrying the same reading with backoff");
                Duration delay = backoff.delay(++attempt, random);
                long deadline = drainDeadline;
                if (deadline != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    delay = delay.compareTo(Duration.ofNanos(left)) > 0 ? Duration.ofNanos(left) : delay;
                    pauser.sleep(delay);
                } else {
                    pauser.pause(delay);
                }
            }
        }
    }

    SinkHealth health() {
        return new SinkHealth(
                sink.name(),
                delivered.get(),
                dropped.get(),
                failureCount.get(),
                queue.size(),
                capacity,
                failing,
                Optional.ofNullable(lastError));
    }

    @FunctionalInterface
    private interface SinkCall {
        void run() throws Exception;
    }
}
