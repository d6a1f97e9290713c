package io.github.solarwire.pi30.transport;

import java.io.IOException;

/** No complete reply (no CR) arrived within the {@link LinkTimeouts}. */
public final class LinkTimeoutException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** How many reply bytes had arrived. */
    private final int received;

    /**
     * Creates the exception.
     *
     * @param message what timed out, on which link
     * @param received how many reply bytes had arrived
     */
    public LinkTimeoutException(String message, int received) {
        super(message);
        this.received = received;
    }

    /**
     * How many reply bytes had arrived when the link gave up; 0 means the inverter was silent.
     *
     * @return the count
     */
    public int received() {
        return received;
    }
}
