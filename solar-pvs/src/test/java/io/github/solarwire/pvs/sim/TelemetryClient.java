package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's telemetry listener on the JDK WebSocket: it queues every text frame and pong. */
final class TelemetryClient implements WebSocket.Listener {

    static final long SAFETY_SECONDS = 20;

    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** Connects; the future fails when the server refuses. */
    static CompletableFuture<TelemetryClient> connect(HttpClient http, int port) {
        TelemetryClient client = new TelemetryClient();
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), client)
                .thenApply(ws -> {
                    client.socket = ws;
                    return client;
                });
    }

    /** The next frame, failing the test after the safety timeout. */
    String next() throws InterruptedException {
        String frame = frames.poll(SAFETY_SECONDS, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within the safety timeout");
        return frame;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        pongs.add(message);
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }
}
