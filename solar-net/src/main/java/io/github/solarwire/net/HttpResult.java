package io.github.solarwire.net;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole HTTP response: status, headers and body.
 *
 * @param status the status code, e.g. 200
 * @param headers the headers, names in lower case
 * @param body the body bytes; not copied, so callers must not change them
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Checks the parts.
     *
     * @param status the status code
     * @param headers the headers, names in lower case
     * @param body the body bytes
     */
    public HttpResult {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body as text.
     *
     * @param charset the charset to decode with (ISO-8859-1 for old embedded web servers)
     * @return the text
     */
    public String text(Charset charset) {
        return new String(body, charset);
    }

    /**
     * The value of a cookie the server set: the first {@code Set-Cookie} header whose name matches,
     * its value up to the first {@code ;} (the attributes such as {@code Path} are left out).
     *
     * @param name the cookie name, exact case
     * @return the value, if the server set the cookie
     */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("set-cookie", List.of())) {
            int end = header.indexOf(';');
            String pair = end < 0 ? header : header.substring(0, end);
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                return Optional.of(pair.substring(eq + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The status and the body's size; never the headers, which may carry cookies. */
    @Override
    public String toString() {
        return "HttpResult[" + status + ", " + body.length + " bytes]";
    }
}
