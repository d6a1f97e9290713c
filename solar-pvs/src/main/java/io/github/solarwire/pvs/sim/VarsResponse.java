package io.github.solarwire.pvs.sim;

import java.util.Objects;

/**
 * A varserver {@code /vars} answer: the HTTP status and the JSON body.
 *
 * @param status 200, or 400 for an unknown name, an empty match, an unknown cache id or a variable
 *     that cannot be written
 * @param body the UTF-8 JSON body
 */
public record VarsResponse(int status, byte[] body) {

    /**
     * Checks the body is present.
     *
     * @param status see the record description
     * @param body see the record description
     */
    public VarsResponse {
        Objects.requireNonNull(body, "body");
    }
}
