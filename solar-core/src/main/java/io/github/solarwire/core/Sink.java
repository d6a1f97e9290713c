package io.github.solarwire.core;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where readings go: a file, stdout, an MQTT broker, Graphite.
 *
 * <p>The {@link io.github.solarwire.core.recorder.Recorder} calls a sink from one thread of its
 * own, so a slow sink only slows itself: {@code accept} for each reading, {@code flush} whenever
 * its queue runs empty, and {@code close} once at the end. When {@code accept} or {@code flush}
 * throws, the recorder retries the same reading later with a backoff; a sink should therefore
 * either take a reading completely or not at all. Implementations say in their Javadoc whether
 * they are thread-safe.
 */
public interface Sink extends Closeable {

    /**
     * Takes one reading. The sink may buffer it until {@link #flush()}.
     *
     * @param reading the reading
     * @throws IOException when the reading could not be taken; it was not taken
     */
    void accept(Reading reading) throws IOException;

    /**
     * Pushes buffered readings to their destination.
     *
     * @throws IOException when they could not be written
     */
    default void flush() throws IOException {}

    /**
     * A short name for logs and health counters, e.g. {@code jsonl:/var/log/solar.jsonl}.
     *
     * @return the name; never contains a secret
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Flushes and releases the destination. Idempotent.
     *
     * @throws IOException when the final flush or release failed
     */
    @Override
    void close() throws IOException;
}
