package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Device;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.StreamingDevice;
import io.github.solarwire.core.recorder.DeviceHealth.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one device on its own thread: open, poll or stream, and on failure close, back off and open
 * again, until the recorder stops.
 */
final class DeviceRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final Device device;
    private final Duration interval;
    private final Backoff backoff;
    private final Pauser pauser;
    private final Consumer<Reading> publish;
    private final SplittableRandom random;
    private final FailureLog failures;

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile State state = State.STARTING;
    private volatile Instant lastReading;
    private volatile String lastError;
    /** Completed to end the current stream early: by the stream itself or by {@link #stop()}. */
    private volatile CompletableFuture<Throwable> streamEnd = new CompletableFuture<>();

    private volatile int attempt;
    private volatile boolean readInSession;

    DeviceRunner(
            Device device, Duration interval, Backoff backoff, Pauser pauser, Consumer<Reading> publish, long seed) {
        this.device = device;
        this.interval = interval;
        this.backoff = backoff;
        this.pauser = pauser;
        this.publish = publish;
        this.random = new SplittableRandom(seed);
        this.failures = new FailureLog(LOG, "device " + device.info().id());
    }

    Device device() {
        return device;
    }

    @Override
    public void run() {
        boolean opened = false;
        try {
            while (!pauser.released()) {
                try {
                    device.open();
                } catch (Exception e) {
                    failed("open", e);
                    if (!backOff()) {
                        break;
                    }
                    continue;
                }
                if (opened) {
                    reconnects.incrementAndGet();
                    LOG.info("device {}: reconnected", device.info().id());
                }
                opened = true;
                state = State.CONNECTED;
                readInSession = false;
                boolean keepGoing = device instanceof PolledDevice polled ? pollUntilFailure(polled) : streamUntilEnd();
                closeQuietly();
                if (!keepGoing || !backOff()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
            state = State.STOPPED;
        }
    }

    void stop() {
        streamEnd.complete(null);
    }

    /** Polls at a fixed rate; returns false when the recorder stops, true after a link failure. */
    private boolean pollUntilFailure(PolledDevice polled) throws InterruptedException {
        long next = System.nanoTime();
        long step = interval.toNanos();
        while (true) {
            try {
                List<Reading> batch = polled.poll();
                polls.incrementAndGet();
                batch.forEach(this::deliver);
                succeeded();
            } catch (ProtocolException e) {
                failed("poll", e, "polling again at the next interval");
            } catch (Exception e) {
                failed("poll", e);
                return true;
            }
            long now = System.nanoTime();
            next += step;
            if (next - now < 0) {
                next = now + step - Math.floorMod(now - next, step);
            }
            if (!pauser.pause(Duration.ofNanos(next - now))) {
                return false;
            }
        }
    }

    /** Streams until the stream ends; returns false when the recorder stops, true after a failure. */
    private boolean streamUntilEnd() throws InterruptedException {
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        streamEnd = end;
        if (pauser.released()) {
            return false;
        }
        try {
            CompletionStage<Void> stage = ((StreamingDevice) device).stream(this::deliverFromStream);
            polls.incrementAndGet();
            stage.whenComplete((ignored, failure) ->
                    end.complete(failure == null ? new IllegalStateException("stream ended") : failure));
        } catch (Exception e) {
            failed("stream", e);
            return true;
        }
        Throwable reason;
        try {
            reason = end.get();
        } catch (ExecutionException e) {
            reason = e.getCause();
        }
        if (reason == null || pauser.released()) {
            return false;
        }
        failed("stream", reason);
        return true;
    }

    private void deliverFromStream(Reading reading) {
        deliver(reading);
        if (!readInSession) {
            readInSession = true;
            succeeded();
        }
    }

    private void deliver(Reading reading) {
        readings.incrementAndGet();
        lastReading = reading.timestamp();
        publish.accept(reading);
    }

    private void succeeded() {
        attempt = 0;
        failures.succeeded();
    }

    private void failed(String action, Throwable e) {
        failed(action, e, "reconnecting with backoff");
    }

    private void failed(String action, Throwable e, String next) {
        errors.incrementAndGet();
        lastError = action + ": " + FailureLog.describe(e);
        failures.failed(action, e, next);
    }

    private boolean backOff() throws InterruptedException {
        state = State.BACKING_OFF;
        attempt++;
        return pauser.pause(backoff.delay(attempt, random));
    }

    void closeQuietly() {
        try {
            device.close();
        } catch (Exception e) {
            LOG.debug("device {}: close failed: {}", device.info().id(), FailureLog.describe(e));
        }
    }

    DeviceHealth health() {
        return new DeviceHealth(
                device.info().id(),
                state,
                readings.get(),
                polls.get(),
                errors.get(),
                reconnects.get(),
                Optional.ofNullable(lastReading),
                Optional.ofNullable(lastError));
    }
}
