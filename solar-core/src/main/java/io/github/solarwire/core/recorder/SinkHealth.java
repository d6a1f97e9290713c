package io.github.solarwire.core.recorder;

import java.util.Optional;

/**
 * A snapshot of one sink's counters in a {@link Recorder}.
 *
 * @param name the sink's {@link io.github.solarwire.core.Sink#name() name}
 * @param delivered readings the sink accepted
 * @param dropped readings dropped because its queue was full or it could not drain in time
 * @param failures calls to the sink that threw
 * @param queueDepth readings waiting in its queue now
 * @param queueCapacity the queue's bound
 * @param failing whether its last call threw
 * @param lastError the last failure's message, if any
 */
public record SinkHealth(
        String name,
        long delivered,
        long dropped,
        long failures,
        int queueDepth,
        int queueCapacity,
        boolean failing,
        Optional<String> lastError) {}
