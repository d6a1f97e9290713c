package io.github.solarwire.tedapi.transport;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The gateway answered HTTP 429 or 503, or an earlier call did and its cool-down has not ended:
 * {@link GatewayConnection} sends no request to this gateway before {@link #until()}.
 */
public final class GatewayBusyException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** When the cool-down ends and requests go to the gateway again. */
    private final Instant until;

    /**
     * Creates the exception.
     *
     * @param message what was asked, what the gateway said and until when the connection waits
     * @param until when the cool-down ends
     */
    public GatewayBusyException(String message, Instant until) {
        super(message);
        this.until = Objects.requireNonNull(until, "until");
    }

    /**
     * When the cool-down ends.
     *
     * @return the first instant at which a request is sent again
     */
    public Instant until() {
        return until;
    }
}
