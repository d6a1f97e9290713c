package io.github.solarwire.pvs.transport;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Secret;
import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpRequest;
import io.github.solarwire.net.HttpResult;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.pvs.codec.VarserverVars;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A session with the varserver API of new PVS firmware (PVS6 build 61840 and later, PVS5 5408 and
 * later): {@code GET /auth?login} with user {@code ssm_owner} and the last five characters of the
 * serial, the {@code session} cookie on every {@code /vars} request, and a new login whenever a
 * request answers 401 or 500 (the session lasts only minutes).
 *
 * <p>Thread-safe. The password and the session token never appear in messages, exceptions or
 * {@link #toString()}.
 */
public final class VarserverClient {

    /** The user name of the owner role. */
    public static final String USER = "ssm_owner";

    /** The variable that switches the telemetry WebSocket on. */
    public static final String TELEMETRY_ENABLE = "/sys/telemetryws/enable";

    private final HttpClient http;
    private final URI base;
    private final Supplier<Secret> password;
    private final AtomicLong logins = new AtomicLong();
    private volatile Secret session;

    /**
     * Makes a client; nothing is sent until the first call.
     *
     * @param http the HTTP client (its TLS trust decides whether the PVS's self-signed certificate
     *     is accepted)
     * @param base the varserver's base URI, e.g. {@code https://172.27.153.1}
     * @param password supplies the password when a login is needed (usually {@link
     *     #passwordFor(String)} of the serial), or null for a client that only reads what needs no
     *     login
     */
    public VarserverClient(HttpClient http, URI base, Supplier<Secret> password) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = trimmed(Objects.requireNonNull(base, "base"));
        this.password = password;
    }

    /**
     * The owner password the vendor defines: the last five characters of the supervisor's serial,
     * upper-cased.
     *
     * @param serial the serial, e.g. {@code ZT204485000549A0321}
     * @return the password
     * @throws IllegalArgumentException when the serial is shorter than five characters
     */
    public static Secret passwordFor(String serial) {
        String s = Objects.requireNonNull(serial, "serial").strip();
        if (s.length() < 5) {
            throw new IllegalArgumentException("a PVS serial has at least five characters, this one has " + s.length());
        }
        return Secret.of(s.substring(s.length() - 5).toUpperCase(Locale.ROOT));
    }

    /**
     * Logs in and keeps the session cookie.
     *
     * @throws HttpStatusException when the login is refused (401: wrong password)
     * @throws IOException when the PVS cannot be reached or answers without a session
     */
    public synchronized void login() throws IOException {
        if (password == null) {
            throw new IOException("varserver at " + base + " needs a login, and no password or serial is known");
        }
        URI uri = URI.create(base + "/auth?login");
        HttpResult r = http.send(HttpRequest.get(uri).withAuthorization("basic", USER, password.get()));
        if (r.status() != 200) {
            throw new HttpStatusException(
                    "GET " + uri + ": HTTP " + r.status()
                            + (r.status() == 401 || r.status() == 403
                                    ? " (the login of " + USER + " was refused; the password is the last five"
                                            + " characters of the PVS serial)"
                                    : ""),
                    r.status());
        }
        String token = r.cookie("session").orElse(null);
        if (token == null || token.isEmpty()) {
            throw new ProtocolException(
                    "varserver login answered without a session cookie", -1, "Set-Cookie: session=…", "none");
        }
        session = Secret.of(token);
        logins.incrementAndGet();
    }

    /**
     * Whether a session is held (it may have expired on the PVS).
     *
     * @return true after a successful login
     */
    public boolean hasSession() {
        return session != null;
    }

    /**
     * Runs one {@code /vars} query, logging in first when there is no session and once more when
     * the PVS answers 401 or 500 (an expired session).
     *
     * @param query the query string, e.g. {@code match=/sys/devices/&fmt=obj}
     * @return the variables; empty when the PVS answers 400 (no such variables, e.g. no ESS)
     * @throws HttpStatusException when the PVS answers another error status
     * @throws ProtocolException when the response is not a varserver answer
     * @throws IOException when the PVS cannot be reached
     */
    public VarserverVars query(String query) throws IOException {
        Objects.requireNonNull(query, "query");
        URI uri = URI.create(base + "/vars?" + query);
        if (session == null && password != null) {
            login();
        }
        HttpResult r = send(uri);
        if ((r.status() == 401 || r.status() == 500) && password != null) {
            login();
            r = send(uri);
        }
        if (r.status() == 400) {
            return new VarserverVars(Map.of(), Map.of());
        }
        if (r.status() != 200) {
            throw new HttpStatusException(
                    "GET " + uri + ": HTTP " + r.status() + (r.status() == 401 ? " (not logged in)" : ""), r.status());
        }
        return VarserverVars.parse(r.body());
    }

    /**
     * Sets one variable.
     *
     * @param name the variable, e.g. {@value #TELEMETRY_ENABLE}
     * @param value its new value
     * @throws IOException as {@link #query(String)}
     */
    public void set(String name, String value) throws IOException {
        query("set=" + name + "=" + value);
    }

    /**
     * Switches the telemetry WebSocket on, as the PVS requires before each connection.
     *
     * @throws IOException as {@link #query(String)}
     */
    public void enableTelemetry() throws IOException {
        set(TELEMETRY_ENABLE, "1");
    }

    /** Ends the session on the PVS; best effort, never throws. */
    public void logout() {
        Secret s = session;
        session = null;
        if (s != null) {
            try {
                http.send(HttpRequest.get(URI.create(base + "/auth?logout")).withCookie("session", s));
            } catch (IOException | RuntimeException e) {
                // the session expires on its own
            }
        }
    }

    /**
     * How many logins succeeded.
     *
     * @return the count
     */
    public long logins() {
        return logins.get();
    }

    private HttpResult send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.get(uri);
        Secret s = session;
        if (s != null) {
            request = request.withCookie("session", s);
        }
        return http.send(request);
    }

    private static URI trimmed(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "VarserverClient[" + base + (session != null ? ", logged in" : "") + "]";
    }
}
