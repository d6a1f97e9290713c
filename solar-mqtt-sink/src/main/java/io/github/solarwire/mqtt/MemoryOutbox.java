package io.github.solarwire.mqtt;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox in memory: the messages themselves sit in the shared bookkeeping, so storing, loading
 * and removing cost nothing more. Lost with the process. Thread-safe.
 */
final class MemoryOutbox extends BoundedOutbox<MemoryOutbox.Held> {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryOutbox.class);

    /** A message and its topic-plus-payload size. */
    record Held(Message message, long bytes) implements Stored {
        @Override
        public long sequence() {
            return message.sequence();
        }

        @Override
        public long storedAtMillis() {
            return message.storedAtMillis();
        }
    }

    MemoryOutbox(OutboxSettings settings) {
        super(settings, DropLog.warnings(LOG, "in memory"), List.of(), 1);
    }

    @Override
    Held store(long sequence, String topic, byte[] topicBytes, byte[] payload, boolean retain, long storedAtMillis) {
        // A copy, so that a caller reusing its buffer cannot change a stored message.
        Message m = new Message(sequence, topic, payload.clone(), retain, storedAtMillis);
        return new Held(m, (long) topicBytes.length + payload.length);
    }

    @Override
    Message load(Held stored) {
        return stored.message();
    }

    @Override
    void removed(List<Held> gone) {
        // Nothing to make durable.
    }

    @Override
    void closeStorage() {
        // Nothing to release.
    }
}
