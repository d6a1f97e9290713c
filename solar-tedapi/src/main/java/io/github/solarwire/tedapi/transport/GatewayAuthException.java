package io.github.solarwire.tedapi.transport;

import java.io.IOException;

/**
 * The gateway answered HTTP 403: it refused the password, or (since firmware 25.10) the request did
 * not come over the gateway's own Wi-Fi. The message says what to check.
 */
public final class GatewayAuthException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked and what to check
     */
    public GatewayAuthException(String message) {
        super(message);
    }
}
