package io.github.solarwire.net;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on Netty that follows many sessions cheaply: every session of one client
 * shares its event loop ({@link Builder#ioThreads(int)} threads, one by default), so one process
 * can follow a thousand sockets.
 *
 * <p>Each session sends a ping every {@link Builder#pingInterval(Duration) ping interval} and fails
 * with {@link StaleConnectionException} when no text or binary message came for the
 * {@link Builder#staleTimeout(Duration) stale timeout}; pongs do not count, since a stalled server
 * may still answer pings. Messages over {@link Builder#maxMessageBytes(int)} fail the session.
 * {@code wss} URIs accept the server certificates the builder's {@link TlsTrust} accepts.
 *
 * <p>Thread-safe. Logs at DEBUG only; the caller decides what deserves INFO.
 */
public final class WebSocketClient implements Closeable {

    /** The handshake response is a status line and a few headers; this bounds a misbehaving server. */
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration pingInterval;
    private final Duration staleTimeout;
    private final int maxMessageBytes;
    private final Connector connector;
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private WebSocketClient(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.pingInterval = b.pingInterval;
        this.staleTimeout = b.staleTimeout;
        this.maxMessageBytes = b.maxMessageBytes;
        this.connector = new Connector(b.ioThreads, b.connectTimeout, b.tlsTrust);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens a session: TCP connect, TLS for {@code wss}, and the upgrade handshake, all within the
     * connect timeout.
     *
     * @param uri a {@code ws} or {@code wss} URI; the path is {@code /} when empty
     * @param listener receives the session's messages on the event-loop thread
     * @return the open session, or an {@link IOException} saying what failed: a
     *     {@link ConnectException} when the server cannot be reached, otherwise a message naming the
     *     refused handshake's HTTP status, the TLS failure or the timeout
     */
    public CompletableFuture<WebSocketSession> connect(URI uri, WebSocketListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<WebSocketSession> opened = new CompletableFuture<>();
        String where = Endpoint.redact(uri);
        Endpoint to;
        try {
            to = Endpoint.of(uri, "ws", "wss");
        } catch (IOException e) {
            opened.completeExceptionally(e);
            return opened;
        }
        if (closed) {
            opened.completeExceptionally(new IOException(where + ": the client is closed"));
            return opened;
        }
        WebSocketConnection connection = new WebSocketConnection(
                uri,
                WebSocketClientHandshakerFactory.newHandshaker(
                        uri, WebSocketVersion.V13, null, false, EmptyHttpHeaders.INSTANCE, maxMessageBytes),
                listener,
                opened,
                connectTimeout,
                staleTimeout);
        connections.add(connection);
        connection.closed().whenComplete((v, e) -> connections.remove(connection));
        opened.whenComplete((s, e) -> {
            if (e != null) {
                connections.remove(connection);
            }
        });
        try {
            connector.connect(
                    to,
                    where,
                    p -> {
                        p.addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES))
                                // lets the handshake response pass; after the handshake, joins continuations
                                .addLast(new WebSocketFrameAggregator(maxMessageBytes));
                        if (!pingInterval.isZero()) {
                            p.addLast(new IdleStateHandler(0, pingInterval.toNanos(), 0, TimeUnit.NANOSECONDS));
                        }
                        p.addLast(connection);
                    },
                    opened);
        } catch (IOException e) {
            opened.completeExceptionally(e);
        }
        if (closed) {
            connection.abort(new IOException(where + ": the client was closed"));
        }
        return opened;
    }

    /**
     * Closes every session (their {@link WebSocketSession#closed()} futures complete normally; a
     * connect still in progress fails) and stops the event loop. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        for (WebSocketConnection c : connections) {
            c.abort(new IOException(Endpoint.redact(c.uri()) + ": the client was closed"));
        }
        connector.close();
    }

    @Override
    public String toString() {
        return "WebSocketClient[" + connections.size() + " sessions, ping " + pingInterval + ", stale " + staleTimeout
                + ", tls " + connector.trust() + "]";
    }

    /** Configures a {@link WebSocketClient}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration staleTimeout = Duration.ofSeconds(90);
        private int maxMessageBytes = 64 * 1024;
        private TlsTrust tlsTrust = TlsTrust.system();
        private int ioThreads = 1;

        private Builder() {}

        /**
         * Sets how long TCP connect, TLS and the upgrade handshake may take together. Default 10 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Settings.positive(timeout, "connect timeout");
            return this;
        }

        /**
         * Sets how often each session sends a ping frame. Default 20 s; {@link Duration#ZERO} sends none.
         *
         * @param interval the interval, or zero
         * @return this builder
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = Settings.positiveOrZero(interval, "ping interval");
            return this;
        }

        /**
         * Sets how long a session may go without a text or binary message before it fails with
         * {@link StaleConnectionException}. Default 90 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder staleTimeout(Duration timeout) {
            this.staleTimeout = Settings.positive(timeout, "stale timeout");
            return this;
        }

        /**
         * Sets the largest message accepted, one frame or continuation frames joined. Default 64 KiB.
         *
         * @param bytes the bound
         * @return this builder
         */
        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = Settings.positive(bytes, "max message bytes");
            return this;
        }

        /**
         * Sets which server certificates {@code wss} accepts. Default {@link TlsTrust#system()}.
         *
         * @param trust the trust
         * @return this builder
         */
        public Builder tlsTrust(TlsTrust trust) {
            this.tlsTrust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Sets how many event-loop threads the sessions share. Default 1.
         *
         * @param threads the thread count
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            this.ioThreads = Settings.positive(threads, "io threads");
            return this;
        }

        /**
         * Builds the client; it starts its event-loop threads.
         *
         * @return the client
         */
        public WebSocketClient build() {
            return new WebSocketClient(this);
        }
    }
}
