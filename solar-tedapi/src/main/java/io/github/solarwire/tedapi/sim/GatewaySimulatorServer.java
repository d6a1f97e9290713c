package io.github.solarwire.tedapi.sim;

import io.github.solarwire.tedapi.codec.TedapiRequests;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

/**
 * A {@link SimulatedGateway} served on 127.0.0.1 the way a Tesla gateway serves TEDAPI: HTTPS
 * with the caller's server {@link SslContext} (the real gateway's certificate is self-signed), or
 * plain HTTP for demos.
 *
 * <ul>
 *   <li>{@code GET /}: 200 with an HTML page on a PW2, 403 on a PW3 (what clients probe to tell
 *       them apart); no password needed.
 *   <li>{@code GET /tedapi/din}: the gateway DIN as text.
 *   <li>{@code POST /tedapi/v1}: config, firmware and the status, controller and components
 *       queries of both shipped query sets, recognised by their exact signed bytes.
 *   <li>{@code POST /tedapi/device/<din>/v1}: a components query for one PW3 unit.
 * </ul>
 *
 * <p>Every {@code /tedapi} request needs HTTP Basic {@code Tesla_Energy_Device:<password>}; a
 * missing or wrong one gets 403, as on the gateway. Options a test turns on: gzip bodies without a
 * {@code Content-Encoding} header (firmware 25.42.2+), a status (429, 503, …) for the next N
 * requests, a delay before each reply. Every request is counted by path, refused ones included, so
 * a test can prove a client polls gently.
 *
 * <p>Thread-safe. Runs on one Netty event-loop thread of its own until {@link #close()}.
 */
public final class GatewaySimulatorServer implements Closeable {

    private final SimulatedGateway gateway;
    private final TedapiAnswers answers;
    private final Clock clock;
    private final boolean tls;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final String expectedAuthorization;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>(new Failure(0, 0));
    private final AtomicLong delayNanos = new AtomicLong();
    private volatile boolean gzip;

    /** A status to answer and how many more requests get it. */
    private record Failure(int status, int remaining) {}

    private GatewaySimulatorServer(Builder b) throws InterruptedException {
        this.gateway = b.gateway;
        this.answers = new TedapiAnswers(gateway);
        this.clock = b.clock;
        this.tls = b.sslContext != null;
        this.gzip = b.gzip;
        this.delayNanos.set(b.delay.toNanos());
        String credentials = TedapiRequests.USER + ":" + gateway.password();
        this.expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        GatewayHttpHandler handler = new GatewayHttpHandler(this);
        SslContext ssl = b.sslContext;
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (ssl != null) {
                                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                            }
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(1024 * 1024))
                                    .addLast(handler);
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port))
                    .sync()
                    .channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * A builder for a server of this site.
     *
     * @param gateway the site to serve
     * @return a builder: plain HTTP on a free port until {@link Builder#https(SslContext)}
     */
    public static Builder builder(SimulatedGateway gateway) {
        return new Builder(gateway);
    }

    /**
     * The site served.
     *
     * @return the simulated gateway
     */
    public SimulatedGateway gateway() {
        return gateway;
    }

    /**
     * The port.
     *
     * @return the port on 127.0.0.1
     */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * The base URI, e.g. {@code https://127.0.0.1:40123}.
     *
     * @return the URI, without a trailing slash
     */
    public URI uri() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /**
     * Answers the next {@code count} requests, whatever they are, with this status and an empty
     * body: 429 or 503 is how a gateway says it is overloaded.
     *
     * @param status an HTTP status from 400 to 599
     * @param count how many requests, 0 to stop
     */
    public void failNext(int status, int count) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status: " + status);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        failure.set(new Failure(status, count));
    }

    /**
     * Delays every reply from now on (the request is counted on arrival).
     *
     * @param delay zero for none
     */
    public void delayReplies(Duration delay) {
        delayNanos.set(nonNegative(delay).toNanos());
    }

    /**
     * Gzips {@code /tedapi} bodies from now on, as firmware 25.42.2+ does (without a {@code
     * Content-Encoding} header).
     *
     * @param gzip true to gzip
     */
    public void gzip(boolean gzip) {
        this.gzip = gzip;
    }

    /**
     * Requests received on one path, refused ones included.
     *
     * @param path e.g. {@code /tedapi/v1} or {@code /tedapi/device/<din>/v1}
     * @return the count
     */
    public long requests(String path) {
        AtomicLong n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /**
     * Requests received, by path.
     *
     * @return a sorted copy
     */
    public Map<String, Long> requestCounts() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((path, n) -> copy.put(path, n.get()));
        return copy;
    }

    /**
     * Requests received on all paths.
     *
     * @return the count
     */
    public long totalRequests() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    void count(String path) {
        requests.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    }

    /** The injected status for this request, or 0. */
    int takeFailure() {
        Failure f = failure.getAndUpdate(
                current -> current.remaining > 0 ? new Failure(current.status, current.remaining - 1) : current);
        return f.remaining > 0 ? f.status : 0;
    }

    long delayNanos() {
        return delayNanos.get();
    }

    boolean authorized(String authorization) {
        return expectedAuthorization.equals(authorization);
    }

    TedapiAnswers answers() {
        return answers;
    }

    Clock clock() {
        return clock;
    }

    /** The body as the gateway sends it: gzipped when that option is on. */
    byte[] encode(byte[] body) {
        if (!gzip) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Duration nonNegative(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return delay;
    }

    /** Options of a {@link GatewaySimulatorServer}. Not thread-safe. */
    public static final class Builder {
        private final SimulatedGateway gateway;
        private SslContext sslContext;
        private int port;
        private boolean gzip;
        private Duration delay = Duration.ZERO;
        private Clock clock = Clock.systemUTC();

        private Builder(SimulatedGateway gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
        }

        /**
         * Serves HTTPS with this server context, as the gateway does; without it the server speaks
         * plain HTTP (for demos).
         *
         * @param sslContext a Netty server {@link SslContext}, e.g. from {@code
         *     SslContextBuilder.forServer(certFile, keyFile)}
         * @return this builder
         */
        public Builder https(SslContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            if (!sslContext.isServer()) {
                throw new IllegalArgumentException("needs a server SslContext");
            }
            return this;
        }

        /**
         * The port.
         *
         * @param port 0 (default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Gzips {@code /tedapi} bodies from the start.
         *
         * @param gzip true to gzip (default false)
         * @return this builder
         */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /**
         * Delays every reply.
         *
         * @param delay zero (default) or more
         * @return this builder
         */
        public Builder delay(Duration delay) {
            this.delay = nonNegative(delay);
            return this;
        }

        /**
         * The clock the site's values follow.
         *
         * @param clock default the system clock, UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds the port.
         *
         * @return the running server
         * @throws InterruptedException when interrupted while binding
         */
        public GatewaySimulatorServer start() throws InterruptedException {
            return new GatewaySimulatorServer(this);
        }
    }
}
