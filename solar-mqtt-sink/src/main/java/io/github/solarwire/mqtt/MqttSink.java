package io.github.solarwire.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes readings to an MQTT broker (5 or 3.1.1) without losing any: every message goes into an
 * {@link Outbox} first and leaves it only when the broker acknowledged it (the PUBACK of QoS 1, the
 * default, or the PUBCOMP of QoS 2). While the broker is away the outbox fills; after a reconnect its
 * backlog is published in order. Delivery is at least once: a message in flight when the connection
 * dropped, or whose acknowledgement did not come within the publish timeout, is sent again, so
 * consumers should treat a repeated (device, time) as one reading. At QoS 0 a message leaves the
 * outbox once written to the connection, and the broker may still lose it.
 *
 * <p>What a reading becomes is chosen by {@link TopicLayout}s: by default one JSON state message on
 * {@code <prefix>/<device>/state} ({@link StatePayload}); also per-metric topics, the plain per-value
 * topics of older programs, or an application's own. With Home Assistant discovery on, a retained
 * device discovery message goes out before a device's first state and again when its set of values
 * changes or, after Home Assistant announces {@code online} on its status topic, before the next
 * reading. A retained last will marks the availability topic ({@code <prefix>/availability} by
 * default) {@code offline}; {@code online} is published after every connect.
 *
 * <p>Faults never stop the sink: a broker that is down, restarting, refusing the credentials or
 * presenting an untrusted certificate is retried with backoff and logged once per outage; a publish
 * not acknowledged within the publish timeout drops the connection and the backlog is sent again on
 * the next one; a message the broker refuses (an MQTT 5 reason code, such as an ACL denial) is logged,
 * counted in {@link #refused()} and removed, since sending it again would be refused again.
 *
 * <p>{@link #accept(Reading)} only stores; a thread of the sink's own publishes. Thread-safe.
 */
public final class MqttSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSink.class);
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);

    private final Builder config;
    private final Outbox outbox;
    private final MqttConnection connection;
    private final HomeAssistantDiscovery discovery;
    private final String availabilityTopic;
    private final List<TopicLayout> layouts;
    private final Map<String, Publication> announced = new LinkedHashMap<>();
    private final Map<String, Set<String>> announcedKeys = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong publishTimeouts = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean ackDrainScheduled = new AtomicBoolean();
    private final Set<String> refusedTopics = ConcurrentHashMap.newKeySet();
    private final Thread publisher;
    /**
     * Runs connection events and publish completions off the client's Netty event loop: they touch
     * the outbox, whose disk writes must not stall the loop. One thread, so they never race.
     */
    private final ExecutorService events;

    private volatile boolean republishRequested;
    private volatile boolean connected;
    private volatile boolean rewindNeeded;
    private volatile boolean forcedReconnect;
    private volatile boolean closing;
    /** Set when close() stops waiting for the backlog: the publisher ends at once. */
    private volatile boolean stopped;

    private MqttSink(Builder b, Outbox outbox) throws IOException {
        this.config = b;
        this.outbox = outbox;
        this.availabilityTopic = b.availabilityTopic != null ? b.availabilityTopic : b.prefix + "/availability";
        this.layouts = List.copyOf(b.layouts);
        this.discovery = b.discovery
                ? HomeAssistantDiscovery.builder(this::stateTopic)
                        .prefix(b.discoveryPrefix)
                        .availabilityTopic(availabilityTopic)
                        .build()
                : null;
        this.connection =
                MqttConnection.create(b, availabilityTopic, OFFLINE, context -> onEvent(this::onConnected), context -> {
                    Throwable cause = context.getCause();
                    if (context.getSource() == MqttDisconnectSource.USER && forcedReconnect && !closing) {
                        forcedReconnect = false;
                        context.getReconnector()
                                .reconnect(true)
                                .delay(b.reconnectInitial.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    onEvent(() -> onDisconnected(cause));
                });
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
        connection.connect().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warn("{}: first connect failed: {}; retrying", name(), failure.toString());
            }
        });
    }

    /**
     * The JSON state topic of a device, which Home Assistant discovery points at.
     *
     * @param device the device
     * @return {@code <prefix>/<device id>/state}
     */
    public String stateTopic(DeviceInfo device) {
        return JsonStateLayout.topic(config.prefix, device.id());
    }

    /**
     * The retained availability topic: {@code online} while connected, {@code offline} (the last
     * will) otherwise.
     *
     * @return the topic
     */
    public String availabilityTopic() {
        return availabilityTopic;
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
        for (TopicLayout layout : layouts) {
            out.addAll(layout.publications(reading, config.prefix));
        }
        store(out);
    }

    /**
     * Publishes messages of the caller's own, not derived from a reading, through the same outbox:
     * stored first, removed when acknowledged, published in order with the readings' messages. For
     * apps that speak another program's topic scheme (mpp-solar's {@code <tag>/status/<key>/value},
     * say).
     *
     * @param publications the messages; the sink's {@code retain} setting applies as for readings
     * @throws IOException when the sink is closed, or the outbox cannot store them
     */
    public void publish(List<Publication> publications) throws IOException {
        if (closing) {
            throw new IOException(name() + " is closed");
        }
        store(publications);
    }

    private void store(List<Publication> publications) throws IOException {
        try {
            for (Publication p : publications) {
                outbox.append(p.topic(), p.payload(), p.retain() || config.retain);
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
        LOG.info("{}: connected; {} messages waiting", name(), outbox.size());
        // Sent before the publisher may run, so "online" goes out ahead of the backlog.
        connection.publish(availabilityTopic, ONLINE, true);
        if (discovery != null) {
            connection.subscribe(discovery.statusTopic(), payload -> {
                if ("online".equals(new String(payload, StandardCharsets.UTF_8))) {
                    // Sent again ahead of the next reading, from the caller's thread: appending
                    // may block on a full outbox, which no client thread may do.
                    republishRequested = true;
                }
            });
        }
        connected = true;
        signal();
    }

    private void onDisconnected(Throwable cause) {
        connectionFailures.incrementAndGet();
        boolean was = connected;
        connected = false;
        if (was && !closing) {
            LOG.warn("{}: connection lost: {}; reconnecting", name(), cause.toString());
        } else if (!closing) {
            LOG.debug("{}: connect failed: {}", name(), cause.toString());
        }
    }

    private void publishLoop() {
        while (true) {
            if (stopped || (closing && outbox.size() == 0)) {
                return;
            }
            if (!connected || inFlight.get() >= config.maxInFlight) {
                // Closing waits here too: a sink closed before its first connect still delivers
                // its backlog if the broker answers within the close timeout.
                await();
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
                connection
                        .publish(m.topic(), m.payload(), m.retain())
                        .orTimeout(config.publishTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((result, failure) -> {
                            if (failure == null) {
                                acks.add(new Ack(m.sequence(), current));
                                if (ackDrainScheduled.compareAndSet(false, true)) {
                                    onEvent(this::drainAcks);
                                }
                            } else {
                                onEvent(() -> completed(m, current, failure));
                            }
                        });
            }
        }
    }

    /**
     * Removes every acknowledged message queued so far from the outbox at once: under load one
     * removal-log write and one wake-up cover many acknowledgements.
     */
    private void drainAcks() {
        ackDrainScheduled.set(false);
        long[] batch = new long[64];
        int n = 0;
        int current = 0;
        long now = epoch.get();
        for (Ack a = acks.poll(); a != null; a = acks.poll()) {
            if (n == batch.length) {
                batch = Arrays.copyOf(batch, n * 2);
            }
            batch[n++] = a.sequence();
            if (a.epoch() == now) {
                current++;
            }
        }
        if (n == 0) {
            return;
        }
        try {
            outbox.acknowledge(n == batch.length ? batch : Arrays.copyOf(batch, n));
            published.addAndGet(n);
        } catch (IOException e) {
            LOG.warn("{}: could not record {} acknowledgements: {}", name(), n, e.toString());
        }
        inFlight.addAndGet(-current);
        signal();
    }

    /** A message the broker acknowledged, and the connection epoch it was sent in. */
    private record Ack(long sequence, long epoch) {}

    private void completed(Outbox.Message m, long sentIn, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause == null || cause instanceof MqttConnection.RefusedException) {
            if (cause != null) {
                refused.incrementAndGet();
                // Once per topic at WARN: a denied state topic would otherwise log every reading.
                boolean first = refusedTopics.size() < 1000 && refusedTopics.add(m.topic());
                if (first) {
                    LOG.warn(
                            "{}: the broker refused a message to {} ({}); dropped",
                            name(),
                            m.topic(),
                            cause.getMessage());
                } else {
                    LOG.debug(
                            "{}: the broker refused a message to {} ({}); dropped",
                            name(),
                            m.topic(),
                            cause.getMessage());
                }
            }
            try {
                outbox.acknowledge(m.sequence());
                if (cause == null) {
                    published.incrementAndGet();
                }
            } catch (IOException e) {
                LOG.warn("{}: could not record an acknowledgement: {}", name(), e.toString());
            }
        } else if (sentIn == epoch.get() && connected) {
            if (cause instanceof TimeoutException) {
                publishTimeouts.incrementAndGet();
                LOG.warn(
                        "{}: no acknowledgement for a message to {} within {}; reconnecting and sending the backlog again",
                        name(),
                        m.topic(),
                        config.publishTimeout);
                // The connection is stuck: a new one gets the backlog again; its completions are
                // from this epoch and are ignored from here on.
                connected = false;
                epoch.incrementAndGet();
                forcedReconnect = true;
                connection.disconnect();
            } else {
                if (!rewindNeeded) {
                    LOG.warn("{}: publish to {} failed: {}; sending again", name(), m.topic(), cause.toString());
                }
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
            LOG.debug("{}: event after close ignored", name());
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
            stopped = true; // close() gave up waiting
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
     * certificate, a broker that is down or restarting, a connection dropped after a publish
     * timeout).
     *
     * @return the count
     */
    public long connectionFailures() {
        return connectionFailures.get();
    }

    /**
     * Publishes not acknowledged within the publish timeout since the sink started; each dropped
     * the connection, and what was unacknowledged was sent again on the next.
     *
     * @return the count
     */
    public long publishTimeouts() {
        return publishTimeouts.get();
    }

    /**
     * Messages the broker acknowledged with an error reason (MQTT 5), such as an ACL denial; they
     * were dropped rather than sent again.
     *
     * @return the count
     */
    public long refused() {
        return refused.get();
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
            stopped = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.interrupt();
        try {
            if (connected) {
                connection.publish(availabilityTopic, OFFLINE, true).get(5, TimeUnit.SECONDS);
            }
            connection.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("{}: disconnect: {}", name(), e.toString());
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
        final String host;
        int port = 1883;
        String clientId = "solarwire-" + UUID.randomUUID().toString().substring(0, 8);
        String username;
        Secret password;
        MqttTls tls;
        MqttVersion version = MqttVersion.MQTT_5;
        int qos = 1;
        Duration keepAlive = Duration.ofSeconds(60);
        boolean retain;
        String prefix = "solar";
        String availabilityTopic;
        List<TopicLayout> layouts = List.of(TopicLayout.jsonState());
        boolean discovery = true;
        String discoveryPrefix = HomeAssistantDiscovery.DEFAULT_PREFIX;
        Outbox outbox;
        int maxInFlight = 1000;
        Duration publishTimeout = Duration.ofSeconds(30);
        Duration reconnectInitial = Duration.ofSeconds(1);
        Duration reconnectMax = Duration.ofMinutes(2);
        Duration closeTimeout = Duration.ofSeconds(10);

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
         * Sets what each reading becomes, replacing the default (the JSON state topic only). For
         * example {@code layouts(TopicLayout.jsonState(), TopicLayout.perMetric())} adds a topic per
         * value; {@code layouts(TopicLayout.plainValues(names))} publishes an older program's topics.
         *
         * @param layouts one or more layouts, published in this order
         * @return this builder
         */
        public Builder layouts(TopicLayout... layouts) {
            if (layouts.length == 0) {
                throw new IllegalArgumentException("at least one topic layout is needed");
            }
            this.layouts = List.of(layouts);
            return this;
        }

        /**
         * Sets the availability topic. Default {@code <prefix>/availability}.
         *
         * @param topic the full topic, retained {@code online} and {@code offline}
         * @return this builder
         */
        public Builder availabilityTopic(String topic) {
            this.availabilityTopic = new Publication(topic, new byte[0], true).topic();
            return this;
        }

        /**
         * Sets the protocol version. Default {@link MqttVersion#MQTT_5}.
         *
         * @param version the version
         * @return this builder
         */
        public Builder version(MqttVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the quality of service of published readings. Default 1, which with the outbox
         * loses nothing; 2 also keeps the broker from storing a message twice; 0 leaves nothing to
         * wait for and may lose messages in a broker outage.
         *
         * @param qos 0, 1 or 2
         * @return this builder
         */
        public Builder qos(int qos) {
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
            }
            this.qos = qos;
            return this;
        }

        /**
         * Sets how long an acknowledgement may take before the connection is dropped and the
         * backlog sent again on a new one; also the time a broker has to answer CONNECT. Default
         * 30 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder publishTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("publish timeout must be positive, was " + timeout);
            }
            this.publishTimeout = timeout;
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
            if (discovery && !layouts.contains(TopicLayout.jsonState())) {
                throw new IllegalStateException("Home Assistant discovery reads the JSON state topic: add"
                        + " TopicLayout.jsonState() to the layouts or turn discovery off");
            }
            Outbox box = outbox != null ? outbox : Outbox.inMemory().build();
            MqttSink sink = new MqttSink(this, box);
            sink.start();
            return sink;
        }
    }
}
