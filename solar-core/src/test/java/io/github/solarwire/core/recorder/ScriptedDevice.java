package io.github.solarwire.core.recorder;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A polled device following a script: its first opens may fail, chosen poll calls (numbered from 1
 * over the device's life) throw an {@link IOException} or a {@link ProtocolException}, and one
 * poll call may hang until {@link #resume()} or {@link #close()}. Every successful poll yields
 * the next numbered reading until {@link #limit} readings were given, then empty lists.
 */
final class ScriptedDevice implements PolledDevice {

    final DeviceInfo info;
    private int failOpens;
    private final Set<Long> ioFailures = new HashSet<>();
    private final Set<Long> protocolFailures = new HashSet<>();
    private long limit = Long.MAX_VALUE;
    private long holdAt;
    private Duration defaultInterval = PolledDevice.super.defaultInterval();

    final Counter openAttempts = new Counter();
    final Counter opens = new Counter();
    final Counter closes = new Counter();
    final Counter pollCalls = new Counter();
    /** How many times close() had been called when each successful open happened. */
    final List<Long> closesAtOpen = new CopyOnWriteArrayList<>();
    /** Names of the threads that called close(). */
    final List<String> closeThreads = new CopyOnWriteArrayList<>();
    /** Counted down when the held poll call has started. */
    final CountDownLatch held = new CountDownLatch(1);

    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean open;
    private long given;

    ScriptedDevice(String id) {
        this.info = DeviceInfo.builder(id, "inverter").build();
    }

    ScriptedDevice failOpens(int n) {
        this.failOpens = n;
        return this;
    }

    ScriptedDevice ioFailureAt(long... calls) {
        for (long c : calls) {
            ioFailures.add(c);
        }
        return this;
    }

    ScriptedDevice protocolFailureAt(long... calls) {
        for (long c : calls) {
            protocolFailures.add(c);
        }
        return this;
    }

    /** Gives at most {@code n} readings in all; later polls return empty lists. */
    ScriptedDevice limit(long n) {
        this.limit = n;
        return this;
    }

    /** Poll call {@code call} hangs until {@link #resume()} or {@link #close()}. */
    ScriptedDevice holdAt(long call) {
        this.holdAt = call;
        return this;
    }

    ScriptedDevice defaultInterval(Duration interval) {
        this.defaultInterval = interval;
        return this;
    }

    @Override
    public Duration defaultInterval() {
        return defaultInterval;
    }

    void resume() {
        release.countDown();
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public void open() throws IOException {
        long attempt = openAttempts.increment();
        if (attempt <= failOpens) {
            throw new IOException("scripted open failure " + attempt);
        }
        closesAtOpen.add(closes.get());
        open = true;
        opens.increment();
    }

    @Override
    public List<Reading> poll() throws IOException {
        if (!open) {
            throw new IOException("poll while not open");
        }
        long call = pollCalls.increment();
        if (call == holdAt) {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted in poll");
            }
            if (!open) {
                throw new IOException("closed while polling");
            }
        }
        if (ioFailures.contains(call)) {
            throw new IOException("scripted link failure on poll " + call);
        }
        if (protocolFailures.contains(call)) {
            throw new ProtocolException("scripted bad frame", call, "a frame", "garbage");
        }
        List<Reading> out = new ArrayList<>(1);
        if (given < limit) {
            given++;
            out.add(TestReadings.numbered(info, given));
        }
        return out;
    }

    @Override
    public void close() {
        closeThreads.add(Thread.currentThread().getName());
        open = false;
        closes.increment();
        release.countDown();
    }
}
