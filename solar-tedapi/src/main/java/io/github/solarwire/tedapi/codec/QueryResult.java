package io.github.solarwire.tedapi.codec;

import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer to a signed query.
 *
 * @param status 1 = SUCCESS, 2 = ERROR_PARTIAL, 3 = ERROR_FULL (0 when the gateway left it out)
 * @param json the result JSON text, possibly empty (a legacy query whose signature no longer
 *     verifies gets empty data)
 * @param errors the GraphQL errors (2026 queries report failures here)
 */
public record QueryResult(int status, String json, List<Error> errors) {

    /** The status of a query that worked. */
    public static final int SUCCESS = 1;

    /** The status of a query that partly failed. */
    public static final int ERROR_PARTIAL = 2;

    /** The status of a query that failed. */
    public static final int ERROR_FULL = 3;

    /**
     * Checks and copies the values.
     *
     * @param status the status code
     * @param json the JSON text
     * @param errors the errors
     */
    public QueryResult {
        Objects.requireNonNull(json, "json");
        errors = List.copyOf(errors);
    }

    /**
     * Whether there is data to use: not a full error, and non-blank JSON. A client that gets a
     * result that is not usable tries the other query set.
     *
     * @return true when {@link #json()} holds a result
     */
    public boolean usable() {
        return status != ERROR_FULL && !json.isBlank();
    }

    /**
     * One GraphQL error.
     *
     * @param path the path of the failing field
     * @param code 1 FIELD_NOT_FOUND, 2 UNAUTHORIZED, 3 RESOLVER_PROCESS_UNRESPONSIVE, 4
     *     RESPONSE_TOO_BIG
     * @param message the gateway's message
     */
    public record Error(List<String> path, int code, String message) {
        /**
         * Checks and copies the values.
         *
         * @param path the path
         * @param code the code
         * @param message the message
         */
        public Error {
            path = List.copyOf(path);
            Objects.requireNonNull(message, "message");
        }
    }
}
