package io.github.solarwire.tedapi;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Unit;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.tedapi.transport.GatewayConnection;
import io.github.solarwire.tedapi.view.BatteryBlock;
import io.github.solarwire.tedapi.view.GatewaySnapshot;
import io.github.solarwire.tedapi.view.GridStatus;
import io.github.solarwire.tedapi.view.LegacyViews;
import io.github.solarwire.tedapi.view.MeterAggregates;
import io.github.solarwire.tedapi.view.PvString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A Tesla Powerwall 2/+ or 3 site, read over its gateway's local TEDAPI, as a polled device.
 *
 * <p>Each {@link #poll()} takes one {@link TedapiClient#snapshot()} (config at most once a minute,
 * status and components at most once per status TTL, one request in flight, nothing during a
 * 429/503 cool-down) and gives:
 *
 * <ul>
 *   <li>one reading of the site (this device): {@code grid.power} (+ import), {@code pv.power},
 *       {@code battery.power} (+ discharge), {@code load.power} in W; {@code battery.soc} on the
 *       app's scale (what the Tesla app shows) and {@code tedapi.soe_raw} (the gateway's own
 *       level); the grid status and the active alerts as text states;
 *   <li>one reading per battery block ({@code <id>-<serial>}, kind {@code battery}): remaining and
 *       full-pack energy in Wh, AC power in W (the gateway's kW converted), voltage, frequency;
 *   <li>one reading per PV string ({@code <id>-string-<name>}, kind {@code pv_string}): DC
 *       voltage, current, power and its state.
 * </ul>
 *
 * <p>Not thread-safe beyond what {@link io.github.solarwire.core.Device} requires. The gateway
 * password never appears in logs, exceptions or {@link #toString()}.
 */
public final class PowerwallDevice implements PolledDevice {

    /** The gateway's own state of energy, 0–100 %, before the app's 5 % reserve scaling. */
    public static final Metric SOE_RAW = Metric.gauge("tedapi.soe_raw", Unit.PERCENT);

    private final String id;
    private final String host;
    private final Secret password;
    private final TlsTrust trust;
    private final Duration timeout;
    private final Duration statusTtl;
    private final Duration configTtl;
    private final Clock clock;
    private TedapiClient client;
    private volatile DeviceInfo info;

    private PowerwallDevice(Builder b) {
        this.id = b.id;
        this.host = b.host;
        this.password = b.password;
        this.trust = b.trust;
        this.timeout = b.timeout;
        this.statusTtl = b.statusTtl;
        this.configTtl = b.configTtl;
        this.clock = b.clock;
        this.info = DeviceInfo.builder(id, "site")
                .vendor("Tesla")
                .protocol("tedapi")
                .build();
    }

    /**
     * Starts a builder.
     *
     * @param id the site's device id, e.g. {@code powerwall}
     * @param host the gateway: {@code 192.168.91.1}, or {@code host:port}
     * @return a new builder
     */
    public static Builder builder(String id, String host) {
        return new Builder(id, host);
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        GatewayConnection connection = GatewayConnection.builder(host)
                .password(password)
                .tlsTrust(trust)
                .timeout(timeout)
                .clock(clock)
                .build();
        TedapiClient c = TedapiClient.builder(connection)
                .statusTtl(statusTtl)
                .configTtl(configTtl)
                .clock(clock)
                .build();
        try {
            String din = c.din();
            info = info.toBuilder().serial(din).build();
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        client = c;
    }

    @Override
    public synchronized List<Reading> poll() throws IOException {
        if (client == null) {
            throw new IOException("powerwall " + id + " is not open");
        }
        Snapshot s = client.snapshot();
        GatewaySnapshot g = view(s);
        if (s.firmware() != null && info.firmware().isEmpty()) {
            info = info.toBuilder().firmware(s.firmware().version()).build();
        }
        Instant at = s.takenAt();
        List<Reading> out = new ArrayList<>();
        Reading.Builder site = Reading.builder(info, at);
        MeterAggregates aggregates = LegacyViews.aggregates(g).orElse(null);
        if (aggregates != null) {
            add(site, Metrics.GRID_POWER, aggregates.site());
            add(site, Metrics.PV_POWER, aggregates.solar());
            add(site, Metrics.BATTERY_POWER, aggregates.battery());
            add(site, Metrics.LOAD_POWER, aggregates.load());
        }
        add(site, Metrics.BATTERY_SOC, LegacyViews.soe(g));
        add(site, SOE_RAW, LegacyViews.rawSoe(g));
        LegacyViews.gridStatus(g).map(GridStatus::gridStatus).ifPresent(v -> site.state("tedapi.grid_status", v));
        List<String> alerts = LegacyViews.alerts(g);
        site.state("tedapi.alerts", String.join(",", alerts));
        out.add(site.build());
        for (BatteryBlock block : LegacyViews.batteryBlocks(g)) {
            String serial = block.serialNumber() == null ? Integer.toString(out.size()) : block.serialNumber();
            DeviceInfo battery = DeviceInfo.builder(id + "-" + serial, "battery")
                    .vendor("Tesla")
                    .protocol("tedapi")
                    .model(block.type())
                    .serial(block.serialNumber())
                    .parentId(id)
                    .build();
            Reading.Builder b = Reading.builder(battery, at);
            add(b, Metrics.BATTERY_CAPACITY, block.nominalFullPackEnergyWh());
            add(b, REMAINING, block.nominalEnergyRemainingWh());
            add(b, Metrics.AC_POWER, block.pOutKw() == null ? null : block.pOutKw() * 1000);
            add(b, Metrics.AC_VOLTAGE_L1, block.vOut());
            add(b, Metrics.AC_FREQUENCY, block.fOut());
            add(b, Metrics.BATTERY_TEMPERATURE, block.temperatureC());
            out.add(b.build());
        }
        for (Map.Entry<String, PvString> e : LegacyViews.strings(g).entrySet()) {
            PvString string = e.getValue();
            DeviceInfo pv = DeviceInfo.builder(id + "-string-" + e.getKey(), "pv_string")
                    .vendor("Tesla")
                    .protocol("tedapi")
                    .parentId(id)
                    .build();
            Reading.Builder b = Reading.builder(pv, at);
            add(b, Metrics.DC_VOLTAGE_PV1, string.voltage());
            add(b, Metrics.DC_CURRENT_PV1, string.current());
            add(b, Metrics.DC_POWER_PV1, string.power());
            if (string.state() != null) {
                b.state("tedapi.string_state", string.state());
            }
            if (string.connected() != null) {
                b.state("tedapi.string_connected", string.connected().toString());
            }
            out.add(b.build());
        }
        return out;
    }

    /** Energy left in a battery block, Wh. */
    public static final Metric REMAINING = new Metric(
            "tedapi.battery.energy.remaining",
            Unit.WATT_HOUR,
            io.github.solarwire.core.MetricKind.GAUGE,
            "Battery energy remaining");

    /** The client's snapshot as the view layer's. */
    static GatewaySnapshot view(Snapshot s) throws ProtocolException {
        byte[] status = s.status().getBytes(StandardCharsets.UTF_8);
        // the client's status is the full controller result (a superset of the basic status) when the
        // gateway answers it, else the basic status
        GatewaySnapshot.Builder b = GatewaySnapshot.builder(s.din())
                .config(s.config().getBytes(StandardCharsets.UTF_8))
                .status(status)
                .controller(status)
                .takenAt(s.takenAt());
        for (Map.Entry<String, String> e : s.components().entrySet()) {
            b.components(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (s.firmware() != null && s.firmware().version() != null) {
            b.firmware(new io.github.solarwire.tedapi.view.FirmwareInfo(
                    s.firmware().version(), s.firmware().gitHash()));
        }
        return b.build();
    }

    private static void add(Reading.Builder b, Metric m, MeterAggregates.Meter meter) {
        if (meter != null && meter.instantPower() != null && Double.isFinite(meter.instantPower())) {
            b.add(m, meter.instantPower());
        }
    }

    private static void add(Reading.Builder b, Metric m, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            b.add(m, v.getAsDouble());
        }
    }

    private static void add(Reading.Builder b, Metric m, Double v) {
        if (v != null && Double.isFinite(v)) {
            b.add(m, v);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "PowerwallDevice[" + id + ", " + host + "]";
    }

    /** Configures a {@link PowerwallDevice}. */
    public static final class Builder {
        private final String id;
        private final String host;
        private Secret password;
        private TlsTrust trust = TlsTrust.system();
        private Duration timeout = Duration.ofSeconds(5);
        private Duration statusTtl = Duration.ofSeconds(5);
        private Duration configTtl = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder(String id, String host) {
            this.id = Objects.requireNonNull(id, "id");
            this.host = Objects.requireNonNull(host, "host");
        }

        /**
         * Sets the gateway password: the one on the QR sticker (on a Powerwall 3, the sticker on the
         * PW3 itself).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Sets how the gateway's self-signed certificate is trusted: {@link TlsTrust#pinned}, {@link
         * TlsTrust#firstUse} or, explicitly, {@link TlsTrust#insecure()}. Default {@link
         * TlsTrust#system()}, which refuses it.
         *
         * @param trust the trust
         * @return this builder
         */
        public Builder tlsTrust(TlsTrust trust) {
            this.trust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Sets the timeout of one request. Default 5 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long status and components are reused. Default 5 s.
         *
         * @param ttl the time to live
         * @return this builder
         */
        public Builder statusTtl(Duration ttl) {
            this.statusTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Sets how long the config is reused. Default 1 min.
         *
         * @param ttl the time to live
         * @return this builder
         */
        public Builder configTtl(Duration ttl) {
            this.configTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Sets the clock of the caches and the cool-down. Default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the device; nothing is sent until {@link PowerwallDevice#open()}.
         *
         * @return the device
         * @throws IllegalStateException when no password was given
         */
        public PowerwallDevice build() {
            if (password == null) {
                throw new IllegalStateException("a gateway password is needed (the QR sticker's)");
            }
            return new PowerwallDevice(this);
        }
    }
}
