package io.github.solarwire.net;

import java.io.IOException;

/** The server answered, but not with 200: 401 for wrong credentials, 404 for a wrong path, … */
public final class HttpStatusException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The status code the server answered with. */
    private final int status;

    /**
     * Creates the exception.
     *
     * @param message what was asked and what came back
     * @param status the status code
     */
    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    /**
     * The status code.
     *
     * @return e.g. 401
     */
    public int status() {
        return status;
    }
}
