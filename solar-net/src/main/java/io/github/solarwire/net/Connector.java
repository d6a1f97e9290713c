package io.github.solarwire.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * What both clients do to open a connection: an event loop of their own, TCP with a connect
 * timeout, and TLS by the client's {@link TlsTrust} when the URI's scheme asks for it. The TLS
 * context is built on first use and then shared by every connection.
 */
final class Connector {
    private final EventLoopGroup group;
    private final Duration connectTimeout;
    private final TlsTrust trust;
    private volatile SslContext context;

    Connector(int threads, Duration connectTimeout, TlsTrust trust) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.connectTimeout = connectTimeout;
        this.trust = trust;
    }

    TlsTrust trust() {
        return trust;
    }

    /**
     * Connects; {@code handlers} adds the protocol's handlers after the TLS handler, if any. A TCP
     * failure completes {@code result} with a {@link ConnectException}.
     *
     * @throws IOException when the TLS context cannot be built
     */
    ChannelFuture connect(Endpoint to, String where, Consumer<ChannelPipeline> handlers, CompletableFuture<?> result)
            throws IOException {
        SslContext ssl;
        try {
            ssl = to.tls() ? context() : null;
        } catch (SSLException e) {
            throw new IOException(where + ": TLS set-up failed: " + e.getMessage(), e);
        }
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), to.host(), to.port()));
                        }
                        handlers.accept(ch.pipeline());
                    }
                })
                .connect(to.host(), to.port());
        connected.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new ConnectException(
                        where + ": cannot connect: " + f.cause().getMessage()));
            }
        });
        return connected;
    }

    private SslContext context() throws SSLException {
        SslContext c = context;
        if (c == null) {
            synchronized (this) {
                if (context == null) {
                    context = trust.newClientContext();
                }
                c = context;
            }
        }
        return c;
    }

    /** Closes every connection and stops the event loop. */
    void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
