package io.github.solarwire.pvs.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The supervisor's web server: {@code supervisor/info}, the legacy {@code dl_cgi} commands (403 on
 * new firmware), {@code /auth} and {@code /vars} (404 on legacy firmware). Shared by the HTTP and
 * HTTPS channels.
 */
@ChannelHandler.Sharable
final class PvsHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final byte[] REFUSED =
            "{\"status\":403,\"error\":\"Unauthorized\",\"path\":\"\"}".getBytes(StandardCharsets.UTF_8);

    private final PvsSimulatorServer server;
    private final SimulatedPvs pvs;
    private final Duration deviceListDelay;

    PvsHttpHandler(PvsSimulatorServer server, Duration deviceListDelay) {
        this.server = server;
        this.pvs = server.simulator();
        this.deviceListDelay = deviceListDelay;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (server.isDown()) {
            send(ctx, request, error(HttpResponseStatus.SERVICE_UNAVAILABLE, path));
        } else if (path.equals("/cgi-bin/dl_cgi/supervisor/info")) {
            send(ctx, request, json(HttpResponseStatus.OK, pvs.supervisorInfo()));
        } else if (path.equals("/cgi-bin/dl_cgi")) {
            dlCgi(ctx, request, uri);
        } else if (path.equals("/auth") && pvs.hasVarserver()) {
            auth(ctx, request, uri);
        } else if (path.equals("/vars") && pvs.hasVarserver()) {
            vars(ctx, request, uri);
        } else {
            send(ctx, request, error(HttpResponseStatus.NOT_FOUND, path));
        }
    }

    private void dlCgi(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        if (pvs.hasVarserver()) {
            send(ctx, request, json(HttpResponseStatus.FORBIDDEN, REFUSED));
            return;
        }
        List<String> command = uri.parameters().get("Command");
        String name = command == null ? "" : command.get(0);
        switch (name) {
            case "DeviceList" -> {
                boolean keepAlive = HttpUtil.isKeepAlive(request);
                Runnable answer = () -> send(ctx, keepAlive, json(HttpResponseStatus.OK, pvs.deviceList(server.now())));
                if (deviceListDelay.isZero()) {
                    answer.run();
                } else {
                    ctx.executor().schedule(answer, deviceListDelay.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
            case "Start" -> send(ctx, request, json(HttpResponseStatus.OK, pvs.startResponse()));
            case "Stop" -> send(ctx, request, json(HttpResponseStatus.OK, pvs.stopResponse()));
            default -> send(ctx, request, error(HttpResponseStatus.BAD_REQUEST, uri.path()));
        }
    }

    private void auth(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        if (uri.parameters().containsKey("logout")) {
            server.logout(sessionCookie(request));
            send(ctx, request, json(HttpResponseStatus.OK, "{}".getBytes(StandardCharsets.UTF_8)));
        } else if (uri.parameters().containsKey("login")) {
            if (!credentialsMatch(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                send(ctx, request, error(HttpResponseStatus.UNAUTHORIZED, uri.path()));
                return;
            }
            String token = server.login();
            FullHttpResponse response =
                    json(HttpResponseStatus.OK, ("{\"session\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.SET_COOKIE, "session=" + token + "; Path=/; HttpOnly");
            send(ctx, request, response);
        } else {
            send(ctx, request, error(HttpResponseStatus.BAD_REQUEST, uri.path()));
        }
    }

    private boolean credentialsMatch(String authorization) {
        if (authorization == null) {
            return false;
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("basic")) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return pair.equals("ssm_owner:" + pvs.password());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void vars(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        String query = request.method().equals(HttpMethod.POST)
                ? request.content().toString(StandardCharsets.UTF_8)
                : uri.rawQuery();
        HttpResponseStatus refusal = server.varsRefusal(query, sessionCookie(request));
        if (refusal != null) {
            send(ctx, request, error(refusal, uri.path()));
            return;
        }
        VarsResponse answer = server.answerVars(query);
        send(ctx, request, json(HttpResponseStatus.valueOf(answer.status()), answer.body()));
    }

    private static String sessionCookie(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie c : ServerCookieDecoder.LAX.decode(header)) {
            if (c.name().equals("session")) {
                return c.value();
            }
        }
        return null;
    }

    private static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return response;
    }

    private static FullHttpResponse error(HttpResponseStatus status, String path) {
        String body = "{\"status\":" + status.code() + ",\"error\":\"" + status.reasonPhrase() + "\",\"path\":\""
                + path.replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\"}";
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        send(ctx, HttpUtil.isKeepAlive(request), response);
    }

    private static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
