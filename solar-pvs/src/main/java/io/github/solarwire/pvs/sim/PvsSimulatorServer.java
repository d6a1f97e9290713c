package io.github.solarwire.pvs.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.Closeable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SimulatedPvs} served on loopback ports the way the real supervisor serves itself: HTTP
 * (and HTTPS when given a server {@link SslContext}) with {@code dl_cgi}, {@code /auth} and {@code
 * /vars}, and the telemetry WebSocket on its own port (the real one is 9002, path {@code /}).
 *
 * <p>The firmware decides what works, as on the device. Legacy PVS6 builds answer {@code
 * dl_cgi?Command=DeviceList|Start|Stop} without login, have no {@code /auth} or {@code /vars}
 * (404) and stream telemetry to anyone. New firmware answers {@code Command=…} with 403, wants a
 * session from {@code GET /auth?login} (HTTP Basic {@code ssm_owner} and the serial's last five
 * characters) for {@code /vars} except the serial, MAC and SSID, and refuses WebSocket connections
 * (closes them right after accepting) until an authenticated {@code set=/sys/telemetryws/enable=1};
 * when the server drops the sockets, telemetry is disabled again. A PVS5 has no WebSocket port.
 *
 * <p>Every {@code messageInterval} the simulated clock advances by {@code timeStep} and, if any
 * client is connected, one power frame for the new time is rendered once and sent to every client
 * that is not stalled, so all clients see the same sequence and {@code time} strictly increases.
 * HTTP answers use the same clock. Faults: periodic or immediate drops (a close frame, then the TCP
 * close), stalls (no frames while the connection stays open and pings are still answered), session
 * expiry, 500s from {@code /vars}, and {@link #down(boolean)}. Counters and the {@code time} values
 * sent on each connection let a test check what a client lost or duplicated.
 *
 * <p>Thread-safe. Runs on two Netty event-loop threads of its own until {@link #close()}.
 */
public final class PvsSimulatorServer implements Closeable {

    private static final AttributeKey<ConnectionLog> LOG = AttributeKey.valueOf("pvs.sim.log");
    private static final AttributeKey<Long> STALLED_UNTIL = AttributeKey.valueOf("pvs.sim.stalledUntil");
    private static final int MAX_LOGGED_CONNECTIONS = 10_000;
    private static final int MAX_SESSIONS = 10_000;

    private final SimulatedPvs pvs;
    private final Instant start;
    private final Duration timeStep;
    private final Duration sessionLifetime;
    private final int expiredSessionStatus;
    private final boolean disableOnDrop;
    private final int sentTimesCapacity;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventLoop ticker = group.next();
    private final ChannelGroup sockets = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final ArrayDeque<ConnectionLog> logs = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private final Channel http;
    private final Channel https;
    private final Channel webSocket;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicInteger failVars = new AtomicInteger();
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong telemetryEnables = new AtomicLong();
    private final AtomicLong webSocketConnections = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong varsRequests = new AtomicLong();
    private volatile boolean down;

    private PvsSimulatorServer(Builder b) throws InterruptedException {
        this.pvs = b.pvs;
        this.start = b.start;
        this.timeStep = b.timeStep;
        this.sessionLifetime = b.sessionLifetime;
        this.expiredSessionStatus = b.expiredSessionStatus;
        this.disableOnDrop = b.disableOnDrop;
        this.sentTimesCapacity = b.sentTimesCapacity;
        try {
            PvsHttpHandler handler = new PvsHttpHandler(this, b.deviceListDelay);
            http = bind(b.httpPort, new HttpInitializer(handler, null));
            https = b.sslContext == null ? null : bind(b.httpsPort, new HttpInitializer(handler, b.sslContext));
            webSocket = pvs.hasTelemetrySocket() ? bind(b.webSocketPort, new WebSocketInitializer()) : null;
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        long interval = b.messageInterval.toNanos();
        ticker.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.NANOSECONDS);
        if (b.dropEvery != null) {
            long every = b.dropEvery.toNanos();
            ticker.scheduleAtFixedRate(this::dropNow, every, every, TimeUnit.NANOSECONDS);
        }
        if (b.stallEvery != null) {
            long every = b.stallEvery.toNanos();
            ticker.scheduleAtFixedRate(() -> stallNow(b.stallFor), every, every, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A builder for a server of this supervisor.
     *
     * @param pvs the supervisor to serve
     * @return a new builder with the defaults
     */
    public static Builder builder(SimulatedPvs pvs) {
        return new Builder(pvs);
    }

    /**
     * Starts a server with the defaults: free ports, no HTTPS, a frame a second from now.
     *
     * @param pvs the supervisor to serve
     * @return the running server
     * @throws InterruptedException when interrupted while binding
     */
    public static PvsSimulatorServer start(SimulatedPvs pvs) throws InterruptedException {
        return builder(pvs).start();
    }

    private Channel bind(int port, ChannelHandler initializer) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(initializer)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .sync()
                .channel();
    }

    /**
     * The supervisor served.
     *
     * @return the simulator
     */
    public SimulatedPvs simulator() {
        return pvs;
    }

    /**
     * The HTTP port.
     *
     * @return the port on 127.0.0.1
     */
    public int httpPort() {
        return port(http);
    }

    /**
     * The HTTPS port.
     *
     * @return the port on 127.0.0.1, or -1 without an {@link SslContext}
     */
    public int httpsPort() {
        return https == null ? -1 : port(https);
    }

    /**
     * The telemetry WebSocket port (path {@code /}).
     *
     * @return the port on 127.0.0.1, or -1 on a PVS5
     */
    public int webSocketPort() {
        return webSocket == null ? -1 : port(webSocket);
    }

    private static int port(Channel channel) {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * The simulated clock: {@code start} plus one {@code timeStep} for each message interval
     * elapsed. The last frame sent carries this time.
     *
     * @return the simulated instant
     */
    public Instant now() {
        return start.plus(timeStep.multipliedBy(ticks.get()));
    }

    /**
     * Makes HTTP answer 503 and the WebSocket refuse new connections (or work again). Open
     * WebSocket connections stay; {@link #dropAll()} cuts them.
     *
     * @param down true for a supervisor that is rebooting
     */
    public void down(boolean down) {
        this.down = down;
    }

    boolean isDown() {
        return down;
    }

    /**
     * Closes every WebSocket connection with a close frame, now. When this returns, no further
     * frame will be written to them.
     */
    public void dropAll() {
        onTicker(this::dropNow);
    }

    /**
     * Stops sending frames to every connected client for a while; connections stay open and
     * pings are still answered. When this returns, no further frame will be written to them until
     * the stall ends; clients that connect later are not stalled.
     *
     * @param duration how long, positive
     */
    public void stallAll(Duration duration) {
        requirePositive(duration, "stall");
        onTicker(() -> stallNow(duration));
    }

    /** Runs a fault on the thread that writes frames, so it takes effect between two frames. */
    private void onTicker(Runnable fault) {
        if (ticker.inEventLoop()) {
            fault.run();
        } else {
            ticker.submit(fault).syncUninterruptibly();
        }
    }

    /**
     * Expires every session issued so far: {@code /vars} then answers 401 (or the {@code
     * expiredSessionStatus}) to their cookies.
     */
    public void expireSessions() {
        long now = System.nanoTime();
        sessions.replaceAll((token, expiry) -> now - 1);
    }

    /**
     * Makes the next {@code count} {@code /vars} requests fail with 500, as a wedged supervisor does.
     *
     * @param count how many, 0 or more
     */
    public void failNextVars(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        failVars.set(count);
    }

    /**
     * Successful {@code /auth?login} calls.
     *
     * @return the count
     */
    public long logins() {
        return logins.get();
    }

    /**
     * Successful {@code set=/sys/telemetryws/enable=1} calls.
     *
     * @return the count
     */
    public long telemetryEnables() {
        return telemetryEnables.get();
    }

    /**
     * WebSocket connections that completed the handshake.
     *
     * @return the count
     */
    public long webSocketConnections() {
        return webSocketConnections.get();
    }

    /**
     * Power frames written, counting each client separately.
     *
     * @return the count
     */
    public long framesSent() {
        return framesSent.get();
    }

    /**
     * WebSocket connections the server closed ({@link #dropAll()} and {@code dropEvery}).
     *
     * @return the count
     */
    public long drops() {
        return drops.get();
    }

    /**
     * WebSocket connections stalled ({@link #stallAll(Duration)} and {@code stallEvery}).
     *
     * @return the count
     */
    public long stalls() {
        return stalls.get();
    }

    /**
     * {@code /vars} requests received, answered or refused.
     *
     * @return the count
     */
    public long varsRequests() {
        return varsRequests.get();
    }

    /**
     * The {@code time} values sent on each WebSocket connection, oldest connection first: at most
     * the last {@code sentTimesCapacity} values of each of the last 10,000 connections.
     *
     * @return one list of Unix seconds a connection
     */
    public List<List<Long>> sentTimes() {
        List<ConnectionLog> copy;
        synchronized (logs) {
            copy = new ArrayList<>(logs);
        }
        return copy.stream().map(ConnectionLog::times).toList();
    }

    private void tick() {
        Instant t = start.plus(timeStep.multipliedBy(ticks.incrementAndGet()));
        if (sockets.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        ByteBuf frame = null;
        try {
            for (Channel ch : sockets) {
                Long stalledUntil = ch.attr(STALLED_UNTIL).get();
                if ((stalledUntil != null && now - stalledUntil < 0) || !ch.isWritable()) {
                    continue;
                }
                if (frame == null) {
                    frame = Unpooled.wrappedBuffer(pvs.powerFrame(t));
                }
                // Logged first, so a test that has the frame also finds it in the log.
                ch.attr(LOG).get().add(t.getEpochSecond());
                ch.writeAndFlush(new TextWebSocketFrame(frame.retainedDuplicate()));
                framesSent.incrementAndGet();
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void dropNow() {
        boolean dropped = false;
        for (Channel ch : sockets) {
            sockets.remove(ch);
            drops.incrementAndGet();
            dropped = true;
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
        }
        // Only a real drop disables, so an enable made just before a client connects is not lost.
        if (dropped && disableOnDrop) {
            pvs.disableTelemetry();
        }
    }

    private void stallNow(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        for (Channel ch : sockets) {
            ch.attr(STALLED_UNTIL).set(until);
            stalls.incrementAndGet();
        }
    }

    String login() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        long now = System.nanoTime();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(expiry -> now - expiry >= 0);
        }
        sessions.put(token, now + sessionLifetime.toNanos());
        logins.incrementAndGet();
        return token;
    }

    void logout(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Why a {@code /vars} request is refused, or null to answer it. */
    HttpResponseStatus varsRefusal(String query, String token) {
        varsRequests.incrementAndGet();
        if (failVars.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return HttpResponseStatus.INTERNAL_SERVER_ERROR;
        }
        boolean open;
        try {
            open = VarsQuery.parse(query).open();
        } catch (IllegalArgumentException e) {
            open = false;
        }
        if (open) {
            return null;
        }
        Long expiry = token == null ? null : sessions.get(token);
        if (expiry == null) {
            return HttpResponseStatus.UNAUTHORIZED;
        }
        return System.nanoTime() - expiry >= 0 ? HttpResponseStatus.valueOf(expiredSessionStatus) : null;
    }

    VarsResponse answerVars(String query) {
        VarsResponse answer = pvs.vars(query, now());
        if (answer.status() == 200) {
            VarsQuery q = VarsQuery.parse(query);
            if (Varserver.TELEMETRY_ENABLE.equals(q.setName()) && q.setValue().equals("1")) {
                telemetryEnables.incrementAndGet();
            }
        }
        return answer;
    }

    private boolean acceptsWebSocket() {
        return !down && pvs.telemetryEnabled();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    private static final class HttpInitializer extends ChannelInitializer<SocketChannel> {
        private final PvsHttpHandler handler;
        private final SslContext ssl;

        HttpInitializer(PvsHttpHandler handler, SslContext ssl) {
            this.handler = handler;
            this.ssl = ssl;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            if (ssl != null) {
                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
            }
            ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(64 * 1024))
                    .addLast(handler);
        }
    }

    private final class WebSocketInitializer extends ChannelInitializer<SocketChannel> {
        @Override
        protected void initChannel(SocketChannel ch) {
            if (!acceptsWebSocket()) {
                ch.close();
                return;
            }
            WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/")
                    .checkStartsWith(true)
                    .handshakeTimeoutMillis(10_000)
                    .build();
            ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new HttpObjectAggregator(8 * 1024))
                    .addLast(new WebSocketServerProtocolHandler(config))
                    .addLast(new TelemetryHandler());
        }
    }

    /** Registers a client after its handshake; drops anything it sends. */
    private final class TelemetryHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ConnectionLog log = new ConnectionLog(sentTimesCapacity);
                ctx.channel().attr(LOG).set(log);
                synchronized (logs) {
                    if (logs.size() >= MAX_LOGGED_CONNECTIONS) {
                        logs.removeFirst();
                    }
                    logs.addLast(log);
                }
                webSocketConnections.incrementAndGet();
                sockets.add(ctx.channel());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * Options of a {@link PvsSimulatorServer}. Not thread-safe; {@link #start()} copies the values
     * set by then.
     */
    public static final class Builder {
        private final SimulatedPvs pvs;
        private int httpPort;
        private int httpsPort;
        private int webSocketPort;
        private SslContext sslContext;
        private Duration deviceListDelay = Duration.ZERO;
        private Duration sessionLifetime = Duration.ofMinutes(10);
        private int expiredSessionStatus = 401;
        private boolean disableOnDrop = true;
        private Duration messageInterval = Duration.ofSeconds(1);
        private Duration timeStep;
        private Instant start;
        private Duration dropEvery;
        private Duration stallEvery;
        private Duration stallFor = Duration.ofSeconds(30);
        private int sentTimesCapacity = 10_000;

        private Builder(SimulatedPvs pvs) {
            this.pvs = Objects.requireNonNull(pvs, "pvs");
        }

        /**
         * The HTTP port.
         *
         * @param port 0 (default) for a free one
         * @return this builder
         */
        public Builder httpPort(int port) {
            this.httpPort = checkPort(port);
            return this;
        }

        /**
         * Serves HTTPS too, on its own port, with this server context (e.g. a self-signed
         * certificate, like the real supervisor's).
         *
         * @param sslContext a Netty server {@link SslContext}
         * @param port 0 for a free port
         * @return this builder
         */
        public Builder https(SslContext sslContext, int port) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            if (!sslContext.isServer()) {
                throw new IllegalArgumentException("needs a server SslContext");
            }
            this.httpsPort = checkPort(port);
            return this;
        }

        /**
         * The telemetry WebSocket port (the real one is 9002).
         *
         * @param port 0 (default) for a free one
         * @return this builder
         */
        public Builder webSocketPort(int port) {
            this.webSocketPort = checkPort(port);
            return this;
        }

        /**
         * How long a legacy DeviceList answer takes (the real one takes seconds to a minute).
         *
         * @param delay zero (default) or more
         * @return this builder
         */
        public Builder deviceListDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
            this.deviceListDelay = delay;
            return this;
        }

        /**
         * How long a session token works.
         *
         * @param lifetime positive (default 10 minutes)
         * @return this builder
         */
        public Builder sessionLifetime(Duration lifetime) {
            requirePositive(lifetime, "session lifetime");
            this.sessionLifetime = lifetime;
            return this;
        }

        /**
         * The status {@code /vars} answers for an expired session: 401 (default) or 500, as some
         * firmware does.
         *
         * @param status 401 or 500
         * @return this builder
         */
        public Builder expiredSessionStatus(int status) {
            if (status != 401 && status != 500) {
                throw new IllegalArgumentException("401 or 500: " + status);
            }
            this.expiredSessionStatus = status;
            return this;
        }

        /**
         * Whether a drop that closed at least one socket disables telemetry until the next enable,
         * as on the real supervisor (new firmware only; legacy firmware is always enabled).
         *
         * @param disable true (default) to disable
         * @return this builder
         */
        public Builder disableOnDrop(boolean disable) {
            this.disableOnDrop = disable;
            return this;
        }

        /**
         * The wall-clock time between frames.
         *
         * @param interval positive (default 1 s)
         * @return this builder
         */
        public Builder messageInterval(Duration interval) {
            requirePositive(interval, "message interval");
            this.messageInterval = interval;
            return this;
        }

        /**
         * How far the simulated clock moves a frame, e.g. 60 s at a 50 ms interval runs a day in
         * 72 s.
         *
         * @param step at least one second (default: the message interval, at least 1 s)
         * @return this builder
         */
        public Builder timeStep(Duration step) {
            Objects.requireNonNull(step, "step");
            if (step.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("time step must be at least 1 s: " + step);
            }
            this.timeStep = step;
            return this;
        }

        /**
         * The simulated clock's start.
         *
         * @param start the instant (default: now, to the second)
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Drops every WebSocket connection once a period (the real supervisor does every 8–10
         * minutes).
         *
         * @param period positive
         * @return this builder
         */
        public Builder dropEvery(Duration period) {
            requirePositive(period, "drop period");
            this.dropEvery = period;
            return this;
        }

        /**
         * Stalls every WebSocket connection once a period, for {@link #stallFor(Duration)}.
         *
         * @param period positive
         * @return this builder
         */
        public Builder stallEvery(Duration period) {
            requirePositive(period, "stall period");
            this.stallEvery = period;
            return this;
        }

        /**
         * How long a periodic stall lasts.
         *
         * @param duration positive (default 30 s)
         * @return this builder
         */
        public Builder stallFor(Duration duration) {
            requirePositive(duration, "stall duration");
            this.stallFor = duration;
            return this;
        }

        /**
         * How many {@code time} values {@link PvsSimulatorServer#sentTimes()} keeps a connection.
         *
         * @param capacity 1 or more (default 10,000)
         * @return this builder
         */
        public Builder sentTimesCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive: " + capacity);
            }
            this.sentTimesCapacity = capacity;
            return this;
        }

        /**
         * Binds the ports and starts the clock.
         *
         * @return the running server
         * @throws InterruptedException when interrupted while binding
         */
        public PvsSimulatorServer start() throws InterruptedException {
            if (start == null) {
                start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            }
            if (timeStep == null) {
                Duration interval = messageInterval.truncatedTo(ChronoUnit.SECONDS);
                timeStep = interval.isZero() ? Duration.ofSeconds(1) : interval;
            }
            return new PvsSimulatorServer(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
