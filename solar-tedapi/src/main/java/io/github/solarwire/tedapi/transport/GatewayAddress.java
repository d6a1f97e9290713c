package io.github.solarwire.tedapi.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** Reads the host a user gives for a gateway into the {@code https} base URI of its TEDAPI. */
final class GatewayAddress {

    private GatewayAddress() {}

    /**
     * {@code 192.168.91.1}, {@code host:port}, {@code [v6]:port}, {@code [v6]} or a bare IPv6
     * address; port 443 when none is given, and then left out of the URI (and the Host header).
     *
     * @throws IllegalArgumentException for anything else, such as a scheme, a path or user-info
     */
    static URI parse(String host) {
        Objects.requireNonNull(host, "host");
        String h = host.strip();
        if (h.chars().filter(c -> c == ':').count() > 1 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        URI uri;
        try {
            uri = new URI("https://" + h + "/");
        } catch (URISyntaxException e) {
            throw refused(host, e);
        }
        int port = uri.getPort();
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || port == 0
                || port > 65_535) {
            throw refused(host, null);
        }
        return URI.create("https://" + uri.getHost() + (port < 0 || port == 443 ? "" : ":" + port));
    }

    private static IllegalArgumentException refused(String host, Throwable cause) {
        return new IllegalArgumentException(
                "a gateway host is 192.168.91.1, host:port or [v6]:port, was '" + host + "'", cause);
    }
}
