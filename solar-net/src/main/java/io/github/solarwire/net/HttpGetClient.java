package io.github.solarwire.net;

import io.github.solarwire.core.Secret;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A small HTTP/1.1 GET client on Netty for device web servers: Basic auth from a {@link Secret},
 * a connect timeout and a response timeout, a bounded body, one connection per request
 * ({@code Connection: close}, which old embedded servers handle best; a body that ends with the
 * connection is read to the end). {@code https} URIs use the system's trusted certificates.
 *
 * <p>Thread-safe; one event-loop thread serves every request. Credentials never appear in
 * messages, exceptions or {@link #toString()}.
 */
public final class HttpGetClient implements Closeable {

    private final EventLoopGroup group;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxBodyBytes;
    private volatile SslContext ssl;

    private HttpGetClient(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
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
     * Fetches a URI and returns the response if its status is 200.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param user the user for Basic auth, or null for none
     * @param password the password, or null
     * @return the response
     * @throws HttpStatusException when the status is not 200 (401: the credentials were refused)
     * @throws IOException when the connection fails, times out or the body is too long
     */
    public HttpResult getOk(URI uri, String user, Secret password) throws IOException {
        HttpResult result = get(uri, user, password);
        if (result.status() != 200) {
            throw new HttpStatusException(
                    "GET " + redact(uri) + ": HTTP " + result.status()
                            + (result.status() == 401 ? " (the user name or password was refused)" : ""),
                    result.status());
        }
        return result;
    }

    /**
     * Fetches a URI, whatever its status.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param user the user for Basic auth, or null for none
     * @param password the password, or null
     * @return the response
     * @throws IOException when the connection fails, times out or the body is too long
     */
    public HttpResult get(URI uri, String user, Secret password) throws IOException {
        try {
            return getAsync(uri, user, password)
                    .get(connectTimeout.plus(responseTimeout).toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + redact(uri) + " interrupted");
        } catch (TimeoutException e) {
            throw new IOException("GET " + redact(uri) + ": no response in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("GET " + redact(uri) + ": " + cause, cause);
        }
    }

    /**
     * Fetches a URI without blocking.
     *
     * @param uri an {@code http} or {@code https} URI
     * @param user the user for Basic auth, or null for none
     * @param password the password, or null
     * @return the response, or an {@link IOException} saying what failed
     */
    public CompletableFuture<HttpResult> getAsync(URI uri, String user, Secret password) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            result.completeExceptionally(new IOException("not an http or https URI: " + redact(uri)));
            return result;
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String where = "GET " + redact(uri);
        SslContext sslContext;
        try {
            sslContext = tls ? ssl() : null;
        } catch (SSLException e) {
            result.completeExceptionally(new IOException(where + ": TLS set-up failed: " + e.getMessage(), e));
            return result;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast(sslContext.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        ch.pipeline()
                                .addLast(new ReadTimeoutHandler(responseTimeout.toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(maxBodyBytes))
                                .addLast(new Handler(result, where));
                    }
                });
        bootstrap.connect(uri.getHost(), port).addListener(f -> {
            if (!f.isSuccess()) {
                Throwable c = f.cause();
                result.completeExceptionally(new ConnectException(where + ": cannot connect: " + c.getMessage()));
                return;
            }
            Channel channel = ((io.netty.channel.ChannelFuture) f).channel();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers()
                    .set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + port : uri.getHost())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.USER_AGENT, "solarwire");
            if (user != null) {
                request.headers().set(HttpHeaderNames.AUTHORIZATION, basic(user, password));
            }
            channel.writeAndFlush(request);
        });
        return result;
    }

    /** The {@code Authorization} header value for Basic auth. */
    static String basic(String user, Secret password) {
        String pass = password == null ? "" : password.reveal();
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }

    /** The URI without its user-info part, for messages. */
    static String redact(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    private SslContext ssl() throws SSLException {
        SslContext s = ssl;
        if (s == null) {
            synchronized (this) {
                if (ssl == null) {
                    ssl = SslContextBuilder.forClient().build();
                }
                s = ssl;
            }
        }
        return s;
    }

    /** Turns the aggregated response, or the failure, into the future's result. */
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<HttpResult> result;
        private final String where;

        Handler(CompletableFuture<HttpResult> result, String where) {
            this.result = result;
            this.where = where;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Map.Entry<String, String> h : response.headers()) {
                headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.getValue());
            }
            byte[] body = ByteBufUtil.getBytes(response.content());
            result.complete(new HttpResult(response.status().code(), headers, body));
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            String why = cause instanceof ReadTimeoutException
                    ? "no response within the timeout"
                    : cause instanceof TooLongFrameException
                            ? "the response is too long: " + cause.getMessage()
                            : cause.toString();
            result.completeExceptionally(new IOException(where + ": " + why, cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new IOException(where + ": the connection closed before a response"));
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public String toString() {
        return "HttpGetClient[connect " + connectTimeout + ", response " + responseTimeout + "]";
    }

    /** Configures an {@link HttpGetClient}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(15);
        private int maxBodyBytes = 1 << 20;

        private Builder() {}

        /**
         * Sets the connect timeout. Default 5 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * Sets how long the server may stay silent while answering. Default 15 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "response timeout");
            return this;
        }

        /**
         * Sets the largest body accepted. Default 1 MiB.
         *
         * @param bytes the bound
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max body bytes must be positive, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * Builds the client; it starts one event-loop thread.
         *
         * @return the client
         */
        public HttpGetClient build() {
            return new HttpGetClient(this);
        }
    }
}
