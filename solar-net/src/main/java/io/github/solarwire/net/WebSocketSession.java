package io.github.solarwire.net;

import java.io.Closeable;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * An open WebSocket connection from a {@link WebSocketClient}; its messages go to the
 * {@link WebSocketListener} given to {@link WebSocketClient#connect(URI, WebSocketListener)}.
 *
 * <p>Thread-safe.
 */
public interface WebSocketSession extends Closeable {

    /**
     * Completes when the session ends: normally after our own {@link #close()} (or the client's),
     * exceptionally with an {@link java.io.IOException} otherwise: {@link WebSocketClosedException}
     * when the server sent a close frame, {@link StaleConnectionException} when no message came for
     * the stale timeout, a plain {@code IOException} when the connection ended without a close
     * frame, a message was too large or the listener threw.
     *
     * @return the future; the same one on every call
     */
    CompletableFuture<Void> closed();

    /**
     * Whether the session is still open.
     *
     * @return true until {@link #closed()} completes
     */
    boolean isOpen();

    /**
     * How many text and binary messages arrived so far.
     *
     * @return the count
     */
    long messagesReceived();

    /**
     * The URI the session was opened to.
     *
     * @return the URI as given to {@code connect}
     */
    URI uri();

    /** Sends a close frame (1000, normal), closes the connection; idempotent and never throws. */
    @Override
    void close();
}
