package io.github.solarwire.net;

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
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * An HTTP and WebSocket server on 127.0.0.1 for the clients' tests, plain or TLS. HTTP requests are
 * recorded and answered by {@link #http}; {@code /ws} upgrades to WebSocket and hands the test the
 * server side of each session through {@link #sockets}; every other path answers 404 to an upgrade.
 */
final class TestServer implements AutoCloseable {

    /** An HTTP request as the server received it. */
    record Recorded(String method, String uri, HttpHeaders headers, byte[] body) {}

    /** The HTTP requests received, in order. */
    final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();

    /** The server side of each WebSocket session, once its handshake is done. */
    final BlockingQueue<Channel> sockets = new LinkedBlockingQueue<>();

    /** The status codes of the close frames the clients sent. */
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();

    /** A permit for every ping received. */
    final Semaphore pings = new Semaphore(0);

    /** Answers HTTP requests; 200 "ok" unless a test sets another. */
    volatile Function<FullHttpRequest, FullHttpResponse> http = r -> response(HttpResponseStatus.OK, "ok");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SslContext ssl;
    private final Channel listener;

    private TestServer(SslContext ssl) {
        this.ssl = ssl;
        this.listener = new ServerBootstrap()
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
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new Handler());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    static TestServer plain() {
        return new TestServer(null);
    }

    static TestServer tls(TestCertificates certificates) throws SSLException {
        return new TestServer(SslContextBuilder.forServer(
                        certificates.certFile().toFile(), certificates.keyFile().toFile())
                .build());
    }

    static FullHttpResponse response(HttpResponseStatus status, String body) {
        return new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    URI http(String path) {
        return URI.create((ssl == null ? "http" : "https") + "://127.0.0.1:" + port() + path);
    }

    URI ws(String path) {
        return URI.create((ssl == null ? "ws" : "wss") + "://127.0.0.1:" + port() + path);
    }

    /** The server side of the next WebSocket session. */
    Channel nextSocket() throws InterruptedException {
        Channel c = sockets.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no WebSocket session reached the server");
        }
        return c;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                if (request.uri().equals("/ws") && request.headers().contains(HttpHeaderNames.UPGRADE)) {
                    handshaker = new WebSocketServerHandshakerFactory(
                                    "ws://127.0.0.1:" + port() + "/ws", null, false, 1 << 20)
                            .newHandshaker(request);
                    handshaker.handshake(ctx.channel(), request).addListener(f -> sockets.add(ctx.channel()));
                    return;
                }
                HttpHeaders headers = new DefaultHttpHeaders().add(request.headers());
                requests.add(new Recorded(
                        request.method().name(), request.uri(), headers, ByteBufUtil.getBytes(request.content())));
                FullHttpResponse response = request.headers().contains(HttpHeaderNames.UPGRADE)
                        ? response(HttpResponseStatus.NOT_FOUND, "no WebSocket here")
                        : http.apply(request);
                response.headers()
                        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else if (msg instanceof PingWebSocketFrame ping) {
                pings.release();
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                closeCodes.add(close.statusCode());
                handshaker.close(ctx.channel(), close.retain());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a client that refused our certificate or went away: nothing for the server to do
            ctx.close();
        }
    }
}
