package io.github.solarwire.net;

import java.io.IOException;

/** The server ended a WebSocket session with a close frame. */
public final class WebSocketClosedException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The status code of the server's close frame, e.g. 1001; -1 when the frame carried none. */
    private final int statusCode;

    /** The reason text of the server's close frame, empty when it carried none. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param message which session was closed
     * @param statusCode the close frame's status code, or -1 for none
     * @param reason the close frame's reason, or empty
     */
    public WebSocketClosedException(String message, int statusCode, String reason) {
        super(message);
        this.statusCode = statusCode;
        this.reason = reason == null ? "" : reason;
    }

    /**
     * The status code of the server's close frame.
     *
     * @return e.g. 1000 (normal) or 1001 (going away); -1 when the frame carried none
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The reason text of the server's close frame.
     *
     * @return the reason, empty when it carried none
     */
    public String reason() {
        return reason;
    }
}
