package io.github.solarwire.net;

import io.github.solarwire.core.Secret;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small HTTP/1.1 client on Netty for device web servers: GET and POST ({@link HttpRequest}),
 * Basic auth and cookies from {@link Secret}s, a connect timeout and a response timeout, a bounded
 * body, one connection per request ({@code Connection: close}, which old embedded servers handle
 * best; a body that ends with the connection is read to the end). {@code https} URIs accept the
 * server certificates the builder's {@link TlsTrust} accepts, the system's trusted CAs by default.
 *
 * <p>Thread-safe; one event-loop thread serves every request. Credentials never appear in
 * messages, exceptions or {@link #toString()}.
 */
public final class HttpClient implements Closeable {

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxBodyBytes;
    private final Connector connector;

    private HttpClient(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.connector = new Connector(1, b.connectTimeout, b.tlsTrust);
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
        return sendOk(getRequest(uri, user, password));
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
        return send(getRequest(uri, user, password));
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
        return sendAsync(getRequest(uri, user, password));
    }

    private static HttpRequest getRequest(URI uri, String user, Secret password) {
        HttpRequest request = HttpRequest.get(uri);
        return user == null ? request : request.withBasicAuth(user, password == null ? Secret.of("") : password);
    }

    /**
     * Sends a request and returns the response if its status is 200.
     *
     * @param request the request
     * @return the response
     * @throws HttpStatusException when the status is not 200 (401: the credentials were refused)
     * @throws IOException when the connection fails, times out or the body is too long
     */
    public HttpResult sendOk(HttpRequest request) throws IOException {
        HttpResult result = send(request);
        if (result.status() != 200) {
            throw new HttpStatusException(
                    request + ": HTTP " + result.status()
                            + (result.status() == 401 ? " (the user name or password was refused)" : ""),
                    result.status());
        }
        return result;
    }

    /**
     * Sends a request, whatever the response's status.
     *
     * @param request the request
     * @return the response
     * @throws IOException when the connection fails, times out or the body is too long
     */
    public HttpResult send(HttpRequest request) throws IOException {
        try {
            return sendAsync(request)
                    .get(connectTimeout.plus(responseTimeout).toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(request + " interrupted");
        } catch (TimeoutException e) {
            throw new IOException(request + ": no response in time", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(request + ": " + cause, cause);
        }
    }

    /**
     * Sends a request without blocking.
     *
     * @param request the request
     * @return the response, whatever its status, or an {@link IOException} saying what failed
     */
    public CompletableFuture<HttpResult> sendAsync(HttpRequest request) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        String where = request.toString();
        try {
            Endpoint to = Endpoint.of(request.uri(), "http", "https");
            connector
                    .connect(
                            to,
                            where,
                            p -> p.addLast(new ReadTimeoutHandler(responseTimeout.toMillis(), TimeUnit.MILLISECONDS))
                                    .addLast(new HttpClientCodec())
                                    .addLast(new HttpObjectAggregator(maxBodyBytes))
                                    .addLast(new Handler(result, where)),
                            result)
                    .addListener((ChannelFuture f) -> {
                        if (f.isSuccess()) {
                            f.channel().writeAndFlush(toNetty(request, to));
                        }
                    });
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static FullHttpRequest toNetty(HttpRequest request, Endpoint to) {
        FullHttpRequest http = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(request.method()),
                to.target(),
                Unpooled.wrappedBuffer(request.body()));
        http.headers()
                .set(HttpHeaderNames.HOST, to.hostHeader())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.USER_AGENT, "solarwire");
        request.writeHeaders(http.headers());
        return http;
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
            result.completeExceptionally(new IOException(where + ": " + Failures.describe(cause), cause));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new IOException(where + ": the connection closed before a response"));
        }
    }

    @Override
    public void close() {
        connector.close();
    }

    @Override
    public String toString() {
        return "HttpClient[connect " + connectTimeout + ", response " + responseTimeout + ", tls " + connector.trust()
                + "]";
    }

    /** Configures an {@link HttpClient}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(15);
        private int maxBodyBytes = 1 << 20;
        private TlsTrust tlsTrust = TlsTrust.system();

        private Builder() {}

        /**
         * Sets the connect timeout. Default 5 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Settings.positive(timeout, "connect timeout");
            return this;
        }

        /**
         * Sets how long the server may stay silent while answering. Default 15 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Settings.positive(timeout, "response timeout");
            return this;
        }

        /**
         * Sets the largest body accepted. Default 1 MiB.
         *
         * @param bytes the bound
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = Settings.positive(bytes, "max body bytes");
            return this;
        }

        /**
         * Sets which server certificates {@code https} accepts. Default {@link TlsTrust#system()}.
         *
         * @param trust the trust
         * @return this builder
         */
        public Builder tlsTrust(TlsTrust trust) {
            this.tlsTrust = Objects.requireNonNull(trust, "trust");
            return this;
        }

        /**
         * Builds the client; it starts one event-loop thread.
         *
         * @return the client
         */
        public HttpClient build() {
            return new HttpClient(this);
        }
    }
}
