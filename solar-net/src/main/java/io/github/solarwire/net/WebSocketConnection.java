package io.github.solarwire.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket session of a {@link WebSocketClient}: the last handler of its channel, which drives
 * the upgrade handshake, hands whole messages to the listener, answers pings, sends its own pings
 * on writer-idle events and watches for staleness.
 *
 * <p>Everything but {@link #close()}, {@link #abort(IOException)} and the getters runs on the
 * channel's event loop. Staleness is measured from the last text or binary message with a timer of
 * its own rather than a reader-idle event, because pongs are reads too and would hide a stalled server.
 */
final class WebSocketConnection extends SimpleChannelInboundHandler<Object> implements WebSocketSession {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final URI uri;
    private final String where;
    private final WebSocketClientHandshaker handshaker;
    private final WebSocketListener listener;
    private final CompletableFuture<WebSocketSession> opened;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Duration connectTimeout;
    private final Duration staleTimeout;
    private final AtomicLong messages = new AtomicLong();
    private volatile Channel channel;
    private long lastMessageNanos;
    private ScheduledFuture<?> timer;

    WebSocketConnection(
            URI uri,
            WebSocketClientHandshaker handshaker,
            WebSocketListener listener,
            CompletableFuture<WebSocketSession> opened,
            Duration connectTimeout,
            Duration staleTimeout) {
        this.uri = uri;
        this.where = Endpoint.redact(uri);
        this.handshaker = handshaker;
        this.listener = listener;
        this.opened = opened;
        this.connectTimeout = connectTimeout;
        this.staleTimeout = staleTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        timer = ctx.executor()
                .schedule(
                        () -> fail(new IOException(where + ": no WebSocket session within " + words(connectTimeout))),
                        connectTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // with TLS the SslHandler holds this request back until its own handshake is done
        handshaker.handshake(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            if (msg instanceof FullHttpResponse response) {
                finishHandshake(ctx, response);
            }
            return;
        }
        if (msg instanceof TextWebSocketFrame text) {
            deliver(() -> listener.onText(ByteBufUtil.getBytes(text.content())));
        } else if (msg instanceof BinaryWebSocketFrame binary) {
            deliver(() -> listener.onBinary(ByteBufUtil.getBytes(binary.content())));
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            int code = close.statusCode();
            String reason = close.reasonText();
            if (!closed.isDone()) {
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0 ? 1000 : code, ""))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            fail(new WebSocketClosedException(
                    where + ": the server closed the session: " + code + (reason.isEmpty() ? "" : " " + reason),
                    code,
                    reason));
        }
        // pongs only prove the connection is up, which is not what staleness asks
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (!response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            fail(new IOException(where + ": the WebSocket handshake was refused: HTTP " + response.status()));
            return;
        }
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (RuntimeException e) {
            fail(new IOException(where + ": the WebSocket handshake failed: " + e.getMessage(), e));
            return;
        }
        timer.cancel(false);
        if (!opened.complete(this)) {
            ctx.close();
            return;
        }
        LOG.debug("{}: WebSocket session open", where);
        lastMessageNanos = System.nanoTime();
        checkStaleIn(ctx, staleTimeout.toNanos());
    }

    private void deliver(Runnable call) {
        lastMessageNanos = System.nanoTime();
        messages.incrementAndGet();
        try {
            call.run();
        } catch (RuntimeException e) {
            fail(new IOException(where + ": the listener threw " + e, e));
        }
    }

    private void checkStaleIn(ChannelHandlerContext ctx, long nanos) {
        timer = ctx.executor()
                .schedule(
                        () -> {
                            long silent = System.nanoTime() - lastMessageNanos;
                            if (silent >= staleTimeout.toNanos()) {
                                fail(new StaleConnectionException(where + ": no message for " + words(staleTimeout)));
                            } else {
                                checkStaleIn(ctx, staleTimeout.toNanos() - silent);
                            }
                        },
                        nanos,
                        TimeUnit.NANOSECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (handshaker.isHandshakeComplete() && !closed.isDone()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
        } else if (event instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            fail(new IOException(where + ": TLS failure: " + tls.cause().getMessage(), tls.cause()));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(new IOException(where + ": " + describe(cause), cause));
    }

    private String describe(Throwable cause) {
        if (cause instanceof TooLongFrameException
                || cause instanceof CorruptedWebSocketFrameException bad
                        && WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(bad.closeStatus())) {
            return "a message was too large: " + cause.getMessage();
        }
        if (cause instanceof IOException && handshaker.isHandshakeComplete()) {
            return "the connection ended without a close frame: " + cause.getMessage();
        }
        return Failures.describe(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new IOException(
                handshaker.isHandshakeComplete()
                        ? where + ": the connection ended without a close frame"
                        : where + ": the connection closed during the WebSocket handshake"));
        ctx.fireChannelInactive();
    }

    /** Ends the session with a failure, unless it has already ended; the first reason wins. */
    private void fail(IOException e) {
        if (!opened.isDone()) {
            opened.completeExceptionally(e);
            closed.completeExceptionally(e);
        } else if (closed.completeExceptionally(e)) {
            LOG.debug("{}: WebSocket session failed: {}", where, e.getMessage());
        }
        stop();
    }

    /**
     * Ends the session for the client's {@link WebSocketClient#close()}: a connect in progress fails
     * with {@code reason}, an open session closes normally.
     */
    void abort(IOException reason) {
        if (!opened.completeExceptionally(reason)) {
            close();
            return;
        }
        closed.completeExceptionally(reason);
        stop();
    }

    private void stop() {
        Channel c = channel;
        if (c != null) {
            c.eventLoop().execute(() -> {
                if (timer != null) {
                    timer.cancel(false);
                }
            });
            c.close();
        }
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public boolean isOpen() {
        return opened.isDone() && !opened.isCompletedExceptionally() && !closed.isDone();
    }

    @Override
    public long messagesReceived() {
        return messages.get();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        if (!closed.complete(null)) {
            return;
        }
        LOG.debug("{}: WebSocket session closed by us", where);
        Channel c = channel;
        if (c == null) {
            return;
        }
        if (handshaker.isHandshakeComplete() && c.isActive()) {
            c.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
            c.eventLoop().execute(() -> timer.cancel(false));
        } else {
            stop();
        }
    }

    /** A duration as a person reads it: {@code 90 s}, or {@code 300 ms} below whole seconds. */
    private static String words(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public String toString() {
        return "WebSocketSession[" + where + ", " + messages.get() + " messages" + (isOpen() ? "" : ", closed") + "]";
    }
}
