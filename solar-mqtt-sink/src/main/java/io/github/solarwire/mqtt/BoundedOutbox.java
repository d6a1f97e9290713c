package io.github.solarwire.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping both outboxes share: sequence numbers, which messages are in flight, the byte
 * and age bounds, the overflow policy and the drop counter. Subclasses keep the message bodies and
 * make removals durable; their hooks are called with the lock held.
 *
 * <p>Messages are handed out strictly in sequence order and {@link #rewind()} makes all of them
 * pending again, so the messages in flight are always exactly those below a cursor: one number
 * replaces a per-message state. A dropped message leaves the map, so neither a rewind nor a late
 * acknowledgement can bring it back.
 *
 * @param <S> what the subclass stores per message
 */
abstract class BoundedOutbox<S extends Stored> implements Outbox {

    static final String FULL = "the outbox is full";
    static final String EXPIRED = "older than the age bound";
    static final String UNREADABLE = "no longer readable on disk";

    /** MQTT encodes a topic's length in two bytes. */
    private static final int MAX_TOPIC_BYTES = 65_535;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final NavigableMap<Long, S> live = new TreeMap<>();
    private final OutboxSettings settings;
    private final DropLog drops;
    private long nextSequence;
    /** Messages below this sequence number are in flight, the others pending. */
    private long cursor;

    private long bytes;
    private long dropped;
    private boolean closed;

    BoundedOutbox(OutboxSettings settings, DropLog drops, List<S> recovered, long nextSequence) {
        this.settings = settings;
        this.drops = drops;
        for (S s : recovered) {
            live.put(s.sequence(), s);
            bytes += s.bytes();
        }
        this.nextSequence = nextSequence;
    }

    /** Stores a message body; on failure nothing may be left behind that a reader would see. */
    abstract S store(
            long sequence, String topic, byte[] topicBytes, byte[] payload, boolean retain, long storedAtMillis)
            throws IOException;

    /** Reads a stored message back, or returns null when it no longer reads back intact. */
    abstract Message load(S stored) throws IOException;

    /** Called after messages left the outbox (acknowledged or dropped): make that durable. */
    abstract void removed(List<S> gone) throws IOException;

    /** Releases the storage; called once, by the first close. */
    abstract void closeStorage() throws IOException;

    @Override
    public final long append(String topic, byte[] payload, boolean retain) throws IOException, InterruptedException {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        if (topicBytes.length == 0 || topicBytes.length > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException(
                    "topic must be 1 to 65535 bytes in UTF-8, was " + topicBytes.length + " bytes");
        }
        long size = (long) topicBytes.length + payload.length;
        if (size > settings.maxBytes()) {
            throw new IllegalArgumentException("message of " + size + " bytes (topic and payload) can never fit"
                    + " an outbox bounded to " + settings.maxBytes() + " bytes");
        }
        lock.lockInterruptibly();
        try {
            ensureOpen();
            drops.tick();
            dropExpired();
            if (settings.policy() == OverflowPolicy.DROP_OLDEST) {
                List<S> evicted = new ArrayList<>();
                while (bytes + size > settings.maxBytes()) {
                    evicted.add(take(live.firstEntry()));
                }
                drop(evicted, FULL);
            } else {
                while (bytes + size > settings.maxBytes()) {
                    room.await();
                    ensureOpen();
                    dropExpired();
                }
            }
            long sequence = nextSequence;
            S stored = store(
                    sequence,
                    topic,
                    topicBytes,
                    payload,
                    retain,
                    settings.clock().millis());
            nextSequence++;
            live.put(sequence, stored);
            bytes += size;
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final List<Message> next(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("next(max) needs max >= 1, was " + max);
        }
        lock.lock();
        try {
            if (closed) {
                return List.of();
            }
            drops.tick();
            dropExpired();
            List<Message> out = new ArrayList<>(Math.min(max, live.size()));
            List<S> unreadable = new ArrayList<>();
            long last = -1;
            try {
                Iterator<S> it = live.tailMap(cursor, true).values().iterator();
                while (out.size() < max && it.hasNext()) {
                    S s = it.next();
                    Message m = load(s);
                    if (m == null) {
                        it.remove();
                        bytes -= s.bytes();
                        unreadable.add(s);
                    } else {
                        out.add(m);
                        last = s.sequence();
                    }
                }
            } finally {
                drop(unreadable, UNREADABLE);
            }
            if (last >= 0) {
                cursor = last + 1;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("outbox: cannot read pending messages: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final void acknowledge(long sequence) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            S s = live.remove(sequence);
            if (s != null) {
                bytes -= s.bytes();
                room.signalAll();
                removed(List.of(s));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final void acknowledge(long[] sequences) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            List<S> gone = new ArrayList<>(sequences.length);
            for (long sequence : sequences) {
                S s = live.remove(sequence);
                if (s != null) {
                    bytes -= s.bytes();
                    gone.add(s);
                }
            }
            if (!gone.isEmpty()) {
                room.signalAll();
                removed(gone);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final void rewind() {
        lock.lock();
        try {
            cursor = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final long size() {
        lock.lock();
        try {
            return live.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public final void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            room.signalAll();
            drops.flush();
            closeStorage();
        } finally {
            lock.unlock();
        }
    }

    /** The next sequence number to hand out; for subclasses, under the lock. */
    final long nextSequence() {
        return nextSequence;
    }

    /** Whether a message is stored and unacknowledged; for subclasses, under the lock. */
    final boolean isLive(long sequence) {
        return live.containsKey(sequence);
    }

    /** The oldest stored message's sequence number, or -1; for subclasses, under the lock. */
    final long oldestSequence() {
        return live.isEmpty() ? -1 : live.firstKey();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("outbox is closed");
        }
    }

    private S take(Map.Entry<Long, S> entry) {
        live.remove(entry.getKey());
        bytes -= entry.getValue().bytes();
        return entry.getValue();
    }

    /** Drops messages stored longer than the age bound, oldest first, stopping at a younger one. */
    private void dropExpired() throws IOException {
        long now = settings.clock().millis();
        List<S> expired = new ArrayList<>();
        while (!live.isEmpty() && now - live.firstEntry().getValue().storedAtMillis() > settings.maxAgeMillis()) {
            expired.add(take(live.firstEntry()));
        }
        drop(expired, EXPIRED);
    }

    /** Counts, logs and persists messages already taken out of the map. */
    private void drop(List<S> gone, String reason) throws IOException {
        if (gone.isEmpty()) {
            return;
        }
        dropped += gone.size();
        drops.dropped(gone.size(), reason);
        room.signalAll();
        removed(gone);
    }
}
