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

    @Override
    public String toString() {
        return "HttpResult[" + status + ", " + body.length + " bytes]";
    }
}
