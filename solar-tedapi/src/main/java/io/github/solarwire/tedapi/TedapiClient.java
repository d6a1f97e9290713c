package io.github.solarwire.tedapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.tedapi.codec.FirmwareInfo;
import io.github.solarwire.tedapi.codec.QueryResult;
import io.github.solarwire.tedapi.codec.QueryRole;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.QuerySets;
import io.github.solarwire.tedapi.codec.SignedQuery;
import io.github.solarwire.tedapi.codec.TedapiRequests;
import io.github.solarwire.tedapi.codec.TedapiResponses;
import io.github.solarwire.tedapi.transport.GatewayAuthException;
import io.github.solarwire.tedapi.transport.GatewayBusyException;
import io.github.solarwire.tedapi.transport.GatewayConnection;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Tesla gateway over TEDAPI v1: its DIN, {@code config.json}, status, device controller,
 * firmware and, on a Powerwall 3 site, each battery block's components, gently.
 *
 * <ul>
 *   <li><b>Cached.</b> Every item keeps its answer for a time to live: the status, controller,
 *       firmware and each block's components for {@link Builder#statusTtl} (5 s), the config for
 *       {@link Builder#configTtl} (60 s), the DIN for the client's life. A full sweep over the API
 *       therefore costs at most one request per item per TTL.
 *   <li><b>Single-flight.</b> Each item has its own lock and re-checks its cache after taking it:
 *       threads asking for the same item at once share one gateway request; different items do not
 *       wait for each other (the connection still sends one request at a time).
 *   <li><b>Query-set fallback.</b> When the preferred set of signed queries gives no usable answer
 *       (GraphQL errors or empty data: Tesla rotated its keys), the other set is tried once; the
 *       client remembers the set that works and logs the switch at INFO.
 *   <li><b>Stale during outages.</b> When the gateway is cooling down after HTTP 429/503 ({@link
 *       GatewayBusyException}) or a request fails, an item served before is served again, stale;
 *       an item never read throws. Until a cool-down ends the client sends nothing. One WARN per
 *       outage, one INFO when the gateway answers again; an item whose answers are unusable (no
 *       data in either query set, a malformed body) is served stale the same way, with one WARN of
 *       its own. Nothing is retried in a loop and nothing sleeps. HTTP 403 ({@link
 *       GatewayAuthException}) is never hidden behind stale data.
 * </ul>
 *
 * <p>Powerwall 3 components follow pypowerwall's routing: only config {@code battery_blocks[]}
 * whose {@code type} contains {@code Powerwall3} are asked; a single block through {@code
 * /tedapi/v1}, several through {@code /tedapi/device/<din>/v1} each, the leader included.
 *
 * <p>Thread-safe; make one per gateway and share it.
 */
public final class TedapiClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TedapiClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the client reads; the unit of {@link #requests(Item)}. */
    public enum Item {
        /** {@code GET /tedapi/din}. */
        DIN,
        /** The {@code config.json} file. */
        CONFIG,
        /** The STATUS query. */
        STATUS,
        /** The CONTROLLER query. */
        CONTROLLER,
        /** The system info. */
        FIRMWARE,
        /** The Powerwall 3 components queries, one per battery block. */
        COMPONENTS
    }

    private final GatewayConnection connection;
    private final QuerySets querySets;
    private final Clock clock;
    private final Duration statusTtl;
    private final Map<Item, AtomicLong> requests = new EnumMap<>(Item.class);
    private final AtomicBoolean outage = new AtomicBoolean();
    private final Object switchLock = new Object();
    private volatile QuerySetVersion working;
    private volatile Instant busyUntil = Instant.MIN;

    private final Cached<String> din;
    private final Cached<String> config;
    private final Cached<String> status;
    private final Cached<String> controller;
    private final Cached<FirmwareInfo> firmware;
    private final Map<String, Cached<String>> blocks = new ConcurrentHashMap<>();

    private TedapiClient(Builder b) {
        this.connection = b.connection;
        this.querySets = b.querySets;
        this.clock = b.clock;
        this.statusTtl = b.statusTtl;
        this.working = b.preferred;
        for (Item item : Item.values()) {
            requests.put(item, new AtomicLong());
        }
        this.din = new Cached<>(null, () -> {
            count(Item.DIN);
            return connection.din();
        });
        this.config = new Cached<>(
                b.configTtl,
                () -> TedapiResponses.configJson(post(Item.CONFIG, TedapiRequests.PATH, TedapiRequests.config(din()))));
        this.status = new Cached<>(statusTtl, () -> query(Item.STATUS, QueryRole.STATUS));
        this.controller = new Cached<>(statusTtl, () -> query(Item.CONTROLLER, QueryRole.CONTROLLER));
        this.firmware = new Cached<>(
                statusTtl,
                () -> TedapiResponses.firmware(
                        post(Item.FIRMWARE, TedapiRequests.PATH, TedapiRequests.firmware(din()))));
    }

    /**
     * Starts a builder.
     *
     * @param connection the link to the gateway; {@link #close()} closes it
     * @return a new builder
     */
    public static Builder builder(GatewayConnection connection) {
        return new Builder(connection);
    }

    /**
     * The gateway DIN, read once and kept for the client's life.
     *
     * @return the DIN, e.g. {@code 1232100-00-E--TG123456789012}
     * @throws GatewayAuthException on HTTP 403
     * @throws GatewayBusyException during a cool-down
     * @throws IOException when the request fails
     */
    public String din() throws IOException {
        return din.get().value();
    }

    /**
     * The gateway's {@code config.json}, cached for the config TTL.
     *
     * @return the JSON text
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when the gateway cannot be read and no earlier answer is cached
     */
    public String config() throws IOException {
        return config.get().value();
    }

    /**
     * The STATUS query's JSON (system status, islanding, meter aggregates, alerts, the esCan bus),
     * cached for the status TTL.
     *
     * @return the JSON text
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when the gateway cannot be read (or neither query set gives data) and no
     *     earlier answer is cached
     */
    public String status() throws IOException {
        return status.get().value();
    }

    /**
     * The CONTROLLER query's JSON: the status plus the Backup Switch (MSA) components, IEEE 2030.5
     * and the remote meter; cached for the status TTL.
     *
     * @return the JSON text
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when the gateway cannot be read (or neither query set gives data) and no
     *     earlier answer is cached
     */
    public String controller() throws IOException {
        return controller.get().value();
    }

    /**
     * The gateway's system info (firmware version, part and serial number, radios), cached for the
     * status TTL.
     *
     * @return the firmware info
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when the gateway cannot be read and no earlier answer is cached
     */
    public FirmwareInfo firmware() throws IOException {
        return firmware.get().value();
    }

    /**
     * Each Powerwall 3 battery block's components query JSON (PCH, BMS, HVP, PW3SAF, BAGGR), each
     * cached for the status TTL. The blocks are the config's {@code battery_blocks[]} whose {@code
     * type} contains {@code Powerwall3}: one is asked through {@code /tedapi/v1}, several through
     * {@code /tedapi/device/<din>/v1} each, the leader included.
     *
     * @return the JSON by block DIN, in config order; empty on a Powerwall 2/+ site, with no request
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when a block cannot be read and no earlier answer is cached, or the config
     *     is not JSON
     */
    public Map<String, String> components() throws IOException {
        Map<String, String> json = new LinkedHashMap<>();
        for (Map.Entry<String, Stamped<String>> e : blockComponents().entrySet()) {
            json.put(e.getKey(), e.getValue().value());
        }
        return Collections.unmodifiableMap(json);
    }

    /**
     * Everything at once, each part from its cache when fresh.
     *
     * @return the snapshot
     * @throws GatewayAuthException on HTTP 403
     * @throws IOException when a part cannot be read and no earlier answer is cached
     */
    public Snapshot snapshot() throws IOException {
        String gatewayDin = din();
        Stamped<String> configPart = config.get();
        Stamped<String> statusPart;
        try {
            statusPart = controller.get();
        } catch (QueryFailedException e) {
            LOG.debug("controller query gave no data, using the status query: {}", e.getMessage());
            statusPart = status.get();
        }
        Map<String, Stamped<String>> blockParts = blockComponents();
        Stamped<FirmwareInfo> firmwarePart = firmware.get();
        Instant oldest = configPart.at();
        List<Instant> times = new ArrayList<>(List.of(statusPart.at(), firmwarePart.at()));
        Map<String, String> json = new LinkedHashMap<>();
        for (Map.Entry<String, Stamped<String>> e : blockParts.entrySet()) {
            json.put(e.getKey(), e.getValue().value());
            times.add(e.getValue().at());
        }
        for (Instant t : times) {
            if (t.isBefore(oldest)) {
                oldest = t;
            }
        }
        return new Snapshot(gatewayDin, configPart.value(), statusPart.value(), json, firmwarePart.value(), oldest);
    }

    /**
     * How many requests the client handed to the connection for one item, whatever their outcome.
     * Calls the client itself turns away during a cool-down are not counted.
     *
     * @param item the item
     * @return the count
     */
    public long requests(Item item) {
        return requests.get(Objects.requireNonNull(item, "item")).get();
    }

    /**
     * How many requests the client handed to the connection in all.
     *
     * @return the count
     */
    public long requests() {
        long total = 0;
        for (AtomicLong n : requests.values()) {
            total += n.get();
        }
        return total;
    }

    /**
     * The query set the client uses now: the preferred one until it stops answering.
     *
     * @return the set
     */
    public QuerySetVersion querySet() {
        return working;
    }

    /** Closes the connection. */
    @Override
    public void close() {
        connection.close();
    }

    /** The gateway and the counters, e.g. {@code TedapiClient[GatewayConnection[...], 6 requests, V2024_06]}. */
    @Override
    public String toString() {
        return "TedapiClient[" + connection + ", " + requests() + " requests, " + working + "]";
    }

    /** How many threads wait for an item's lock; for tests. */
    int waiting(Item item) {
        return switch (item) {
            case DIN -> din.waiting();
            case CONFIG -> config.waiting();
            case STATUS -> status.waiting();
            case CONTROLLER -> controller.waiting();
            case FIRMWARE -> firmware.waiting();
            case COMPONENTS ->
                blocks.values().stream().mapToInt(Cached::waiting).sum();
        };
    }

    static Map<String, String> ordered(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return Collections.unmodifiableMap(copy);
    }

    private Map<String, Stamped<String>> blockComponents() throws IOException {
        List<String> dins = powerwall3Blocks(config());
        Map<String, Stamped<String>> parts = new LinkedHashMap<>();
        if (dins.isEmpty()) {
            return parts;
        }
        String leader = din();
        boolean routed = dins.size() > 1;
        for (String block : dins) {
            Cached<String> cached = blocks.computeIfAbsent(
                    routed ? block : "direct:" + block,
                    k -> new Cached<>(
                            statusTtl,
                            routed
                                    ? () -> query(
                                            Item.COMPONENTS,
                                            QueryRole.COMPONENTS,
                                            TedapiRequests.devicePath(block),
                                            q -> TedapiRequests.components(leader, block, q))
                                    : () -> query(
                                            Item.COMPONENTS,
                                            QueryRole.COMPONENTS,
                                            TedapiRequests.PATH,
                                            q -> TedapiRequests.components(leader, q))));
            parts.put(block, cached.get());
        }
        return parts;
    }

    /** The DINs of the config's battery blocks whose type contains {@code Powerwall3}, in order. */
    static List<String> powerwall3Blocks(String configJson) throws ProtocolException {
        JsonNode root;
        try {
            root = JSON.readTree(configJson);
        } catch (JacksonException e) {
            throw new ProtocolException("config.json is not JSON", -1, "a JSON object", e.getOriginalMessage(), e);
        }
        List<String> dins = new ArrayList<>();
        if (root == null) {
            return dins;
        }
        for (JsonNode block : root.path("battery_blocks")) {
            String vin = block.path("vin").asText("").strip();
            if (block.path("type").asText("").contains("Powerwall3") && !vin.isBlank() && !dins.contains(vin)) {
                dins.add(vin);
            }
        }
        return dins;
    }

    private String query(Item item, QueryRole role) throws IOException {
        String gatewayDin = din();
        return query(item, role, TedapiRequests.PATH, q -> TedapiRequests.query(gatewayDin, q));
    }

    /** Asks the working query set, then the other once when the answer is not usable. */
    private String query(Item item, QueryRole role, String path, Function<SignedQuery, byte[]> request)
            throws IOException {
        QuerySetVersion first = working;
        QueryResult result = TedapiResponses.query(post(item, path, request.apply(querySets.get(first, role))));
        if (result.usable()) {
            return result.json();
        }
        QuerySetVersion second = first.other();
        QueryResult other = TedapiResponses.query(post(item, path, request.apply(querySets.get(second, role))));
        if (!other.usable()) {
            throw new QueryFailedException(role, path, first, result, other);
        }
        synchronized (switchLock) {
            if (working != second) {
                working = second;
                LOG.info(
                        "{}: the {} queries give no data ({}), the {} ones do: using {} from now on",
                        connection,
                        first,
                        describe(result),
                        second,
                        second);
            }
        }
        return other.json();
    }

    private byte[] post(Item item, String path, byte[] body) throws IOException {
        count(item);
        return connection.post(path, body);
    }

    private void count(Item item) throws GatewayBusyException {
        Instant until = busyUntil;
        if (clock.instant().isBefore(until)) {
            throw new GatewayBusyException(
                    connection + ": " + item + " not asked: the gateway is cooling down until " + until, until);
        }
        requests.get(item).incrementAndGet();
    }

    private static String describe(QueryResult r) {
        return "status " + r.status() + ", " + r.json().length() + " chars"
                + (r.errors().isEmpty() ? "" : ", " + r.errors().get(0).message());
    }

    private void failed(IOException e) {
        if (e instanceof GatewayBusyException busy && busy.until().isAfter(busyUntil)) {
            busyUntil = busy.until();
        }
        if (outage.compareAndSet(false, true)) {
            LOG.warn(
                    "{}: the gateway does not answer, serving cached data where there is some until it does: {}",
                    connection,
                    e.getMessage());
        }
    }

    private void answered() {
        if (outage.compareAndSet(true, false)) {
            LOG.info("{}: the gateway answers again", connection);
        }
    }

    /** Neither query set gave usable data. */
    private static final class QueryFailedException extends ProtocolException {
        private static final long serialVersionUID = 1L;

        QueryFailedException(
                QueryRole role, String path, QuerySetVersion first, QueryResult firstResult, QueryResult second) {
            super(
                    role + " query to " + path + " gave no data in either query set",
                    -1,
                    "status 1 and JSON",
                    first + ": " + describe(firstResult) + "; " + first.other() + ": " + describe(second));
        }
    }

    /** A fetch that may fail. */
    @FunctionalInterface
    private interface Fetch<T> {
        T fetch() throws IOException;
    }

    /** A value and when it was read. */
    private record Stamped<T>(T value, Instant at) {}

    /** One item's cache: its own lock, re-checked after taking it, so one fetch serves all waiting. */
    private final class Cached<T> {
        private final Duration ttl;
        private final Fetch<T> fetch;
        private final ReentrantLock lock = new ReentrantLock();
        private Stamped<T> last;
        private boolean garbled;

        /** A cache for {@code ttl}, or for ever when {@code ttl} is null. */
        Cached(Duration ttl, Fetch<T> fetch) {
            this.ttl = ttl;
            this.fetch = fetch;
        }

        Stamped<T> get() throws IOException {
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for another thread's request");
            }
            try {
                if (last != null
                        && (ttl == null || clock.instant().isBefore(last.at().plus(ttl)))) {
                    return last;
                }
                T value;
                try {
                    value = fetch.fetch();
                } catch (GatewayAuthException | InterruptedIOException e) {
                    throw e;
                } catch (ProtocolException e) {
                    // the gateway answered, but not usably: this item's problem, not an outage
                    if (!garbled) {
                        garbled = true;
                        LOG.warn(
                                "{}: {}{}",
                                connection,
                                e.getMessage(),
                                last == null ? "" : "; serving the last answer");
                    }
                    return stale(e);
                } catch (IOException e) {
                    failed(e);
                    return stale(e);
                }
                answered();
                if (garbled) {
                    garbled = false;
                    LOG.info("{}: usable answers again", connection);
                }
                last = new Stamped<>(value, clock.instant());
                return last;
            } finally {
                lock.unlock();
            }
        }

        private Stamped<T> stale(IOException e) throws IOException {
            if (last == null) {
                throw e;
            }
            LOG.debug("serving a stale answer from {}: {}", last.at(), e.getMessage());
            return last;
        }

        int waiting() {
            return lock.getQueueLength();
        }
    }

    /** Configures a {@link TedapiClient}. */
    public static final class Builder {
        private final GatewayConnection connection;
        private Duration statusTtl = Duration.ofSeconds(5);
        private Duration configTtl = Duration.ofSeconds(60);
        private QuerySets querySets;
        private QuerySetVersion preferred = QuerySetVersion.V2024_06;
        private Clock clock = Clock.systemUTC();

        private Builder(GatewayConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
        }

        /**
         * Sets how long the status, controller, firmware and components answers are kept. Default
         * 5 s, pypowerwall's; the gateway is happier with more.
         *
         * @param ttl the time to live, zero (no caching) or positive
         * @return this builder
         */
        public Builder statusTtl(Duration ttl) {
            this.statusTtl = checkTtl(ttl);
            return this;
        }

        /**
         * Sets how long the config is kept. Default 60 s: one config read per minute.
         *
         * @param ttl the time to live, zero (no caching) or positive
         * @return this builder
         */
        public Builder configTtl(Duration ttl) {
            this.configTtl = checkTtl(ttl);
            return this;
        }

        /**
         * Sets the signed queries. Default {@link QuerySets#shipped()}.
         *
         * @param sets the query sets
         * @return this builder
         */
        public Builder querySets(QuerySets sets) {
            this.querySets = Objects.requireNonNull(sets, "sets");
            return this;
        }

        /**
         * Sets the query set tried first. Default {@link QuerySetVersion#V2024_06}.
         *
         * @param version the set
         * @return this builder
         */
        public Builder preferred(QuerySetVersion version) {
            this.preferred = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the clock the times to live are measured by. Default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client; it sends nothing until the first call.
         *
         * @return the client
         */
        public TedapiClient build() {
            if (querySets == null) {
                querySets = QuerySets.shipped();
            }
            return new TedapiClient(this);
        }

        private static Duration checkTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("a time to live must not be negative, was " + ttl);
            }
            return ttl;
        }
    }
}
