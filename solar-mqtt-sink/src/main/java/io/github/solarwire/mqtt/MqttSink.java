package io.github.solarwire.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes readings to an MQTT 5 broker without losing any: every message goes into an {@link
 * Outbox} first and leaves it only when the broker acknowledged it (QoS 1 PUBACK). While the broker
 * is away the outbox fills; after a reconnect its backlog is published in order. Delivery is at
 * least once: a message in flight when the connection dropped is sent again, so consumers should
 * treat a repeated (device, time) as one reading.
 *
 * <p>Each reading becomes a JSON state message on {@code <prefix>/<device>/state} (see {@link
 * StatePayload}), and optionally one plain-number message per value on {@code
 * <prefix>/<device>/<metric key>}. With Home Assistant discovery on, a retained device discovery
 * message goes out before a device's first state and again when its set of values changes or,
 * after Home Assistant announces {@code online} on its status topic, before the next reading. A
 * retained last will marks {@code <prefix>/availability} {@code offline}; {@code online} is
 * published after every connect.
 *
 * <p>{@link #accept(Reading)} only stores; a thread of the sink's own publishes. Thread-safe.
 */
public final class MqttSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSink.class);
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);

    private final Builder config;
    private final Outbox outbox;
    private final Mqtt5AsyncClient client;
    private final HomeAssistantDiscovery discovery;
    private final String availabilityTopic;
    private final Map<String, Publication> announced = new LinkedHashMap<>();
    private final Map<String, Set<String>> announcedKeys = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final Thread publisher;
    /**
     * Runs connection events and publish completions off the client's Netty event loop: they touch
     * the outbox, whose disk writes must not stall the loop. One thread, so they never race.
     */
    private final ExecutorService events;

    private volatile boolean republishRequested;
    private volatile boolean connected;
    private volatile boolean rewindNeeded;
    private volatile boolean closing;

    private MqttSink(Builder b, Outbox outbox) throws IOException {
        this.config = b;
        this.outbox = outbox;
        this.availabilityTopic = b.prefix + "/availability";
        this.discovery = b.discovery
                ? HomeAssistantDiscovery.builder(this::stateTopic)
                        .prefix(b.discoveryPrefix)
                        .availabilityTopic(availabilityTopic)
                        .build()
                : null;
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(b.clientId)
                .serverHost(b.host)
                .serverPort(b.port)
                .automaticReconnect()
                .initialDelay(b.reconnectInitial.toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(b.reconnectMax.toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> onEvent(this::onConnected))
                .addDisconnectedListener(context -> {
                    Throwable cause = context.getCause();
                    onEvent(() -> onDisconnected(cause));
                });
        if (b.tls != null) {
            TrustManagerFactory trust = b.tls.trustManagerFactory();
            builder = trust == null
                    ? builder.sslWithDefaultConfig()
                    : builder.sslConfig().trustManagerFactory(trust).applySslConfig();
        }
        this.client = builder.buildAsync();
        this.publisher = new Thread(this::publishLoop, "solar-mqtt-" + b.host + ":" + b.port);
        this.publisher.setDaemon(true);
        this.events = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "solar-mqtt-events-" + b.host + ":" + b.port);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a builder.
     *
     * @param host the broker's host name or address
     * @return a new builder
     */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    private void start() {
        publisher.start();
        Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect = client.connectWith()
                .cleanStart(true)
                .keepAlive((int) config.keepAlive.toSeconds())
                .willPublish()
                .topic(availabilityTopic)
                .payload(OFFLINE)
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .applyWillPublish();
        if (config.username != null) {
            byte[] password = config.password == null ? new byte[0] : config.password.utf8();
            connect = connect.simpleAuth()
                    .username(config.username)
                    .password(password)
                    .applySimpleAuth();
        }
        connect.send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warn(
                        "mqtt {}:{}: first connect failed: {}; retrying", config.host, config.port, failure.toString());
            }
        });
    }

    /**
     * The JSON state topic of a device.
     *
     * @param device the device
     * @return {@code <prefix>/<device id>/state}
     */
    public String stateTopic(DeviceInfo device) {
        return config.prefix + "/" + device.id() + "/state";
    }

    @Override
    public void accept(Reading reading) throws IOException {
        if (closing) {
            throw new IOException(name() + " is closed");
        }
        List<Publication> out = new ArrayList<>(4);
        if (discovery != null) {
            if (republishRequested) {
                republishRequested = false;
                synchronized (this) {
                    out.addAll(announced.values());
                }
            }
            Publication announcement = discoveryFor(reading);
            if (announcement != null) {
                out.add(announcement);
            }
        }
        out.add(new Publication(stateTopic(reading.device()), StatePayload.encode(reading), config.retain));
        if (config.perMetric) {
            for (int i = 0; i < reading.size(); i++) {
                out.add(Publication.text(
                        config.prefix + "/" + reading.deviceId() + "/"
                                + reading.metric(i).key(),
                        Double.toString(reading.value(i)),
                        config.retain));
            }
        }
        out.addAll(config.extra.apply(reading));
        try {
            for (Publication p : out) {
                outbox.append(p.topic(), p.payload(), p.retain());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the outbox was full", e);
        }
        signal();
    }

    /** The discovery message to send before this reading, or null when its device is announced. */
    private synchronized Publication discoveryFor(Reading reading) {
        Set<String> keys = new LinkedHashSet<>();
        reading.metrics().forEach(m -> keys.add(m.key()));
        keys.addAll(reading.states().keySet());
        Set<String> known = announcedKeys.get(reading.deviceId());
        if (known != null && known.containsAll(keys)) {
            return null;
        }
        Set<String> all = known == null ? keys : union(known, keys);
        announcedKeys.put(reading.deviceId(), all);
        Publication config = discovery.config(
                reading.device(), reading.metrics(), reading.states().keySet());
        announced.put(reading.deviceId(), config);
        return config;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private void onConnected() {
        epoch.incrementAndGet();
        inFlight.set(0);
        outbox.rewind();
        LOG.info("mqtt {}:{}: connected; {} messages waiting", config.host, config.port, outbox.size());
        // Sent before the publisher may run, so "online" goes out ahead of the backlog.
        client.publishWith()
                .topic(availabilityTopic)
                .payload(ONLINE)
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .send();
        if (discovery != null) {
            client.subscribeWith()
                    .topicFilter(discovery.statusTopic())
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> {
                        if ("online".equals(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8))) {
                            // Sent again ahead of the next reading, from the caller's thread: appending
                            // may block on a full outbox, which no client thread may do.
                            republishRequested = true;
                        }
                    })
                    .send();
        }
        connected = true;
        signal();
    }

    private void onDisconnected(Throwable cause) {
        connectionFailures.incrementAndGet();
        boolean was = connected;
        connected = false;
        if (was && !closing) {
            LOG.warn("mqtt {}:{}: connection lost: {}; reconnecting", config.host, config.port, cause.toString());
        } else if (!closing) {
            LOG.debug("mqtt {}:{}: connect failed: {}", config.host, config.port, cause.toString());
        }
    }

    private void publishLoop() {
        while (true) {
            if (closing && outbox.size() == 0) {
                return;
            }
            if (!connected || inFlight.get() >= config.maxInFlight) {
                await();
                if (closing && !connected) {
                    return;
                }
                continue;
            }
            if (rewindNeeded) {
                rewindNeeded = false;
                epoch.incrementAndGet();
                inFlight.set(0);
                outbox.rewind();
            }
            List<Outbox.Message> batch = outbox.next(config.maxInFlight - inFlight.get());
            if (batch.isEmpty()) {
                await();
                continue;
            }
            long current = epoch.get();
            for (Outbox.Message m : batch) {
                inFlight.incrementAndGet();
                client.publishWith()
                        .topic(m.topic())
                        .payload(m.payload())
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(m.retain())
                        .send()
                        .whenCompleteAsync((result, failure) -> completed(m, current, failure), events);
            }
        }
    }

    private void completed(Outbox.Message m, long sentIn, Throwable failure) {
        if (failure == null) {
            try {
                outbox.acknowledge(m.sequence());
                published.incrementAndGet();
            } catch (IOException e) {
                LOG.warn("mqtt: could not record an acknowledgement: {}", e.toString());
            }
        } else if (sentIn == epoch.get()) {
            if (connected) {
                LOG.warn("mqtt: publish to {} failed: {}; sending again", m.topic(), failure.toString());
                rewindNeeded = true;
            }
        }
        if (sentIn == epoch.get()) {
            inFlight.decrementAndGet();
        }
        signal();
    }

    private void onEvent(Runnable event) {
        try {
            events.execute(event);
        } catch (RejectedExecutionException closed) {
            LOG.debug("mqtt {}:{}: event after close ignored", config.host, config.port);
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() {
        lock.lock();
        try {
            wake.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether Home Assistant asked for discovery and the next reading will carry it; for tests. */
    boolean discoveryRepublishPending() {
        return republishRequested;
    }

    /**
     * Messages acknowledged by the broker since the sink started.
     *
     * @return the count
     */
    public long published() {
        return published.get();
    }

    /**
     * Connections lost or refused since the sink started (a wrong password, an untrusted
     * certificate, a broker that is down or restarting).
     *
     * @return the count
     */
    public long connectionFailures() {
        return connectionFailures.get();
    }

    /**
     * Messages stored and not yet acknowledged.
     *
     * @return the count
     */
    public long backlog() {
        return outbox.size();
    }

    /**
     * Whether the sink is connected to the broker now.
     *
     * @return true when connected
     */
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String name() {
        return "mqtt:" + config.host + ":" + config.port;
    }

    /**
     * Publishes what the outbox holds for at most the close timeout, marks the sink offline and
     * disconnects. What is still unacknowledged stays in an on-disk outbox for the next start.
     */
    @Override
    public void close() throws IOException {
        if (closing) {
            return;
        }
        closing = true;
        signal();
        try {
            publisher.join(Math.max(1, config.closeTimeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.interrupt();
        try {
            if (connected) {
                client.publishWith()
                        .topic(availabilityTopic)
                        .payload(OFFLINE)
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .retain(true)
                        .send()
                        .get(5, TimeUnit.SECONDS);
            }
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("mqtt: disconnect: {}", e.toString());
        } finally {
            events.shutdown();
            try {
                events.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            outbox.close();
        }
    }

    /** Configures an {@link MqttSink}. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private int port = 1883;
        private String clientId = "solarwire-" + UUID.randomUUID().toString().substring(0, 8);
        private String username;
        private Secret password;
        private MqttTls tls;
        private Duration keepAlive = Duration.ofSeconds(60);
        private boolean retain;
        private String prefix = "solar";
        private boolean perMetric;
        private boolean discovery = true;
        private String discoveryPrefix = HomeAssistantDiscovery.DEFAULT_PREFIX;
        private Function<Reading, List<Publication>> extra = r -> List.of();
        private Outbox outbox;
        private int maxInFlight = 1000;
        private Duration reconnectInitial = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofMinutes(2);
        private Duration closeTimeout = Duration.ofSeconds(10);

        private Builder(String host) {
            this.host = Objects.requireNonNull(host, "host");
        }

        /**
         * Sets the port. Default 1883.
         *
         * @param port the TCP port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the client id. Default {@code solarwire-} and 8 random hex digits.
         *
         * @param clientId the id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /**
         * Logs in with a user name and password.
         *
         * @param username the user
         * @param password the password; never logged
         * @return this builder
         */
        public Builder credentials(String username, Secret password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = password;
            return this;
        }

        /**
         * Connects with TLS.
         *
         * @param tls how the broker's certificate is trusted
         * @return this builder
         */
        public Builder tls(MqttTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * Sets the keep-alive. Default 60 s.
         *
         * @param keepAlive the interval, whole seconds
         * @return this builder
         */
        public Builder keepAlive(Duration keepAlive) {
            this.keepAlive = Objects.requireNonNull(keepAlive, "keepAlive");
            return this;
        }

        /**
         * Sets whether state messages are retained. Default false.
         *
         * @param retain true to retain
         * @return this builder
         */
        public Builder retain(boolean retain) {
            this.retain = retain;
            return this;
        }

        /**
         * Sets the topic prefix. Default {@code solar}.
         *
         * @param prefix the prefix, without a trailing slash
         * @return this builder
         */
        public Builder topicPrefix(String prefix) {
            this.prefix = Publication.checkPrefix(prefix, "topic prefix");
            return this;
        }

        /**
         * Also publishes each value as a plain number on {@code <prefix>/<device>/<metric key>}.
         *
         * @param on true to publish per-metric topics
         * @return this builder
         */
        public Builder perMetricTopics(boolean on) {
            this.perMetric = on;
            return this;
        }

        /**
         * Adds messages of the caller's own layout for each reading (the seed programs' topics).
         *
         * @param layout maps a reading to extra publications
         * @return this builder
         */
        public Builder extraLayout(Function<Reading, List<Publication>> layout) {
            this.extra = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Turns Home Assistant discovery on or off. Default on.
         *
         * @param on true for discovery
         * @return this builder
         */
        public Builder homeAssistant(boolean on) {
            this.discovery = on;
            return this;
        }

        /**
         * Sets the Home Assistant discovery prefix. Default {@code homeassistant}.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder discoveryPrefix(String prefix) {
            this.discoveryPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Sets the outbox. Default: in memory, 64 MiB, 7 days, drop oldest.
         *
         * @param outbox the outbox; the sink closes it
         * @return this builder
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /**
         * Sets the reconnect backoff. Default 1 s doubling to 2 min.
         *
         * @param initial the first delay
         * @param max the largest delay
         * @return this builder
         */
        public Builder reconnect(Duration initial, Duration max) {
            this.reconnectInitial = Objects.requireNonNull(initial, "initial");
            this.reconnectMax = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Sets how long {@link MqttSink#close()} keeps publishing the backlog. Default 10 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the sink and starts connecting; it accepts readings at once.
         *
         * @return the sink
         * @throws IOException when the TLS trust material cannot be read
         */
        public MqttSink build() throws IOException {
            Outbox box = outbox != null ? outbox : Outbox.inMemory().build();
            MqttSink sink = new MqttSink(this, box);
            sink.start();
            return sink;
        }
    }
}
