package io.github.solarwire.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * When an on-disk outbox forces its writes from the operating system's cache to the disk
 * ({@code fsync}).
 *
 * <p>Every append and every acknowledgement is written straight to the operating system (there is
 * no buffer in the process), so a crash of the process alone never loses one, whatever the policy.
 * The policy decides what a power cut or a kernel crash may lose:
 *
 * <ul>
 *   <li>{@link #everyWrite()}: nothing, at the price of waiting for the disk on every append and
 *       acknowledgement (milliseconds each, far more on an SD card, and wear on flash);
 *   <li>{@link #every(Duration)}: at most the appends and acknowledgements of the last interval.
 *       A background thread syncs at most once per interval and only when something was written.
 *       A lost acknowledgement means the message is sent again (at least once), never lost;
 *   <li>{@link #never()}: whatever the operating system had not written yet (on Linux typically up
 *       to 30 s). For a tmpfs or tests.
 * </ul>
 *
 * <p>Except under {@code never()}, the outbox also syncs a segment file when it is full, its
 * acknowledgement log before it deletes a segment or replaces the log, and everything on close.
 * The default is {@link #DEFAULT}: once a second. Immutable and thread-safe.
 */
public final class FsyncPolicy {

    /** Sync at most once a second: the default. */
    public static final FsyncPolicy DEFAULT = new FsyncPolicy(1000);

    private static final long EVERY_WRITE = 0;
    private static final long NEVER = -1;

    /** Milliseconds between syncs, or EVERY_WRITE or NEVER. */
    private final long intervalMillis;

    private FsyncPolicy(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * Syncs every append and every acknowledgement before the call returns.
     *
     * @return the policy
     */
    public static FsyncPolicy everyWrite() {
        return new FsyncPolicy(EVERY_WRITE);
    }

    /**
     * Syncs from a background thread at most once per interval, when something was written.
     *
     * @param interval the interval, from 1 ms to 1 hour
     * @return the policy
     * @throws IllegalArgumentException when the interval is out of range
     */
    public static FsyncPolicy every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("fsync interval must be from 1 ms to 1 h, was " + interval);
        }
        return new FsyncPolicy(interval.toMillis());
    }

    /**
     * Never syncs: the operating system writes when it likes.
     *
     * @return the policy
     */
    public static FsyncPolicy never() {
        return new FsyncPolicy(NEVER);
    }

    /** Whether every write is synced before returning. */
    boolean syncsEveryWrite() {
        return intervalMillis == EVERY_WRITE;
    }

    /** Whether the outbox ever syncs (anything but never()). */
    boolean syncs() {
        return intervalMillis != NEVER;
    }

    /** The background interval in ms, or 0 when there is no background sync. */
    long backgroundMillis() {
        return intervalMillis > 0 ? intervalMillis : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsyncPolicy p && p.intervalMillis == intervalMillis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(intervalMillis);
    }

    @Override
    public String toString() {
        if (intervalMillis == EVERY_WRITE) {
            return "FsyncPolicy[every write]";
        }
        return intervalMillis == NEVER ? "FsyncPolicy[never]" : "FsyncPolicy[every " + intervalMillis + " ms]";
    }
}
