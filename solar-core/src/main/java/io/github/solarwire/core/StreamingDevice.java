package io.github.solarwire.core;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A device that pushes readings as they come: a telemetry WebSocket, a monitoring stream. */
public non-sealed interface StreamingDevice extends Device {

    /**
     * Starts delivering readings to {@code listener}. Called after {@link #open()}; readings may
     * arrive on any thread, one at a time. The stream runs until the connection ends or {@link
     * #close()} is called.
     *
     * @param listener receives each reading; it must not block for long
     * @return a stage that completes when the stream ends: normally when closed, exceptionally
     *     when the connection was lost
     * @throws IOException when the stream cannot be started
     */
    CompletionStage<Void> stream(Consumer<Reading> listener) throws IOException;
}
