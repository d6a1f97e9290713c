package io.github.solarwire.mqtt;

/**
 * Builds an outbox kept in memory, lost with the process. Obtained from {@link Outbox#inMemory()};
 * not thread-safe.
 */
public final class MemoryOutboxBuilder extends OutboxBuilder<MemoryOutboxBuilder> {

    MemoryOutboxBuilder() {}

    /**
     * Creates the outbox.
     *
     * @return the outbox
     */
    @Override
    public Outbox build() {
        return new MemoryOutbox(settings());
    }

    @Override
    MemoryOutboxBuilder self() {
        return this;
    }
}
