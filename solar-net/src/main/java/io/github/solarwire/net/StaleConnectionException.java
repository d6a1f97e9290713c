package io.github.solarwire.net;

import java.io.IOException;

/**
 * A WebSocket session received no text or binary message for longer than the client's stale
 * timeout, although its TCP connection may still be up and the server may still answer pings.
 */
public final class StaleConnectionException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which session and for how long it was silent
     */
    public StaleConnectionException(String message) {
        super(message);
    }
}
