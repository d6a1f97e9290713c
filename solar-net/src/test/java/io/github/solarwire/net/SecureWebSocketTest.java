package io.github.solarwire.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestCertificates;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss} sessions: the same messages over TLS, and the client's {@link TlsTrust} decides. */
class SecureWebSocketTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir);
        server = TestServer.tls(certificates);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String firstMessage(TlsTrust trust) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (WebSocketClient client = WebSocketClient.builder()
                .connectTimeout(Duration.ofSeconds(10))
                .tlsTrust(trust)
                .build()) {
            client.connect(server.ws("/ws"), utf8 -> received.add(new String(utf8, StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            server.nextSocket().writeAndFlush(new TextWebSocketFrame("{\"soc\":0.8}"));
            return received.poll(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPinnedServerDeliversMessages() throws Exception {
        assertEquals(
                "{\"soc\":0.8}",
                firstMessage(TlsTrust.pinned(TestCertificates.sha256Fingerprint(certificates.certFile()))));
    }

    @Test
    void aServerFromTheTrustedCaDeliversMessages() throws Exception {
        assertEquals("{\"soc\":0.8}", firstMessage(TlsTrust.trusting(certificates.caFile())));
    }

    @Test
    void theSystemTrustRefusesTheHandshake() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> firstMessage(TlsTrust.system()));
        assertTrue(
                e.getCause().getMessage().startsWith(server.ws("/ws") + ": TLS failure"),
                e.getCause().getMessage());
    }

    @Test
    void aWrongPinRefusesTheHandshake() {
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> firstMessage(TlsTrust.pinned("01".repeat(32))));
        assertTrue(
                e.getCause().getMessage().contains("expected sha256 01:01:"),
                e.getCause().getMessage());
    }
}
