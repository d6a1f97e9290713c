package io.github.solarwire.kostal;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.codec.KostalReadings;
import io.github.solarwire.kostal.codec.MpPlusXml;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.kostal.codec.PikoStatusPage;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Decoder;
import io.github.solarwire.kostal.transport.Port81Client;
import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A first-generation Kostal PIKO as a polled device, read through one of its local interfaces
 * ({@link Source}): the web server's status page ({@code index.fhtml}, HTTP Basic auth), the PIKO
 * MP plus {@code all.xml}, or the binary protocol on TCP port 81; {@link Source#AUTO} probes them
 * in that order when the device is opened. Every page layout (1 to 3 strings, 1 to 3 phases) and
 * language is read by structure; at night ({@code x x x}, or XML measurements without a value) the
 * live values are absent and the energy totals are kept.
 *
 * <p>One request at a time: {@link #poll()} is synchronized.
 */
public final class KostalDevice implements PolledDevice {

    /** Which interface the device reads. */
    public enum Source {
        /** The status page, {@code /index.fhtml}. */
        PAGE,
        /** The PIKO MP plus XML, {@code /all.xml}. */
        XML,
        /** The binary protocol on TCP port 81 (status, energies, technical data, model). */
        PORT81,
        /** Whichever of the above answers first when the device is opened. */
        AUTO
    }

    private final String id;
    private final URI base;
    private final URI page;
    private final Source wanted;
    private final int port81;
    private final int address;
    private Source source;
    private Port81Client port81Client;
    private final String user;
    private final Secret password;
    private final Duration timeout;
    private final Clock clock;
    private HttpClient http;
    private DeviceInfo info;
    private volatile PikoStatus last;

    private KostalDevice(Builder b) {
        this.id = b.id;
        this.base = b.base;
        this.page = b.base.resolve("/index.fhtml");
        this.wanted = b.source;
        this.port81 = b.port81;
        this.address = b.address;
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
        http = HttpClient.builder()
                .connectTimeout(timeout)
                .responseTimeout(timeout)
                .maxBodyBytes(256 * 1024)
                .build();
        try {
            PikoStatus status = probe();
            DeviceInfo.Builder b = DeviceInfo.builder(id, "inverter")
                    .vendor("Kostal")
                    .protocol("piko-" + source.name().toLowerCase(Locale.ROOT));
            if (status.model() != null) {
                b.model(status.model());
            }
            info = b.build();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Reads through the wanted source, or for AUTO the first that answers, and remembers it. */
    private PikoStatus probe() throws IOException {
        if (wanted != Source.AUTO) {
            source = wanted;
            return fetch();
        }
        IOException first = null;
        for (Source candidate : List.of(Source.PAGE, Source.XML, Source.PORT81)) {
            source = candidate;
            try {
                return fetch();
            } catch (IOException e) {
                closePort81();
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw first;
    }

    private PikoStatus fetch() throws IOException {
        PikoStatus status = switch (source) {
            case XML ->
                MpPlusXml.parse(http.getOk(base.resolve("/all.xml"), user, password)
                                .body())
                        .toStatus();
            case PORT81 -> readPort81();
            default -> {
                HttpResult result = http.getOk(page, user, password);
                yield PikoStatusPage.parse(result.body());
            }
        };
        last = status;
        return status;
    }

    private PikoStatus readPort81() throws IOException {
        if (port81Client == null) {
            port81Client = Port81Client.open(base.getHost(), port81, timeout);
        }
        Port81Client c = port81Client;
        return Port81Decoder.toStatus(
                Port81Decoder.model(c.request(address, Port81Command.MODEL), address),
                Port81Decoder.status(c.request(address, Port81Command.STATUS), address),
                Port81Decoder.totalEnergy(c.request(address, Port81Command.TOTAL_ENERGY), address),
                Port81Decoder.todayEnergy(c.request(address, Port81Command.TODAY_ENERGY), address),
                Port81Decoder.technicalData(c.request(address, Port81Command.TECHNICAL_DATA), address),
                address);
    }

    private void closePort81() {
        Port81Client c = port81Client;
        port81Client = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a dead connection
            }
        }
    }

    /**
     * The interface in use: the one configured, or the one found when the device was opened.
     *
     * @return the source, or null before the first open with {@link Source#AUTO}
     */
    public Source source() {
        return source;
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
        closePort81();
        HttpClient h = http;
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
        private Source source = Source.PAGE;
        private int port81 = 81;
        private int address = 255;

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
         * Chooses the interface. Default {@link Source#PAGE}, what every PIKO of this generation
         * but the MP plus serves.
         *
         * @param source the source
         * @return this builder
         */
        public Builder source(Source source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the TCP port and RS485 address of the binary protocol. Default 81 and 255.
         *
         * @param port the TCP port
         * @param address the RS485 address of the inverter behind it, 0 to 255
         * @return this builder
         */
        public Builder port81(int port, int address) {
            if (port < 1 || port > 65535 || address < 0 || address > 255) {
                throw new IllegalArgumentException(
                        "port 1 to 65535 and address 0 to 255, were " + port + ", " + address);
            }
            this.port81 = port;
            this.address = address;
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
