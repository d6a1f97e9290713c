package io.github.solarwire.tedapi.sim;

import io.github.solarwire.tedapi.codec.TedapiRequests;
import io.netty.buffer.ByteBufUtil;
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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the gateway's paths; shared by every connection of one server. */
@ChannelHandler.Sharable
final class GatewayHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Pattern DEVICE = Pattern.compile("/tedapi/device/([A-Za-z0-9-]+)/v1");
    private static final String PORTAL = "<!DOCTYPE html><html><head><title>Tesla Energy Gateway</title></head>"
            + "<body><div id=\"root\"></div></body></html>";
    private static final String DENIED = "User does not have adequate access rights";

    private final GatewaySimulatorServer server;

    GatewayHttpHandler(GatewaySimulatorServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        server.count(path);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse response = route(request, path);
        long delay = server.delayNanos();
        if (delay > 0) {
            ctx.executor().schedule(() -> send(ctx, response, keepAlive), delay, TimeUnit.NANOSECONDS);
        } else {
            send(ctx, response, keepAlive);
        }
    }

    private FullHttpResponse route(FullHttpRequest request, String path) {
        int injected = server.takeFailure();
        if (injected != 0) {
            return response(HttpResponseStatus.valueOf(injected), new byte[0], "text/plain");
        }
        SimulatedGateway gateway = server.gateway();
        if (path.equals("/")) {
            if (!request.method().equals(HttpMethod.GET)) {
                return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only");
            }
            return gateway.model() == SimulatedGateway.Model.PW2
                    ? response(HttpResponseStatus.OK, PORTAL.getBytes(StandardCharsets.UTF_8), "text/html")
                    : text(HttpResponseStatus.FORBIDDEN, "Forbidden");
        }
        Matcher device = DEVICE.matcher(path);
        boolean known = path.equals(TedapiRequests.DIN_PATH) || path.equals(TedapiRequests.PATH) || device.matches();
        if (!known) {
            return text(HttpResponseStatus.NOT_FOUND, "Not Found");
        }
        if (!server.authorized(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return text(HttpResponseStatus.FORBIDDEN, DENIED);
        }
        if (path.equals(TedapiRequests.DIN_PATH)) {
            if (!request.method().equals(HttpMethod.GET)) {
                return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only");
            }
            return tedapi(200, gateway.din().getBytes(StandardCharsets.US_ASCII), "text/plain");
        }
        if (!request.method().equals(HttpMethod.POST)) {
            return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "POST only");
        }
        String unit = null;
        if (device.matches()) {
            unit = device.group(1);
            if (!gateway.isUnit(unit)) {
                return text(HttpResponseStatus.NOT_FOUND, "no such device");
            }
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        TedapiAnswers.Answer answer =
                server.answers().answer(unit, body, server.clock().instant());
        return answer.status() == 200
                ? tedapi(200, answer.body(), "application/octet-stream")
                : response(HttpResponseStatus.valueOf(answer.status()), answer.body(), "text/plain");
    }

    private FullHttpResponse tedapi(int status, byte[] body, String contentType) {
        return response(HttpResponseStatus.valueOf(status), server.encode(body), contentType);
    }

    private static FullHttpResponse text(HttpResponseStatus status, String text) {
        return response(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
