package io.github.solarwire.mqtt;

/** What an {@link Outbox} does with a new message when it is full. */
public enum OverflowPolicy {
    /** Drop the oldest messages to make room; every drop is counted and logged. */
    DROP_OLDEST,
    /** Make the caller wait until acknowledgements make room. */
    BLOCK
}
