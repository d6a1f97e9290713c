package io.github.solarwire.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link WebSocketClient} against a plain loopback WebSocket server that each test scripts. */
class WebSocketClientTest {

    private static TestServer server;
    private final List<WebSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.plain();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WebSocketClient::close);
        server.sockets.clear();
    }

    private WebSocketClient client(WebSocketClient.Builder builder) {
        WebSocketClient c = builder.connectTimeout(Duration.ofSeconds(10)).build();
        clients.add(c);
        return c;
    }

    private WebSocketClient client() {
        return client(WebSocketClient.builder());
    }

    /** Collects the text messages as strings. */
    private static final class Texts implements WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @Override
        public void onText(byte[] utf8) {
            received.add(new String(utf8, StandardCharsets.UTF_8));
        }

        String next() throws InterruptedException {
            String s = received.poll(10, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no message arrived");
            }
            return s;
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void textMessagesArriveWholeAndInOrder() throws Exception {
        Texts texts = new Texts();
        WebSocketSession session = await(client().connect(server.ws("/ws"), texts));
        Channel peer = server.nextSocket();
        peer.write(new TextWebSocketFrame("one"));
        peer.write(new TextWebSocketFrame("two"));
        peer.write(new TextWebSocketFrame(false, 0, "thr"));
        peer.write(new ContinuationWebSocketFrame(false, 0, "ee "));
        peer.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "\u00fc\u20ac"));
        assertEquals(List.of("one", "two", "three \u00fc\u20ac"), List.of(texts.next(), texts.next(), texts.next()));
        assertEquals(3, session.messagesReceived());
        assertTrue(session.isOpen());
        assertEquals(server.ws("/ws"), session.uri());
    }

    @Test
    void binaryMessagesArrive() throws Exception {
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        WebSocketListener listener = new WebSocketListener() {
            @Override
            public void onText(byte[] utf8) {}

            @Override
            public void onBinary(byte[] data) {
                received.add(data);
            }
        };
        await(client().connect(server.ws("/ws"), listener));
        server.nextSocket().writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {0, -1, 7})));
        assertArrayEquals(new byte[] {0, -1, 7}, received.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aCloseFrameFromTheServerCarriesItsCodeAndReason() throws Exception {
        WebSocketSession session = await(client().connect(server.ws("/ws"), new Texts()));
        server.nextSocket().writeAndFlush(new CloseWebSocketFrame(1001, "going away"));
        WebSocketClosedException e = assertInstanceOf(WebSocketClosedException.class, failureOf(session.closed()));
        assertEquals(1001, e.statusCode());
        assertEquals("going away", e.reason());
        assertEquals(server.ws("/ws") + ": the server closed the session: 1001 going away", e.getMessage());
        assertFalse(session.isOpen());
    }

    @Test
    void aConnectionThatEndsWithoutACloseFrameIsAnIoError() throws Exception {
        WebSocketSession session = await(client().connect(server.ws("/ws"), new Texts()));
        server.nextSocket().close();
        Throwable e = failureOf(session.closed());
        assertEquals(IOException.class, e.getClass());
        assertTrue(e.getMessage().contains("the connection ended without a close frame"), e.getMessage());
    }

    @Test
    void aSilentServerGoesStaleThoughItAnswersPingsWhileABusyOneNeverDoes() throws Exception {
        WebSocketClient client = client(
                WebSocketClient.builder().pingInterval(Duration.ofMillis(50)).staleTimeout(Duration.ofMillis(400)));
        WebSocketSession silent = await(client.connect(server.ws("/ws"), new Texts()));
        server.nextSocket();
        CountDownLatch sixty = new CountDownLatch(60);
        WebSocketSession busy = await(client.connect(server.ws("/ws"), utf8 -> sixty.countDown()));
        Channel peer = server.nextSocket();
        var sending = peer.eventLoop()
                .scheduleAtFixedRate(
                        () -> peer.writeAndFlush(new TextWebSocketFrame("tick")), 0, 20, TimeUnit.MILLISECONDS);
        try {
            StaleConnectionException e = assertInstanceOf(StaleConnectionException.class, failureOf(silent.closed()));
            assertEquals(server.ws("/ws") + ": no message for 400 ms", e.getMessage());
            assertTrue(server.pings.availablePermits() >= 1, "the silent server was pinged and answered");
            // sixty messages 20 ms apart outlast the stale timeout more than twice
            assertTrue(sixty.await(30, TimeUnit.SECONDS));
            assertTrue(busy.isOpen());
            assertFalse(busy.closed().isDone());
        } finally {
            sending.cancel(false);
        }
    }

    @Test
    void aListenerThatThrowsFailsItsSessionOnly() throws Exception {
        WebSocketClient client = client();
        WebSocketSession failing = await(client.connect(server.ws("/ws"), utf8 -> {
            throw new IllegalStateException("bad json");
        }));
        Channel failingPeer = server.nextSocket();
        Texts texts = new Texts();
        WebSocketSession healthy = await(client.connect(server.ws("/ws"), texts));
        Channel healthyPeer = server.nextSocket();
        failingPeer.writeAndFlush(new TextWebSocketFrame("{"));
        Throwable e = failureOf(failing.closed());
        assertTrue(
                e.getMessage().contains("the listener threw java.lang.IllegalStateException: bad json"),
                e.getMessage());
        healthyPeer.writeAndFlush(new TextWebSocketFrame("still here"));
        assertEquals("still here", texts.next());
        assertTrue(healthy.isOpen());
    }

    @Test
    void pingsReachTheServerAtTheInterval() throws Exception {
        server.pings.drainPermits();
        await(client(WebSocketClient.builder().pingInterval(Duration.ofMillis(50)))
                .connect(server.ws("/ws"), new Texts()));
        assertTrue(server.pings.tryAcquire(2, 10, TimeUnit.SECONDS));
    }

    @Test
    void aMessageOverTheBoundFailsTheSession() throws Exception {
        WebSocketClient client = client(WebSocketClient.builder().maxMessageBytes(1000));
        WebSocketSession oneFrame = await(client.connect(server.ws("/ws"), new Texts()));
        server.nextSocket().writeAndFlush(new TextWebSocketFrame("x".repeat(1001)));
        Throwable e = failureOf(oneFrame.closed());
        assertTrue(e.getMessage().contains("a message was too large"), e.getMessage());

        WebSocketSession continued = await(client.connect(server.ws("/ws"), new Texts()));
        Channel peer = server.nextSocket();
        peer.write(new TextWebSocketFrame(false, 0, "x".repeat(600)));
        peer.writeAndFlush(new ContinuationWebSocketFrame(true, 0, "x".repeat(600)));
        e = failureOf(continued.closed());
        assertTrue(e.getMessage().contains("a message was too large"), e.getMessage());
    }

    @Test
    void aPathWithoutWebSocketIsARefusedHandshake() {
        Throwable e = failureOf(client().connect(server.ws("/nope"), new Texts()));
        assertInstanceOf(IOException.class, e);
        assertEquals(server.ws("/nope") + ": the WebSocket handshake was refused: HTTP 404 Not Found", e.getMessage());
    }

    @Test
    void aClosedPortIsAConnectException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Throwable e = failureOf(client().connect(URI.create("ws://127.0.0.1:" + port + "/ws"), new Texts()));
        assertInstanceOf(ConnectException.class, e);
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTheUpgradeTimesOut() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + mute.getLocalPort() + "/ws");
            WebSocketClient client = WebSocketClient.builder()
                    .connectTimeout(Duration.ofMillis(300))
                    .build();
            clients.add(client);
            Throwable e = failureOf(client.connect(uri, new Texts()));
            assertEquals(uri + ": no WebSocket session within 300 ms", e.getMessage());
        }
    }

    @Test
    void ourCloseSendsCloseFrame1000AndCompletesNormally() throws Exception {
        server.closeCodes.clear();
        WebSocketSession session = await(client().connect(server.ws("/ws"), new Texts()));
        server.nextSocket();
        session.close();
        session.close();
        await(session.closed());
        assertFalse(session.isOpen());
        assertEquals(1000, server.closeCodes.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void oneClientFollowsTwoHundredSessionsAndItsCloseEndsThemAll() throws Exception {
        WebSocketClient client = client();
        CountDownLatch all = new CountDownLatch(200);
        List<CompletableFuture<WebSocketSession>> connecting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            connecting.add(client.connect(server.ws("/ws"), utf8 -> all.countDown()));
        }
        List<WebSocketSession> sessions = new ArrayList<>();
        for (CompletableFuture<WebSocketSession> c : connecting) {
            sessions.add(await(c));
        }
        for (int i = 0; i < 200; i++) {
            server.nextSocket().writeAndFlush(new TextWebSocketFrame("hello " + i));
        }
        assertTrue(all.await(30, TimeUnit.SECONDS));
        sessions.forEach(s -> assertEquals(1, s.messagesReceived()));
        client.close();
        for (WebSocketSession s : sessions) {
            await(s.closed());
            assertFalse(s.isOpen());
        }
        assertInstanceOf(IOException.class, failureOf(client.connect(server.ws("/ws"), new Texts())));
    }

    @Test
    void theReadmeSnippetReadsTheFirstMessage() throws Exception {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return ReadmeSnippets.firstMessage(server.ws(""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        server.nextSocket().writeAndFlush(new TextWebSocketFrame("{\"p\":1}"));
        assertEquals("{\"p\":1}", await(first));
    }
}
