package io.github.solarwire.pvs;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.StreamingDevice;
import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.net.WebSocketClient;
import io.github.solarwire.net.WebSocketSession;
import io.github.solarwire.pvs.codec.DeviceList;
import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.SupervisorInfo;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import io.github.solarwire.pvs.codec.TelemetryMessage;
import io.github.solarwire.pvs.codec.VarserverDevice;
import io.github.solarwire.pvs.codec.VarserverVars;
import io.github.solarwire.pvs.transport.DlCgiClient;
import io.github.solarwire.pvs.transport.VarserverClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SunPower / SunStrong PVS5 or PVS6 supervisor as one streaming device that never needs a
 * restart, whatever its firmware.
 *
 * <p>{@link #open()} reads the open {@code supervisor/info}, picks the data path from the firmware
 * build ({@link Path}), and on new firmware logs in to varserver (user {@code ssm_owner}, the last
 * five characters of the serial unless a password is given) and switches the telemetry WebSocket
 * on. {@link #stream(Consumer)} then delivers:
 *
 * <ul>
 *   <li>the site totals (PV, grid, house load, battery) from every telemetry {@code power}
 *       notification, as a reading of this device ({@link #info()}, kind {@code site});
 *   <li>every {@link Builder#pollInterval(Duration) poll interval}, a reading per inverter, meter,
 *       battery and transfer switch and one of the supervisor, each its own device naming the
 *       supervisor as parent: from varserver on new firmware, from {@code Command=DeviceList} on
 *       old firmware;
 *   <li>without a WebSocket (a PVS5, or telemetry turned off), the site totals from varserver's
 *       {@code /sys/livedata} at each poll instead.
 * </ul>
 *
 * <p>The stream ends with an exception when the WebSocket closes, fails, or stays silent longer
 * than the {@link Builder#staleTimeout(Duration) stale timeout} (the PVS does both every 8–10
 * minutes); the {@link io.github.solarwire.core.recorder.Recorder} then closes the device and
 * opens it again after its backoff, which logs in and enables telemetry again. A malformed frame is
 * logged and skipped. The chosen path is logged once, and again only when it changes.
 *
 * <p>Thread-safe; readings reach the listener one at a time. The password and the session cookie
 * never appear in logs, exceptions or {@link #toString()}.
 */
public final class PvsDevice implements StreamingDevice {

    private static final Logger LOG = LoggerFactory.getLogger(PvsDevice.class);

    /** How the device is read. */
    public enum Path {
        /** Decide from the firmware build in {@code supervisor/info}. */
        AUTO,
        /** New firmware: varserver with a login, and the telemetry WebSocket (PVS6). */
        VARSERVER,
        /** Old firmware (before build 61840): the open {@code dl_cgi} DeviceList, and the WebSocket. */
        DL_CGI,
        /** Only the telemetry WebSocket, as pvs_recorder reads it: no HTTP at all. */
        TELEMETRY_ONLY
    }

    private final String id;
    private final URI httpUri;
    private final URI varserverUri;
    private final URI webSocketUri;
    private final TlsTrust tlsTrust;
    private final String serial;
    private final Secret password;
    private final Path wanted;
    private final Duration pollInterval;
    private final boolean telemetry;
    private final Duration staleTimeout;
    private final Duration pingInterval;
    private final Duration httpTimeout;
    private final Consumer<PowerNotification> powerListener;
    private final WebSocketClient sharedWebSocket;
    private final HttpClient sharedHttp;
    private final Clock clock;

    private final Object deliverLock = new Object();
    private final Set<String> unknownTypes = ConcurrentHashMap.newKeySet();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private volatile DeviceInfo site;
    private volatile DeviceInfo supervisor;
    private volatile String lastChoice;
    private volatile Path path;
    private volatile boolean streaming;
    private HttpClient http;
    private WebSocketClient ws;
    private VarserverClient varserver;
    private DlCgiClient dlCgi;
    private volatile WebSocketSession session;
    private volatile ScheduledExecutorService poller;
    private volatile String lastPollError;

    private PvsDevice(Builder b) {
        this.id = b.id;
        this.httpUri = b.httpUri;
        this.varserverUri = b.varserverUri;
        this.webSocketUri = b.webSocketUri;
        this.tlsTrust = b.tlsTrust;
        this.serial = b.serial;
        this.password = b.password;
        this.wanted = b.path;
        this.pollInterval = b.pollInterval;
        this.telemetry = b.telemetry;
        this.staleTimeout = b.staleTimeout;
        this.pingInterval = b.pingInterval;
        this.httpTimeout = b.httpTimeout;
        this.powerListener = b.powerListener;
        this.sharedWebSocket = b.webSocketClient;
        this.sharedHttp = b.httpClient;
        this.clock = b.clock;
        this.site = siteInfo(null);
    }

    /**
     * Starts a builder.
     *
     * @param id the id of the site device, e.g. {@code pvs}
     * @param host the PVS's address, e.g. {@code 172.27.153.1} (a proxy's works too)
     * @return a new builder
     */
    public static Builder builder(String id, String host) {
        return new Builder(id, host);
    }

    @Override
    public DeviceInfo info() {
        return site;
    }

    /**
     * The supervisor, once {@link #open()} has read it.
     *
     * @return the supervisor's device info, or null before it was read (or on the telemetry-only
     *     path)
     */
    public DeviceInfo supervisor() {
        return supervisor;
    }

    /**
     * The path in use since the last {@link #open()}.
     *
     * @return the path, or null before the first open
     */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void open() throws IOException {
        closeQuietly();
        http = sharedHttp != null
                ? sharedHttp
                : HttpClient.builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .responseTimeout(httpTimeout)
                        .maxBodyBytes(VarserverVars.MAX_BYTES)
                        .tlsTrust(tlsTrust)
                        .build();
        SupervisorInfo info = null;
        Path chosen = wanted;
        String why;
        if (wanted == Path.TELEMETRY_ONLY) {
            why = "telemetry only, as configured";
        } else {
            dlCgi = new DlCgiClient(http, httpUri);
            try {
                info = dlCgi.supervisorInfo();
            } catch (HttpStatusException | ProtocolException e) {
                if (wanted == Path.DL_CGI) {
                    throw e;
                }
                LOG.debug("pvs {}: no supervisor/info: {}", id, e.getMessage());
            }
            if (info != null) {
                supervisor = info.deviceInfo();
                site = siteInfo(info);
            }
            if (wanted == Path.AUTO) {
                if (info != null) {
                    chosen = info.hasVarserver() ? Path.VARSERVER : Path.DL_CGI;
                } else {
                    chosen = serial != null || password != null ? Path.VARSERVER : Path.TELEMETRY_ONLY;
                }
            }
            why = info == null
                    ? "supervisor/info not served"
                    : (info.model() == null ? "PVS" : info.model().strip()) + " build "
                            + (info.build() == null ? "unknown" : info.build());
        }
        boolean socket = telemetry && (info == null || !info.isPvs5());
        if (chosen == Path.VARSERVER) {
            SupervisorInfo known = info;
            varserver = new VarserverClient(http, varserverUri, () -> varserverPassword(known));
            try {
                varserver.login();
                if (socket) {
                    varserver.enableTelemetry();
                }
            } catch (IOException | IllegalStateException e) {
                if (wanted != Path.AUTO || !socket) {
                    throw e;
                }
                // The WebSocket may be on already: stream it rather than nothing, and say how to fix it.
                varserver = null;
                chosen = Path.TELEMETRY_ONLY;
                why += "; the varserver login failed (" + e.getMessage() + "; pin the PVS's certificate,"
                        + " accept it explicitly, or give the serial or password), so telemetry is not re-enabled";
            }
        }
        path = chosen;
        String choice = describe(chosen, socket, why);
        if (!choice.equals(lastChoice)) {
            lastChoice = choice;
            if (chosen != wanted && wanted != Path.AUTO || why.contains("login failed")) {
                LOG.warn("pvs {}: {}", id, choice);
            } else {
                LOG.info("pvs {}: {}", id, choice);
            }
        }
        streaming = socket;
    }

    private Secret varserverPassword(SupervisorInfo info) {
        if (password != null) {
            return password;
        }
        String s = serial != null ? serial : info != null ? info.serial() : null;
        if (s == null) {
            throw new IllegalStateException("no password and no serial for the varserver login");
        }
        return VarserverClient.passwordFor(s);
    }

    private String describe(Path chosen, boolean socket, String why) {
        String data = switch (chosen) {
            case VARSERVER -> "varserver at " + varserverUri;
            case DL_CGI -> "legacy dl_cgi DeviceList at " + httpUri;
            default -> "no per-device data";
        };
        return why + ": " + data + (socket ? ", telemetry WebSocket " + webSocketUri : ", no telemetry WebSocket");
    }

    @Override
    public CompletionStage<Void> stream(Consumer<Reading> listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> end = new CompletableFuture<>();
        WebSocketSession s = null;
        synchronized (this) {
            if (http == null && path != Path.TELEMETRY_ONLY) {
                throw new IOException("pvs " + id + " is not open");
            }
            if (streaming) {
                s = connect(listener);
                session = s;
            }
            boolean polls = path == Path.VARSERVER || path == Path.DL_CGI;
            if (polls && (!pollInterval.isZero() || !streaming)) {
                Duration every = pollInterval.isZero() ? Duration.ofSeconds(10) : pollInterval;
                ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pvs-poll-" + id);
                    t.setDaemon(true);
                    return t;
                });
                poller = p;
                boolean live = !streaming;
                p.scheduleWithFixedDelay(
                        () -> pollOnce(listener, live, end), 0, every.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (s != null) {
            s.closed().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    end.completeExceptionally(failure);
                } else {
                    end.complete(null);
                }
            });
        } else if (poller == null) {
            end.completeExceptionally(new IOException("pvs " + id + ": nothing to read: no WebSocket and no polling"));
        }
        return end;
    }

    private WebSocketSession connect(Consumer<Reading> listener) throws IOException {
        if (ws == null) {
            ws = sharedWebSocket != null
                    ? sharedWebSocket
                    : WebSocketClient.builder()
                            .pingInterval(pingInterval)
                            .staleTimeout(staleTimeout)
                            .maxMessageBytes(TelemetryFrame.MAX_BYTES)
                            .tlsTrust(tlsTrust)
                            .build();
        }
        try {
            WebSocketSession s =
                    ws.connect(webSocketUri, text -> onFrame(text, listener)).get(30, TimeUnit.SECONDS);
            connections.incrementAndGet();
            LOG.debug("pvs {}: telemetry WebSocket {} connected", id, webSocketUri);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pvs " + id + ": interrupted while connecting to " + webSocketUri);
        } catch (TimeoutException e) {
            throw new IOException("pvs " + id + ": the telemetry WebSocket " + webSocketUri + " did not open in 30 s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException("pvs " + id + ": " + c, c);
        }
    }

    private void onFrame(byte[] text, Consumer<Reading> listener) {
        frames.incrementAndGet();
        TelemetryMessage message;
        try {
            message = TelemetryFrame.parse(text);
        } catch (ProtocolException e) {
            long n = badFrames.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("pvs {}: skipped a bad telemetry frame ({} so far): {}", id, n, e.getMessage());
            }
            return;
        }
        if (message instanceof PowerNotification power) {
            deliverPower(power, listener);
        } else if (unknownTypes.add(message.type())) {
            LOG.info("pvs {}: ignoring telemetry notifications of type \"{}\" (logged once)", id, message.type());
        }
    }

    private void deliverPower(PowerNotification power, Consumer<Reading> listener) {
        synchronized (deliverLock) {
            if (powerListener != null) {
                powerListener.accept(power);
            }
            if (power.pvPower() != null
                    || power.netPower() != null
                    || power.siteLoadPower() != null
                    || power.pvEnergy() != null
                    || power.essPower() != null) {
                listener.accept(power.toReading(site, clock.instant()));
            }
        }
    }

    private void pollOnce(Consumer<Reading> listener, boolean live, CompletableFuture<Void> end) {
        if (end.isDone()) {
            return;
        }
        try {
            List<Reading> readings = readDevices(live, listener);
            synchronized (deliverLock) {
                readings.forEach(listener);
            }
            if (lastPollError != null) {
                LOG.info("pvs {}: device data readable again", id);
                lastPollError = null;
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!message.equals(lastPollError)) {
                LOG.warn("pvs {}: reading the device data failed: {}", id, message);
                lastPollError = message;
            }
            if (!streaming && e instanceof IOException io && !(e instanceof ProtocolException)) {
                end.completeExceptionally(io);
            }
        }
    }

    private List<Reading> readDevices(boolean live, Consumer<Reading> listener) throws IOException {
        Instant now = clock.instant();
        List<Reading> out = new ArrayList<>();
        String parent = supervisor == null ? null : supervisor.id();
        if (path == Path.DL_CGI) {
            out.addAll(DeviceList.toReadings(dlCgi.deviceList(), now));
            return out;
        }
        if (live) {
            VarserverVars vars = varserver.query("match=/sys/livedata&fmt=obj");
            vars.liveData().ifPresent(power -> deliverPower(power, listener));
        }
        VarserverVars info = varserver.query("name=" + String.join(",", INFO_VARIABLES) + "&fmt=obj");
        if (supervisor != null) {
            out.add(info.systemInfo().toReading(supervisor, now));
        }
        for (VarserverDevice d : varserver.query("match=/sys/devices/&fmt=obj").devices()) {
            out.add(d.toReading(parent, now));
        }
        return out;
    }

    /** The {@code /sys/info} variables read at each poll; never {@code wpa_key}. */
    private static final List<String> INFO_VARIABLES = List.of(
            "/sys/info/serialnum",
            "/sys/info/model",
            "/sys/info/hwrev",
            "/sys/info/sw_rev",
            "/sys/info/sys_type",
            "/sys/info/uptime",
            "/sys/info/cpu_usage",
            "/sys/info/ram_usage",
            "/sys/info/flash_usage");

    /**
     * Telemetry frames received since this device was built.
     *
     * @return the count
     */
    public long frames() {
        return frames.get();
    }

    /**
     * Telemetry frames skipped because they did not decode.
     *
     * @return the count
     */
    public long badFrames() {
        return badFrames.get();
    }

    /**
     * Telemetry WebSocket connections opened since this device was built.
     *
     * @return the count
     */
    public long connections() {
        return connections.get();
    }

    /**
     * Varserver logins since the last {@link #open()}.
     *
     * @return the count, 0 on other paths
     */
    public long logins() {
        VarserverClient v = varserver;
        return v == null ? 0 : v.logins();
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        WebSocketSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        ScheduledExecutorService p = poller;
        poller = null;
        if (p != null) {
            p.shutdownNow();
        }
        if (varserver != null) {
            varserver.logout();
            varserver = null;
        }
        if (ws != null && ws != sharedWebSocket) {
            ws.close();
        }
        ws = null;
        if (http != null && http != sharedHttp) {
            http.close();
        }
        http = null;
    }

    private DeviceInfo siteInfo(SupervisorInfo info) {
        DeviceInfo.Builder b = DeviceInfo.builder(id, "site").vendor("SunPower").protocol("pvs");
        if (info != null) {
            b.model(info.model() == null ? null : info.model().strip())
                    .firmware(info.swVersion())
                    .parentId(info.deviceInfo().id());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "PvsDevice[" + id + ", " + httpUri.getHost() + ", " + (path == null ? wanted : path) + "]";
    }

    /** Configures a {@link PvsDevice}. */
    public static final class Builder {
        private final String id;
        private final String host;
        private URI httpUri;
        private URI varserverUri;
        private URI webSocketUri;
        private int webSocketPort = 9002;
        private boolean webSocketSecure;
        private TlsTrust tlsTrust = TlsTrust.system();
        private String serial;
        private Secret password;
        private Path path = Path.AUTO;
        private Duration pollInterval = Duration.ofSeconds(60);
        private boolean telemetry = true;
        private Duration staleTimeout = Duration.ofSeconds(90);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration httpTimeout = Duration.ofSeconds(120);
        private Consumer<PowerNotification> powerListener;
        private WebSocketClient webSocketClient;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();

        private Builder(String id, String host) {
            this.id = Objects.requireNonNull(id, "id");
            this.host = Objects.requireNonNull(host, "host").strip();
            if (this.host.isEmpty() || this.host.contains("/")) {
                throw new IllegalArgumentException("a PVS host is an address or a name, not \"" + host + "\"");
            }
        }

        /**
         * Sets where {@code supervisor/info} and the legacy {@code dl_cgi} are served. Default
         * {@code http://<host>}.
         *
         * @param uri the base URI
         * @return this builder
         */
        public Builder httpUri(URI uri) {
            this.httpUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Sets where varserver ({@code /auth}, {@code /vars}) is served. Default {@code
         * https://<host>} (the PVS's certificate is self-signed: see {@link #tlsTrust(TlsTrust)}).
         *
         * @param uri the base URI
         * @return this builder
         */
        public Builder varserverUri(URI uri) {
            this.varserverUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Sets the telemetry WebSocket's port. Default 9002.
         *
         * @param port the port
         * @return this builder
         */
        public Builder webSocketPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, was " + port);
            }
            this.webSocketPort = port;
            return this;
        }

        /**
         * Uses {@code wss://} rather than {@code ws://} (for a TLS proxy in front of the PVS).
         *
         * @param secure true for wss
         * @return this builder
         */
        public Builder webSocketSecure(boolean secure) {
            this.webSocketSecure = secure;
            return this;
        }

        /**
         * Sets the whole telemetry WebSocket URI, overriding the port and scheme settings.
         *
         * @param uri a {@code ws} or {@code wss} URI
         * @return this builder
         */
        public Builder webSocketUri(URI uri) {
            this.webSocketUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Sets how HTTPS and WSS servers are trusted. Default {@link TlsTrust#system()}, which
         * refuses the PVS's self-signed certificate: pin its fingerprint, or accept any
         * certificate explicitly with {@link TlsTrust#insecure()}.
         *
         * @param trust the trust
         * @return this builder
         */
        public Builder tlsTrust(TlsTrust trust) {
            this.tlsTrust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Sets the supervisor's serial, for the varserver password when {@code supervisor/info}
         * cannot be read. Normally not needed.
         *
         * @param serial the serial
         * @return this builder
         */
        public Builder serial(String serial) {
            this.serial = serial == null || serial.isBlank() ? null : serial.strip();
            return this;
        }

        /**
         * Sets the varserver password. Default: the last five characters of the serial.
         *
         * @param password the password, or null for the default
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the data path. Default {@link Path#AUTO}.
         *
         * @param path the path
         * @return this builder
         */
        public Builder path(Path path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets how often the per-device data is read. Default 60 s (the vendor asks for no more
         * than one request every few seconds; DeviceList on old firmware takes up to a minute, so
         * give it 120 s or more). {@link Duration#ZERO} reads none while the WebSocket streams.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("poll interval must not be negative, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Whether to stream the telemetry WebSocket. Default true (a PVS5 has none).
         *
         * @param on false to read polled data only
         * @return this builder
         */
        public Builder telemetry(boolean on) {
            this.telemetry = on;
            return this;
        }

        /**
         * Sets how long the WebSocket may stay silent before it counts as stalled. Default 90 s
         * (the PVS sends only on change, with gaps of 60–70 s when output is steady).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder staleTimeout(Duration timeout) {
            this.staleTimeout = positive(timeout, "stale timeout");
            return this;
        }

        /**
         * Sets how often the WebSocket is pinged. Default 20 s.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "ping interval");
            return this;
        }

        /**
         * Sets how long an HTTP answer may take. Default 120 s (DeviceList is slow).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = positive(timeout, "HTTP timeout");
            return this;
        }

        /**
         * Receives every decoded {@code power} notification as well, with its raw field texts, for
         * bridges that republish them (pvs2mqtt). Called one at a time, before the reading.
         *
         * @param listener the listener, or null
         * @return this builder
         */
        public Builder powerListener(Consumer<PowerNotification> listener) {
            this.powerListener = listener;
            return this;
        }

        /**
         * Shares a WebSocket client (its event loop) with other devices; the device does not
         * close it. Its ping interval, stale timeout and TLS trust then apply.
         *
         * @param client the client
         * @return this builder
         */
        public Builder webSocketClient(WebSocketClient client) {
            this.webSocketClient = client;
            return this;
        }

        /**
         * Shares an HTTP client with other devices; the device does not close it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * Sets the clock for readings without a time of their own. Default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * Builds the device; nothing is connected until {@link PvsDevice#open()}.
         *
         * @return the device
         */
        public PvsDevice build() {
            String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            if (httpUri == null) {
                httpUri = URI.create("http://" + h);
            }
            if (varserverUri == null) {
                varserverUri = URI.create("https://" + h);
            }
            if (webSocketUri == null) {
                webSocketUri = URI.create((webSocketSecure ? "wss" : "ws") + "://" + h + ":" + webSocketPort + "/");
            }
            String scheme = webSocketUri.getScheme() == null
                    ? ""
                    : webSocketUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw new IllegalArgumentException("not a ws or wss URI: " + webSocketUri);
            }
            return new PvsDevice(this);
        }
    }
}
