package io.github.solarwire.tedapi.transport;

import io.github.solarwire.core.Secret;
import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpRequest;
import io.github.solarwire.net.HttpResult;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.net.TlsTrust;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS link to one Tesla gateway's TEDAPI (a Backup Gateway 2, or a Powerwall 3's built-in
 * one): {@code GET /tedapi/din}, {@code POST /tedapi/v1} and {@code /tedapi/device/<din>/v1} with
 * HTTP Basic {@code Tesla_Energy_Device:<password>}, and the {@code GET /} probe.
 *
 * <p>Gentle with the gateway, whose Wi-Fi and firmware suffer under load:
 *
 * <ul>
 *   <li>One request in flight: concurrent callers wait for their turn, first come first served.
 *   <li>HTTP 429 or 503 starts a cool-down (5 min by default, longer when the gateway's {@code
 *       Retry-After} says so); until it ends every call throws {@link GatewayBusyException} at once
 *       and nothing is sent.
 *   <li>No retries: a failed call fails, and the caller decides when to ask again.
 * </ul>
 *
 * <p>The gateway's certificate is self-signed, so the default {@link TlsTrust#system()} refuses it:
 * choose {@link TlsTrust#pinned(String)}, {@link TlsTrust#firstUse(String, java.util.function.Consumer)}
 * or {@link TlsTrust#insecure()}.
 *
 * <p>Thread-safe; make one per gateway and share it. The password never appears in a log, an
 * exception or {@link #toString()}.
 */
public final class GatewayConnection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
    private static final String USER = "Tesla_Energy_Device";
    private static final Pattern POST_PATH = Pattern.compile("/tedapi/v1|/tedapi/device/[A-Za-z0-9._-]+/v1");
    private static final int MAX_DIN_BYTES = 4096;

    static final String WRONG_PASSWORD_HINT =
            "check the gateway password (on a Powerwall 3 it is the password on the sticker of the PW3 itself,"
                    + " not the gateway's); since firmware 25.10 a request that does not come over the gateway's"
                    + " own Wi-Fi is refused the same way";

    private final URI base;
    private final Secret password;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final CoolDown coolDown;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    private GatewayConnection(Builder b) {
        this.base = b.base;
        this.password = b.password;
        this.ownsHttp = b.httpClient == null;
        this.http = ownsHttp
                ? HttpClient.builder()
                        .connectTimeout(b.timeout)
                        .responseTimeout(b.timeout)
                        .tlsTrust(b.tlsTrust)
                        .build()
                : b.httpClient;
        this.coolDown = new CoolDown(b.coolDown, b.clock);
    }

    /**
     * Starts a builder.
     *
     * @param host {@code 192.168.91.1} (the gateway's own Wi-Fi), {@code host:port} or {@code
     *     [v6]:port}; port 443 when none is given
     * @return a new builder
     * @throws IllegalArgumentException when the host is none of these
     */
    public static Builder builder(String host) {
        return new Builder(GatewayAddress.parse(host));
    }

    /**
     * Reads the gateway's DIN with {@code GET /tedapi/din}, gunzipped when the body starts with the
     * gzip magic (firmware 25.42.2 and later), trimmed.
     *
     * @return the DIN, e.g. {@code 1232100-00-E--TG123456789012}
     * @throws GatewayAuthException on HTTP 403: a wrong password, or a request not over the gateway's Wi-Fi
     * @throws GatewayBusyException on HTTP 429 or 503, or during a cool-down
     * @throws HttpStatusException on another status than 200
     * @throws IOException when the connection fails or times out, or the body is empty or not gzip
     */
    public String din() throws IOException {
        HttpRequest request = HttpRequest.get(base.resolve("/tedapi/din")).withBasicAuth(USER, password);
        String din = new String(gunzipped(request, exchange(request).body()), StandardCharsets.UTF_8).strip();
        if (din.isEmpty()) {
            throw new IOException(request + ": the gateway sent an empty DIN");
        }
        return din;
    }

    /**
     * Posts a serialized protobuf message ({@code Content-Type: application/octet-string}, sic: what
     * Tesla's apps and pypowerwall send) and
     * returns the answer as it came, gzip included: the codec recognises gzip by its magic bytes.
     *
     * @param path {@code /tedapi/v1} for the gateway, or {@code /tedapi/device/<din>/v1} for one
     *     Powerwall 3 of several
     * @param body the serialized message
     * @return the response body
     * @throws IllegalArgumentException when the path is neither of these
     * @throws GatewayAuthException on HTTP 403
     * @throws GatewayBusyException on HTTP 429 or 503, or during a cool-down
     * @throws HttpStatusException on another status than 200
     * @throws IOException when the connection fails or times out
     */
    public byte[] post(String path, byte[] body) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        if (!POST_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(
                    "TEDAPI requests go to /tedapi/v1 or /tedapi/device/<din>/v1, not '" + path + "'");
        }
        return exchange(HttpRequest.post(base.resolve(path), "application/octet-string", body)
                        .withBasicAuth(USER, password))
                .body();
    }

    /**
     * The status of {@code GET /}: 200 means a Powerwall 2/+ gateway with its web portal, 403 or 404
     * a Powerwall 3, which has none.
     *
     * @return the status code
     * @throws GatewayBusyException on HTTP 429 or 503, or during a cool-down
     * @throws IOException when the connection fails or times out
     */
    public int probe() throws IOException {
        return send(HttpRequest.get(base.resolve("/")).withBasicAuth(USER, password))
                .status();
    }

    /**
     * How many requests were sent, whatever their outcome; calls refused during a cool-down are not counted.
     *
     * @return the count
     */
    public long requests() {
        return requests.get();
    }

    /**
     * How many cool-downs HTTP 429 or 503 started.
     *
     * @return the count
     */
    public long coolDowns() {
        return coolDown.started();
    }

    /** How many callers wait for their turn; for tests. */
    int waiting() {
        return turn.getQueueLength();
    }

    private HttpResult exchange(HttpRequest request) throws IOException {
        HttpResult result = send(request);
        if (result.status() == 403) {
            throw new GatewayAuthException(request + ": HTTP 403: " + WRONG_PASSWORD_HINT);
        }
        if (result.status() != 200) {
            throw new HttpStatusException(request + ": HTTP " + result.status(), result.status());
        }
        return result;
    }

    /** Sends one request in this gateway's turn, unless it is cooling down; starts a cool-down on 429 or 503. */
    private HttpResult send(HttpRequest request) throws IOException {
        String what = request.toString();
        checkOpen(what);
        coolDown.check(what);
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted while waiting for the gateway");
        }
        try {
            checkOpen(what);
            coolDown.check(what);
            requests.incrementAndGet();
            HttpResult result = http.send(request);
            LOG.debug("{}: HTTP {}, {} bytes", what, result.status(), result.body().length);
            if (result.status() == 429 || result.status() == 503) {
                GatewayBusyException busy = coolDown.start(what, result.status(), result.header("Retry-After"));
                LOG.warn("{}", busy.getMessage());
                throw busy;
            }
            return result;
        } finally {
            turn.unlock();
        }
    }

    private void checkOpen(String what) throws IOException {
        if (closed) {
            throw new IOException(what + ": the connection is closed");
        }
    }

    private static byte[] gunzipped(HttpRequest request, byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes(MAX_DIN_BYTES + 1);
            if (plain.length > MAX_DIN_BYTES) {
                throw new IOException(request + ": the gzipped DIN unpacks to more than " + MAX_DIN_BYTES + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new IOException(request + ": the body starts like gzip but does not unpack: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses further calls and, unless the HTTP client was shared through {@link
     * Builder#httpClient(HttpClient)}, closes it.
     */
    @Override
    public void close() {
        closed = true;
        if (ownsHttp) {
            http.close();
        }
    }

    /** The gateway's URI and the counters, e.g. {@code GatewayConnection[https://192.168.91.1, 12 requests, 0 cool-downs]}. */
    @Override
    public String toString() {
        return "GatewayConnection[" + base + ", " + requests() + " requests, " + coolDowns() + " cool-downs"
                + (closed ? ", closed" : "") + "]";
    }

    /** Configures a {@link GatewayConnection}. */
    public static final class Builder {
        private final URI base;
        private Secret password;
        private Duration timeout = Duration.ofSeconds(5);
        private boolean timeoutSet;
        private TlsTrust tlsTrust = TlsTrust.system();
        private boolean tlsTrustSet;
        private Duration coolDown = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;

        private Builder(URI base) {
            this.base = base;
        }

        /**
         * Sets the gateway password: the full password on the QR sticker (on a Powerwall 3, the
         * sticker of the PW3 itself), not the customer password. Required.
         *
         * @param gatewayPassword the password
         * @return this builder
         */
        public Builder password(Secret gatewayPassword) {
            this.password = Objects.requireNonNull(gatewayPassword, "gatewayPassword");
            return this;
        }

        /**
         * Sets the connect timeout and how long the gateway may stay silent while answering. Default 5 s.
         *
         * @param timeout the timeout, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            this.timeoutSet = true;
            return this;
        }

        /**
         * Sets which certificates the connection accepts. Default {@link TlsTrust#system()}, which
         * refuses the gateway's self-signed certificate: pin it, trust it on first use, or accept any.
         *
         * @param trust the trust
         * @return this builder
         */
        public Builder tlsTrust(TlsTrust trust) {
            this.tlsTrust = Objects.requireNonNull(trust, "trust");
            this.tlsTrustSet = true;
            return this;
        }

        /**
         * Sets how long the connection leaves the gateway alone after HTTP 429 or 503; a longer
         * {@code Retry-After} from the gateway wins. Default 5 min.
         *
         * @param coolDown the pause, zero or positive
         * @return this builder
         */
        public Builder coolDown(Duration coolDown) {
            Objects.requireNonNull(coolDown, "coolDown");
            if (coolDown.isNegative()) {
                throw new IllegalArgumentException("the cool-down must not be negative, was " + coolDown);
            }
            this.coolDown = coolDown;
            return this;
        }

        /**
         * Sets the clock cool-downs are measured by. Default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Shares an HTTP client, for example among the connections to several gateways. Its own
         * timeouts and TLS trust then apply, so {@link #timeout} and {@link #tlsTrust} must not be
         * set as well; {@link GatewayConnection#close()} leaves it open.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Builds the connection; it opens no connection until the first call.
         *
         * @return the connection
         * @throws IllegalStateException when no password was set, or a shared HTTP client was given
         *     together with a timeout or a TLS trust
         */
        public GatewayConnection build() {
            if (password == null) {
                throw new IllegalStateException("the gateway password (the QR sticker's) is required");
            }
            if (httpClient != null && (timeoutSet || tlsTrustSet)) {
                throw new IllegalStateException(
                        "a shared HTTP client brings its own timeouts and TLS trust; set them on the client");
            }
            return new GatewayConnection(this);
        }
    }
}
