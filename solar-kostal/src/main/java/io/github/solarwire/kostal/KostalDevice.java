package io.github.solarwire.kostal;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.codec.KostalReadings;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.kostal.codec.PikoStatusPage;
import io.github.solarwire.net.HttpGetClient;
import io.github.solarwire.net.HttpResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A first-generation Kostal PIKO read through its web server's status page ({@code index.fhtml},
 * HTTP Basic auth), as a polled device. Every layout (1 to 3 strings, 1 to 3 phases) and language
 * is read by structure; at night, when the page shows {@code x x x}, the live values are absent
 * and the energy totals are kept.
 *
 * <p>One request at a time: {@link #poll()} is synchronized.
 */
public final class KostalDevice implements PolledDevice {

    private final String id;
    private final URI page;
    private final String user;
    private final Secret password;
    private final Duration timeout;
    private final Clock clock;
    private HttpGetClient http;
    private DeviceInfo info;
    private volatile PikoStatus last;

    private KostalDevice(Builder b) {
        this.id = b.id;
        this.page = b.base.resolve("/index.fhtml");
        this.user = b.user;
        this.password = b.password;
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.info = DeviceInfo.builder(id, "inverter")
                .vendor("Kostal")
                .protocol("piko-html")
                .build();
    }

    /**
     * Starts a builder.
     *
     * @param id the device's stable id
     * @param host the inverter: a host name or address, {@code host:port}, or a full URL
     * @return a new builder
     */
    public static Builder builder(String id, String host) {
        return new Builder(id, baseUri(host));
    }

    /**
     * The base URL of an inverter given as the seed allows: {@code 192.168.0.128}, {@code
     * 192.168.0.128:8080} or {@code http://192.168.0.128/}.
     *
     * @param host the host, host:port or URL
     * @return the base URI
     * @throws IllegalArgumentException when it is none of these
     */
    public static URI baseUri(String host) {
        String h = Objects.requireNonNull(host, "host").strip();
        if (h.isEmpty()) {
            throw new IllegalArgumentException("no inverter host given");
        }
        String url = h.toLowerCase(Locale.ROOT).startsWith("http://")
                        || h.toLowerCase(Locale.ROOT).startsWith("https://")
                ? h
                : "http://" + h;
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + host + "' is not a host, host:port or URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + host + "' is not a host, host:port or URL", e);
        }
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(10);
    }

    @Override
    public synchronized void open() throws IOException {
        http = HttpGetClient.builder()
                .connectTimeout(timeout)
                .responseTimeout(timeout)
                .maxBodyBytes(256 * 1024)
                .build();
        try {
            PikoStatus status = fetch();
            DeviceInfo.Builder b =
                    DeviceInfo.builder(id, "inverter").vendor("Kostal").protocol("piko-html");
            if (status.model() != null) {
                b.model(status.model());
            }
            info = b.build();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private PikoStatus fetch() throws IOException {
        HttpResult result = http.getOk(page, user, password);
        PikoStatus status = PikoStatusPage.parse(result.body());
        last = status;
        return status;
    }

    @Override
    public synchronized List<Reading> poll() throws IOException {
        if (http == null) {
            throw new IllegalStateException(id + " is not open");
        }
        return List.of(KostalReadings.toReading(fetch(), info, clock.instant()));
    }

    /**
     * The status of the last successful poll, for apps that publish the page's own shape (the
     * kostal2mqtt document).
     *
     * @return the status, or null before the first
     */
    public PikoStatus lastStatus() {
        return last;
    }

    @Override
    public synchronized void close() {
        HttpGetClient h = http;
        http = null;
        if (h != null) {
            h.close();
        }
    }

    @Override
    public String toString() {
        return "KostalDevice[" + id + ", " + page + "]";
    }

    /** Configures a {@link KostalDevice}. */
    public static final class Builder {
        private final String id;
        private final URI base;
        private String user = "pvserver";
        private Secret password = Secret.of("pvwr");
        private Duration timeout = Duration.ofSeconds(15);
        private Clock clock = Clock.systemUTC();

        private Builder(String id, URI base) {
            this.id = Objects.requireNonNull(id, "id");
            this.base = base;
        }

        /**
         * Sets the Basic-auth credentials. Default {@code pvserver} / {@code pvwr}, the factory
         * setting.
         *
         * @param user the user
         * @param password the password; never logged
         * @return this builder
         */
        public Builder credentials(String user, Secret password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets the connect and response timeout. Default 15 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the clock that timestamps readings.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the device; nothing is fetched until {@link KostalDevice#open()}.
         *
         * @return the device
         */
        public KostalDevice build() {
            return new KostalDevice(this);
        }
    }
}
