package io.github.solarwire.mqtt;

import java.time.Clock;

/**
 * What every outbox is configured with, checked by its builder.
 *
 * @param maxBytes the byte bound on topic and payload bytes stored
 * @param maxAgeMillis the age bound in milliseconds
 * @param policy what a full outbox does with a new message
 * @param clock where storage times come from
 */
record OutboxSettings(long maxBytes, long maxAgeMillis, OverflowPolicy policy, Clock clock) {}
