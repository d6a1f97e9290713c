package io.github.solarwire.mqtt;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where MQTT messages wait until the broker has acknowledged them: every message is stored before
 * it is published and removed only on its acknowledgement (PUBACK for QoS 1), so neither a broker
 * outage nor a restart of the process loses one.
 *
 * <p>Messages get increasing sequence numbers and are handed out in that order. {@link #next(int)}
 * hands out messages not yet in flight; {@link #acknowledge(long)} removes one; {@link #rewind()}
 * makes every unacknowledged message pending again, oldest first (after a reconnect). Delivery is
 * therefore at least once: a message in flight when the connection dropped is sent again.
 *
 * <p>An outbox is bounded by bytes and by age. When a new message does not fit, the {@link
 * OverflowPolicy} decides: drop the oldest messages (counted in {@link #dropped()}) or block the
 * caller until acknowledgements make room. Messages older than the age bound are dropped (and
 * counted) as they are found: by {@link #append} and {@link #next}, oldest first. Every drop is
 * counted exactly and logged at WARN, at most once per burst.
 *
 * <p>Implementations are thread-safe: one thread appends while another publishes and acknowledges.
 * After {@link #close()}, {@code append} throws, {@code next} returns nothing, and {@code
 * acknowledge} and {@code rewind} do nothing (an on-disk outbox hands the message out again after
 * it is reopened: at least once).
 *
 * <pre>{@code
 * try (Outbox outbox = Outbox.onDisk(Path.of("/var/lib/solar/outbox")).maxAge(Duration.ofDays(2)).build()) {
 *     long seq = outbox.append("solar/inv-1/state", json, false);
 *     for (Outbox.Message m : outbox.next(10)) { ... publish, and on PUBACK: outbox.acknowledge(m.sequence()); }
 * }
 * }</pre>
 */
public interface Outbox extends Closeable {

    /**
     * Starts building an outbox kept in memory: fast, but lost with the process.
     *
     * @return a builder with the defaults (64 MiB, 7 days, {@link OverflowPolicy#DROP_OLDEST})
     */
    static MemoryOutboxBuilder inMemory() {
        return new MemoryOutboxBuilder();
    }

    /**
     * Starts building an outbox kept in a directory of its own, which survives a restart.
     *
     * @param directory the directory, created when missing; one outbox at a time may use it
     * @return a builder with the defaults (64 MiB, 7 days, {@link OverflowPolicy#DROP_OLDEST},
     *     {@link FsyncPolicy#DEFAULT})
     */
    static DiskOutboxBuilder onDisk(Path directory) {
        return new DiskOutboxBuilder(directory);
    }

    /**
     * A stored message.
     *
     * @param sequence its place in the outbox, increasing from 1
     * @param topic the MQTT topic
     * @param payload the payload bytes; callers must not modify them
     * @param retain whether the broker should retain it
     * @param storedAtMillis when it was appended, in epoch milliseconds
     */
    record Message(long sequence, String topic, byte[] payload, boolean retain, long storedAtMillis) {}

    /**
     * Stores a message. When it does not fit, the {@link OverflowPolicy} drops the oldest messages
     * (in flight or not) or blocks until acknowledgements, or expired messages dropped by {@link
     * #next}, make room. The outbox keeps its own copy of the payload.
     *
     * @param topic the MQTT topic, 1 to 65535 bytes in UTF-8
     * @param payload the payload
     * @param retain whether the broker should retain it
     * @return its sequence number
     * @throws IOException when it could not be stored (the caller still holds it), also when the
     *     outbox is or gets closed
     * @throws InterruptedException when blocked by a full outbox and interrupted
     * @throws IllegalArgumentException when the topic is empty or too long, or when topic and
     *     payload together are larger than the outbox's byte bound, so that it could never fit
     */
    long append(String topic, byte[] payload, boolean retain) throws IOException, InterruptedException;

    /**
     * Hands out pending messages, oldest first, and marks them in flight. Never blocks for room;
     * an on-disk outbox reads the messages from its files.
     *
     * @param max the most messages to hand out, at least 1
     * @return up to {@code max} messages, empty when none is pending
     * @throws UncheckedIOException when an on-disk outbox could not read its files; the messages
     *     stay pending
     * @throws IllegalArgumentException when {@code max} is less than 1
     */
    List<Message> next(int max);

    /**
     * Removes a message the broker acknowledged. Acknowledgements may arrive out of order. A
     * sequence number that is not stored (already acknowledged, dropped, or never handed out) is
     * ignored.
     *
     * @param sequence the message's sequence number
     * @throws IOException when the removal could not be recorded
     */
    void acknowledge(long sequence) throws IOException;

    /**
     * Removes several messages the broker acknowledged, as {@link #acknowledge(long)} does each, but
     * recorded together: one write to an on-disk outbox's removal log instead of one per message.
     *
     * @param sequences the messages' sequence numbers, in any order
     * @throws IOException when the removals could not be recorded
     */
    default void acknowledge(long[] sequences) throws IOException {
        for (long sequence : sequences) {
            acknowledge(sequence);
        }
    }

    /**
     * Makes every unacknowledged message pending again, oldest first. A message dropped while in
     * flight stays dropped.
     */
    void rewind();

    /**
     * Messages stored and not yet acknowledged.
     *
     * @return the count
     */
    long size();

    /**
     * Payload and topic bytes (UTF-8) of the messages stored and not yet acknowledged: what the
     * byte bound limits. Framing and file overhead are not counted.
     *
     * @return the byte count
     */
    long bytes();

    /**
     * Messages dropped since this outbox was opened because it was full, they were too old, or
     * (on disk) they no longer read back intact.
     *
     * @return the count
     */
    long dropped();

    /**
     * Closes the outbox and wakes an appender blocked on it. An on-disk outbox syncs its files
     * (unless its {@link FsyncPolicy} is {@link FsyncPolicy#never() never}) and releases its
     * directory. Idempotent.
     *
     * @throws IOException when the files could not be synced or closed
     */
    @Override
    void close() throws IOException;
}
