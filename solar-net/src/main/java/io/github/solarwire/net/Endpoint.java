package io.github.solarwire.net;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Where a client connects, read once from a URI: host, port (the scheme's default when absent),
 * whether TLS is on, and the request target (path, {@code /} when empty, and query).
 *
 * @param uri the URI as given
 * @param host the host name or address
 * @param port the port
 * @param tls whether the scheme is the TLS one
 * @param target the path and query to put in the request line
 */
record Endpoint(URI uri, String host, int port, boolean tls, String target) {

    /**
     * Reads a URI whose scheme must be {@code plain} or {@code secure} (e.g. {@code http}, {@code https}).
     *
     * @throws IOException when the scheme is another one or the host is missing
     */
    static Endpoint of(URI uri, String plain, String secure) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(plain) && !scheme.equals(secure) || uri.getHost() == null) {
            throw new IOException("not a " + plain + " or " + secure + " URI: " + redact(uri));
        }
        boolean tls = scheme.equals(secure);
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        return new Endpoint(uri, uri.getHost(), port, tls, target);
    }

    /** The {@code Host} header value: the port only when the URI names one. */
    String hostHeader() {
        return uri.getPort() > 0 ? host + ":" + port : host;
    }

    /** The URI without its user-info part, for messages. */
    static String redact(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }
}
