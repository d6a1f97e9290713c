package io.github.solarwire.net;

import io.github.solarwire.core.Secret;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An HTTP request for {@link HttpClient#send(HttpRequest)}: method, URI, headers, cookies and body.
 *
 * <p>Immutable: each {@code with…} method returns a new request. Credentials and cookie values are
 * {@link Secret}s revealed only when the request is written to the connection; {@link #toString()}
 * shows the method and the URI without its user-info, never a header.
 */
public final class HttpRequest {

    /** A header whose value is computed when it is written, so that secrets stay wrapped until then. */
    private record Header(String name, Supplier<String> value) {}

    /** A cookie sent in the {@code Cookie} header. */
    private record Cookie(String name, Secret value) {}

    private final String method;
    private final URI uri;
    private final String contentType;
    private final byte[] body;
    private final List<Header> headers;
    private final List<Cookie> cookies;

    private HttpRequest(
            String method, URI uri, String contentType, byte[] body, List<Header> headers, List<Cookie> cookies) {
        this.method = method;
        this.uri = uri;
        this.contentType = contentType;
        this.body = body;
        this.headers = List.copyOf(headers);
        this.cookies = List.copyOf(cookies);
    }

    /**
     * A GET request.
     *
     * @param uri an {@code http} or {@code https} URI
     * @return the request
     */
    public static HttpRequest get(URI uri) {
        return new HttpRequest("GET", Objects.requireNonNull(uri, "uri"), null, null, List.of(), List.of());
    }

    /**
     * A POST request with a body, sent with {@code Content-Type} and {@code Content-Length}.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param contentType the body's media type, e.g. {@code application/x-www-form-urlencoded}
     * @param body the body; copied
     * @return the request
     */
    public static HttpRequest post(URI uri, String contentType, byte[] body) {
        return new HttpRequest(
                "POST",
                Objects.requireNonNull(uri, "uri"),
                Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body").clone(),
                List.of(),
                List.of());
    }

    /**
     * Adds a header; a name given twice is sent twice.
     *
     * @param name the header name
     * @param value the value, sent as it is (use {@link #withAuthorization} for credentials)
     * @return a new request with the header
     */
    public HttpRequest withHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        return withHeader(name, () -> value);
    }

    /**
     * Adds {@code Authorization: Basic base64(user:password)}.
     *
     * @param user the user name
     * @param password the password; revealed only when the request is written
     * @return a new request with the header
     */
    public HttpRequest withBasicAuth(String user, Secret password) {
        return withAuthorization("Basic", user, password);
    }

    /**
     * Adds {@code Authorization: <scheme> base64(user:password)} with the scheme word exactly as given,
     * for devices that want it spelt their way (the SunPower PVS wants {@code basic}).
     *
     * @param scheme the scheme word, e.g. {@code basic}
     * @param user the user name
     * @param password the password; revealed only when the request is written
     * @return a new request with the header
     */
    public HttpRequest withAuthorization(String scheme, String user, Secret password) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return withHeader(HttpHeaderNames.AUTHORIZATION.toString(), () -> scheme + " " + credentials(user, password));
    }

    /**
     * Adds a cookie; several cookies are joined into one {@code Cookie} header.
     *
     * @param name the cookie name
     * @param value the value; revealed only when the request is written
     * @return a new request with the cookie
     */
    public HttpRequest withCookie(String name, Secret value) {
        List<Cookie> more = new ArrayList<>(cookies);
        more.add(new Cookie(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new HttpRequest(method, uri, contentType, body, headers, more);
    }

    private HttpRequest withHeader(String name, Supplier<String> value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(Objects.requireNonNull(name, "name"), value));
        return new HttpRequest(method, uri, contentType, body, more, cookies);
    }

    private static String credentials(String user, Secret password) {
        return Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The method.
     *
     * @return {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The URI.
     *
     * @return the URI as given
     */
    public URI uri() {
        return uri;
    }

    /** The body, not copied; empty for a GET. */
    byte[] body() {
        return body == null ? new byte[0] : body;
    }

    /** Writes the content type, the headers and the cookies, revealing their values. */
    void writeHeaders(HttpHeaders target) {
        if (contentType != null) {
            target.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (body != null) {
            target.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        for (Header h : headers) {
            target.add(h.name(), h.value().get());
        }
        if (!cookies.isEmpty()) {
            target.set(
                    HttpHeaderNames.COOKIE,
                    cookies.stream()
                            .map(c -> c.name() + "=" + c.value().reveal())
                            .collect(Collectors.joining("; ")));
        }
    }

    /** The method and the URI without its user-info, e.g. {@code POST http://127.0.0.1/vars}. */
    @Override
    public String toString() {
        return method + " " + Endpoint.redact(uri);
    }
}
