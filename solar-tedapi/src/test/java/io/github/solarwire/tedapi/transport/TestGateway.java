package io.github.solarwire.tedapi.transport;

import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.testkit.TestCertificates;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TEDAPI gateway's HTTP side on 127.0.0.1 with a self-signed certificate, for the transport's
 * tests and the client's: it checks Basic auth, answers {@code /}, {@code /tedapi/din} and {@code /tedapi/v1} (an
 * echo), records every request, counts the requests it is answering at once, and can hold requests
 * unanswered until the test answers them.
 *
 * <p>A JUnit extension: {@code @RegisterExtension final TestGateway gateway = new TestGateway();}
 * starts a gateway with a fresh certificate before each test and stops it after.
 */
// Public for the client's tests in io.github.solarwire.tedapi; the tests are no API of the module.
@SuppressWarnings("exports")
public final class TestGateway implements BeforeEachCallback, AfterEachCallback {

    public static final String PASSWORD = "Qx7Lm2Pw9Z";
    public static final String DIN = "1232100-00-E--TG123456789012";

    /** The {@code Authorization} header the gateway expects. */
    public static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString(("Tesla_Energy_Device:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** A request as received. */
    public record Recorded(String method, String uri, String authorization, String contentType, byte[] body) {}

    /** A request the server holds unanswered; {@link #answer} answers it. */
    public record Held(Recorded request, Handler handler) {}

    public final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    public final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger answering = new AtomicInteger();
    final AtomicInteger mostAnsweringAtOnce = new AtomicInteger();

    /** Whether new requests are held rather than answered. */
    public volatile boolean hold;

    /** Answers requests; {@link #gateway} unless a test sets another. */
    public volatile Function<FullHttpRequest, FullHttpResponse> http = TestGateway::gateway;

    /** A gateway; the extension starts it before each test. */
    public TestGateway() {}

    private Path dir;
    private EventLoopGroup group;
    private TestCertificates certificates;
    private Channel listener;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("tedapi-gateway");
        certificates = TestCertificates.create(dir);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        SslContext ssl = SslContextBuilder.forServer(
                        certificates.certFile().toFile(), certificates.keyFile().toFile())
                .build();
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(ssl.newHandler(ch.alloc()))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new Handler());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    /** The gateway's behaviour: 403 without the right Basic auth, else the din, an echo, or the portal. */
    public static FullHttpResponse gateway(FullHttpRequest request) {
        if (!AUTHORIZATION.equals(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return response(HttpResponseStatus.FORBIDDEN, "User does not have adequate access rights");
        }
        return switch (request.uri()) {
            case "/" -> response(HttpResponseStatus.OK, "<html>portal</html>");
            case "/tedapi/din" -> response(HttpResponseStatus.OK, DIN + "\n");
            case "/tedapi/v1" -> response(HttpResponseStatus.OK, ByteBufUtil.getBytes(request.content()));
            default -> response(HttpResponseStatus.NOT_FOUND, "not found");
        };
    }

    public static FullHttpResponse response(HttpResponseStatus status, String body) {
        return response(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    }

    /** A connection to this gateway with the right password and its certificate pinned. */
    public GatewayConnection.Builder connection() {
        return GatewayConnection.builder(host()).password(Secret.of(PASSWORD)).tlsTrust(TlsTrust.pinned(fingerprint()));
    }

    /** The SHA-256 of the gateway's certificate. */
    public String fingerprint() {
        return TestCertificates.sha256Fingerprint(certificates.certFile());
    }

    public String host() {
        return "127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** How many requests for a URI the gateway received. */
    public long count(String uri) {
        return requests.stream().filter(r -> r.uri().equals(uri)).count();
    }

    /** The next held request, waiting for it. */
    public Held nextHeld() throws InterruptedException {
        Held h = held.poll(10, TimeUnit.SECONDS);
        if (h == null) {
            throw new AssertionError("no request reached the gateway");
        }
        return h;
    }

    /** Answers a held request. */
    public void answer(Held h, FullHttpResponse response) {
        h.handler().respond(response);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** One connection's handler: one request each, since the client sends {@code Connection: close}. */
    final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final AtomicBoolean open = new AtomicBoolean();
        private ChannelHandlerContext ctx;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            this.ctx = ctx;
            int now = answering.incrementAndGet();
            mostAnsweringAtOnce.accumulateAndGet(now, Math::max);
            open.set(true);
            received.incrementAndGet();
            Recorded r = new Recorded(
                    request.method().name(),
                    request.uri(),
                    request.headers().get(HttpHeaderNames.AUTHORIZATION),
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    ByteBufUtil.getBytes(request.content()));
            requests.add(r);
            if (hold) {
                held.add(new Held(r, this));
            } else {
                respond(http.apply(request));
            }
        }

        void respond(FullHttpResponse response) {
            finished();
            response.headers()
                    .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private void finished() {
            if (open.compareAndSet(true, false)) {
                answering.decrementAndGet();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            finished();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a client that refused our certificate, or timed out and went away
            ctx.close();
        }
    }
}
