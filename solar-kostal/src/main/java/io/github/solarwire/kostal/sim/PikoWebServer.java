package io.github.solarwire.kostal.sim;

import io.netty.bootstrap.ServerBootstrap;
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
import java.io.Closeable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PIKO's web server for a {@link SimulatedPiko}, on a loopback port: {@code /} and {@code
 * /index.fhtml} serve the status page, {@code /all.xml} the MP plus XML, behind HTTP Basic auth (by default {@code pvserver} /
 * {@code pvwr}, as the device ships); anything else is 404. {@link #down(boolean)} makes it answer
 * 503, as an inverter that is rebooting would.
 */
public final class PikoWebServer implements Closeable {

    private final SimulatedPiko piko;
    private final String authorization;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean down;

    private PikoWebServer(SimulatedPiko piko, String user, String password, int port) throws InterruptedException {
        this.piko = Objects.requireNonNull(piko, "piko");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
        this.channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024))
                                .addLast(new Handler());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .sync()
                .channel();
    }

    /**
     * Starts a server with the factory credentials on a free loopback port.
     *
     * @param piko the inverter
     * @return the running server
     * @throws InterruptedException when interrupted while binding
     */
    public static PikoWebServer start(SimulatedPiko piko) throws InterruptedException {
        return start(piko, "pvserver", "pvwr", 0);
    }

    /**
     * Starts a server.
     *
     * @param piko the inverter
     * @param user the Basic-auth user
     * @param password the Basic-auth password
     * @param port the port, or 0 for a free one
     * @return the running server
     * @throws InterruptedException when interrupted while binding
     */
    public static PikoWebServer start(SimulatedPiko piko, String user, String password, int port)
            throws InterruptedException {
        return new PikoWebServer(piko, user, password, port);
    }

    /**
     * The port served on.
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Requests answered so far.
     *
     * @return the count
     */
    public long requests() {
        return requests.get();
    }

    /**
     * Makes the server answer 503 (or work again).
     *
     * @param down true to refuse every request
     */
    public void down(boolean down) {
        this.down = down;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            requests.incrementAndGet();
            String path = request.uri().replaceFirst("\\?.*", "");
            FullHttpResponse response;
            if (down) {
                response = plain(HttpResponseStatus.SERVICE_UNAVAILABLE);
            } else if (!authorization.equals(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                response = plain(HttpResponseStatus.UNAUTHORIZED);
                response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"PV Webserver\"");
            } else if (path.equals("/all.xml")) {
                response = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(piko.xml()));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/xml");
            } else if (path.equals("/") || path.equals("/index.fhtml")) {
                byte[] page = piko.page();
                response = new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(page));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html");
            } else {
                response = plain(HttpResponseStatus.NOT_FOUND);
            }
            response.headers()
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse plain(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(status.toString(), StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
