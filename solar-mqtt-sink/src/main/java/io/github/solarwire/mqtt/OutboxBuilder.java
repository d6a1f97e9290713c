package io.github.solarwire.mqtt;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every {@link Outbox} has: a byte bound, an age bound, an overflow policy and a
 * clock. Obtained from {@link Outbox#inMemory()} or {@link Outbox#onDisk(java.nio.file.Path)}; not
 * thread-safe.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
public abstract sealed class OutboxBuilder<B extends OutboxBuilder<B>> permits MemoryOutboxBuilder, DiskOutboxBuilder {

    /** 64 MiB. */
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** Seven days. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private long maxBytes = DEFAULT_MAX_BYTES;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private OverflowPolicy policy = OverflowPolicy.DROP_OLDEST;
    private Clock clock = Clock.systemUTC();

    OutboxBuilder() {}

    /**
     * Bounds the topic and payload bytes stored (UTF-8 topic plus payload, per message; framing not
     * counted). A single message larger than this is refused. Default 64 MiB.
     *
     * @param maxBytes the bound in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public B maxBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("outbox maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        return self();
    }

    /**
     * Bounds how long a message may wait: one stored longer than this (by the clock) is dropped and
     * counted when the outbox next appends or hands out messages. Default 7 days.
     *
     * @param maxAge the bound, at least one millisecond
     * @return this builder
     * @throws IllegalArgumentException when shorter than a millisecond
     */
    public B maxAge(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("outbox maxAge must be at least 1 ms, was " + maxAge);
        }
        this.maxAge = maxAge;
        return self();
    }

    /**
     * What a full outbox does with a new message. Default {@link OverflowPolicy#DROP_OLDEST}.
     *
     * @param policy the policy
     * @return this builder
     */
    public B policy(OverflowPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /**
     * Where storage times come from, for the age bound. Default {@link Clock#systemUTC()}; tests
     * pass a clock they control.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * Opens the outbox.
     *
     * @return the outbox, to be closed by the caller
     * @throws IOException when its storage cannot be opened
     */
    public abstract Outbox build() throws IOException;

    abstract B self();

    /** The checked settings, also read by tests. */
    OutboxSettings settings() {
        long ageMillis;
        try {
            ageMillis = maxAge.toMillis();
        } catch (ArithmeticException e) {
            ageMillis = Long.MAX_VALUE; // longer than any clock can run: no age bound
        }
        return new OutboxSettings(maxBytes, ageMillis, policy, clock);
    }
}
