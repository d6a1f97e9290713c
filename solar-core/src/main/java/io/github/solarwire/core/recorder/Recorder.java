package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Device;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.StreamingDevice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs devices into sinks: the pipeline every app is built on.
 *
 * <p>Each device runs on a thread of its own: a {@link PolledDevice} is polled at a fixed rate, a
 * {@link StreamingDevice} streams. When opening, polling or streaming fails, the device is closed
 * and opened again after an exponential {@link Backoff} with jitter; a {@link
 * io.github.solarwire.core.ProtocolException} from a poll (one bad answer) is counted and the next
 * poll goes ahead without reconnecting.
 *
 * <p>Each sink has a bounded queue and a thread of its own, so a slow or failing sink never stalls
 * another sink or a device. A full queue drops its oldest reading, counted in {@link
 * SinkHealth#dropped()} and logged once per burst. A sink that throws is retried with backoff on
 * the same reading, so readings reach it in order and none is skipped while it recovers;
 * failures are logged once per burst.
 *
 * <p>{@link #close()} stops the devices, then lets every sink drain its queue (bounded by the
 * drain timeout), flushes and closes it. {@link #health()} may be called at any time from any
 * thread. All methods of this class are thread-safe.
 *
 * <pre>{@code
 * try (Recorder recorder = Recorder.builder()
 *         .poll(inverter, Duration.ofSeconds(10))
 *         .sink(JsonLinesSink.toFile(Path.of("solar.jsonl")))
 *         .build()) {
 *     recorder.start();
 *     Thread.sleep(60_000);
 * }
 * }</pre>
 */
public final class Recorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    private final List<DeviceRunner> devices;
    private final List<SinkWorker> sinks;
    private final Duration drainTimeout;
    private final Duration stopTimeout;
    private final CountDownLatch stopDevices = new CountDownLatch(1);
    private final CountDownLatch drainSinks = new CountDownLatch(1);
    private final CountDownLatch closeDone = new CountDownLatch(1);
    private final List<Thread> deviceThreads = new ArrayList<>();
    private final List<Thread> sinkThreads = new ArrayList<>();
    private final AtomicLong readingsIn = new AtomicLong();
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private Recorder(Builder b) {
        this.drainTimeout = b.drainTimeout;
        this.stopTimeout = b.stopTimeout;
        long seed = b.seed;
        Pauser sinkPauser = new Pauser(drainSinks, b.pauses);
        List<SinkWorker> sinkList = new ArrayList<>();
        for (SinkSpec s : b.sinks) {
            sinkList.add(new SinkWorker(s.sink, s.capacity, b.backoff, sinkPauser, seed++));
        }
        this.sinks = List.copyOf(sinkList);
        Pauser devicePauser = new Pauser(stopDevices, b.pauses);
        List<DeviceRunner> deviceList = new ArrayList<>();
        for (DeviceSpec d : b.devices) {
            deviceList.add(new DeviceRunner(d.device, d.interval, b.backoff, devicePauser, this::publish, seed++));
        }
        this.devices = List.copyOf(deviceList);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the sink threads, then the device threads.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException(closed ? "recorder is closed" : "recorder already started");
            }
            started = true;
            for (SinkWorker worker : sinks) {
                sinkThreads.add(startThread("solar-sink-" + sinkThreads.size(), worker));
            }
            for (DeviceRunner runner : devices) {
                deviceThreads.add(
                        startThread("solar-device-" + runner.device().info().id(), runner));
            }
            LOG.debug("recorder started: {} devices, {} sinks", devices.size(), sinks.size());
        }
    }

    /**
     * Hands a reading to every sink's queue, as a device would. Useful to feed readings that come
     * from elsewhere (a file being replayed, another library). Never blocks.
     *
     * @param reading the reading
     */
    public void publish(Reading reading) {
        Objects.requireNonNull(reading, "reading");
        readingsIn.incrementAndGet();
        for (SinkWorker sink : sinks) {
            sink.offer(reading);
        }
    }

    /**
     * A snapshot of the health counters.
     *
     * @return the counters now
     */
    public RecorderHealth health() {
        return new RecorderHealth(
                readingsIn.get(),
                devices.stream().map(DeviceRunner::health).toList(),
                sinks.stream().map(SinkWorker::health).toList());
    }

    /**
     * Stops the devices, drains every sink's queue (for at most the drain timeout), then flushes
     * and closes the sinks and devices. Idempotent; blocks until done, also when another thread's
     * call is already under way.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (lifecycle) {
            first = !closed;
            closed = true;
        }
        if (!first) {
            awaitClosed();
            return;
        }
        try {
            stop();
        } finally {
            closeDone.countDown();
        }
    }

    /** A later close() waits for the first one to finish, as "blocks until done" promises. */
    private void awaitClosed() {
        try {
            closeDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        stopDevices.countDown();
        devices.forEach(DeviceRunner::stop);
        long stopBy = System.nanoTime() + stopTimeout.toNanos();
        for (int i = 0; i < deviceThreads.size(); i++) {
            Thread thread = deviceThreads.get(i);
            if (!joinUntil(thread, stopBy)) {
                DeviceRunner runner = devices.get(i);
                LOG.warn(
                        "device {}: still busy after {}; closing it",
                        runner.device().info().id(),
                        stopTimeout);
                runner.closeQuietly();
                thread.interrupt();
                joinUntil(thread, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
        }
        long drainBy = System.nanoTime() + drainTimeout.toNanos();
        sinks.forEach(s -> s.drainBy(drainBy));
        drainSinks.countDown();
        if (sinkThreads.isEmpty()) {
            sinks.forEach(SinkWorker::run);
        }
        for (Thread thread : sinkThreads) {
            if (!joinUntil(thread, drainBy + stopTimeout.toNanos())) {
                // Interrupt a sink stuck in a call, then give it a moment to count what it could not
                // deliver as dropped and to close its sink, so that health() is final on return.
                thread.interrupt();
                joinUntil(thread, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            }
        }
        RecorderHealth h = health();
        LOG.debug("recorder closed: {} readings in, {} out, {} dropped", h.readingsIn(), h.readingsOut(), h.dropped());
    }

    private static Thread startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean joinUntil(Thread thread, long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private record DeviceSpec(Device device, Duration interval) {}

    private record SinkSpec(Sink sink, int capacity) {}

    /** Configures a {@link Recorder}. Not thread-safe. */
    public static final class Builder {
        private final List<DeviceSpec> devices = new ArrayList<>();
        private final List<SinkSpec> sinks = new ArrayList<>();
        private int queueCapacity = 10_000;
        private Backoff backoff = Backoff.DEFAULT;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(5);
        private long seed = ThreadLocalRandom.current().nextLong();
        private UnaryOperator<Duration> pauses = UnaryOperator.identity();

        private Builder() {}

        /**
         * Adds a device polled at a fixed rate.
         *
         * @param device the device
         * @param interval time between the starts of two polls; a poll that overruns skips the
         *     ticks it missed
         * @return this builder
         */
        public Builder poll(PolledDevice device, Duration interval) {
            Objects.requireNonNull(device, "device");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive, was " + interval);
            }
            devices.add(new DeviceSpec(device, interval));
            return this;
        }

        /**
         * Adds a device polled at its {@link PolledDevice#defaultInterval() default interval}.
         *
         * @param device the device
         * @return this builder
         */
        public Builder poll(PolledDevice device) {
            return poll(device, device.defaultInterval());
        }

        /**
         * Adds a streaming device.
         *
         * @param device the device
         * @return this builder
         */
        public Builder stream(StreamingDevice device) {
            devices.add(new DeviceSpec(Objects.requireNonNull(device, "device"), Duration.ZERO));
            return this;
        }

        /**
         * Adds any device: polled ones at their default interval.
         *
         * @param device the device
         * @return this builder
         */
        public Builder device(Device device) {
            if (device instanceof PolledDevice polled) {
                return poll(polled);
            }
            return stream((StreamingDevice) device);
        }

        /**
         * Adds a sink with the default queue capacity.
         *
         * @param sink the sink; the recorder closes it
         * @return this builder
         */
        public Builder sink(Sink sink) {
            return sink(sink, queueCapacity);
        }

        /**
         * Adds a sink with its own queue capacity.
         *
         * @param sink the sink; the recorder closes it
         * @param capacity the most readings its queue holds before the oldest is dropped
         * @return this builder
         */
        public Builder sink(Sink sink, int capacity) {
            Objects.requireNonNull(sink, "sink");
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be >= 1, was " + capacity);
            }
            sinks.add(new SinkSpec(sink, capacity));
            return this;
        }

        /**
         * Sets the queue capacity of sinks added after this call without their own. Default 10,000.
         *
         * @param capacity the most readings a queue holds
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity must be >= 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Sets the backoff between reconnects and between retries of a failing sink. Default
         * {@link Backoff#DEFAULT}.
         *
         * @param backoff the backoff
         * @return this builder
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Sets how long {@link Recorder#close()} lets the sinks drain. Default 10 s.
         *
         * @param timeout the drain timeout
         * @return this builder
         */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long {@link Recorder#close()} waits for a busy device before closing it under
         * its feet, and for a sink stuck in a call after the drain timeout before giving up on it.
         * Default 5 s.
         *
         * @param timeout the stop timeout
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Seeds the backoff jitter, for reproducible runs. Random by default.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Test hook: sees each requested pause and returns the one to take. */
        Builder pauses(UnaryOperator<Duration> pauses) {
            this.pauses = Objects.requireNonNull(pauses, "pauses");
            return this;
        }

        /**
         * Builds the recorder; {@link Recorder#start()} starts it.
         *
         * @return the recorder
         */
        public Recorder build() {
            return new Recorder(this);
        }
    }
}
