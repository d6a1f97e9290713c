package io.github.solarwire.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against real loopback servers: the JDK's HTTP server and a raw socket. */
class HttpClientTest {

    private final HttpClient client = HttpClient.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(Duration.ofMillis(500))
            .maxBodyBytes(64 * 1024)
            .build();
    private ServerSocket sockets;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        client.close();
        if (sockets != null) {
            try {
                sockets.close();
            } catch (IOException e) {
                // the test is over
            }
        }
    }

    /**
     * A tiny HTTP/1.1 server on a loopback socket (the JDK's own is not readable from this module's
     * tests): {@code /index.fhtml} behind Basic auth, {@code /stall} that never answers, {@code /big}
     * with a body over the client's bound.
     */
    private URI serve() throws IOException {
        ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        sockets = listener;
        Thread loop = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket c = listener.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                    String path = in.readLine().split(" ")[1];
                    String auth = null;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("authorization:")) {
                            auth = line.substring(14).strip();
                        }
                    }
                    OutputStream out = c.getOutputStream();
                    if (path.equals("/stall")) {
                        release.await();
                        continue;
                    }
                    byte[] body = path.equals("/big")
                            ? new byte[100_000]
                            : "<html>PIKO 5.5 \u00e4</html>".getBytes(StandardCharsets.ISO_8859_1);
                    String expected = "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString("pvserver:pvwr".getBytes(StandardCharsets.US_ASCII));
                    String status =
                            path.equals("/index.fhtml") && !expected.equals(auth) ? "401 Unauthorized" : "200 OK";
                    if (status.startsWith("401")) {
                        body = new byte[0];
                    }
                    out.write(("HTTP/1.1 " + status + "\r\nContent-Length: " + body.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the listener was closed, or the client went away
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    @Test
    void fetchesAPageWithBasicAuth() throws Exception {
        URI base = serve();
        HttpResult page = client.getOk(base.resolve("/index.fhtml"), "pvserver", Secret.of("pvwr"));
        assertEquals(200, page.status());
        assertEquals("<html>PIKO 5.5 \u00e4</html>", page.text(StandardCharsets.ISO_8859_1));
        assertEquals("23", page.header("content-length").orElseThrow());
    }

    @Test
    void refusedCredentialsAreAStatusErrorThatNeverShowsThePassword() throws Exception {
        URI base = serve();
        HttpStatusException e = assertThrows(
                HttpStatusException.class,
                () -> client.getOk(base.resolve("/index.fhtml"), "pvserver", Secret.of("s3cr3t-wrong")));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(client.toString().contains("s3cr3t"));
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        URI base = serve();
        IOException e = assertThrows(IOException.class, () -> client.get(base.resolve("/stall"), null, null));
        assertTrue(e.getMessage().contains("no response within the timeout"), e.getMessage());
    }

    @Test
    void aBodyOverTheBoundIsRefused() throws Exception {
        URI base = serve();
        IOException e = assertThrows(IOException.class, () -> client.get(base.resolve("/big"), null, null));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void aClosedPortIsAConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IOException e = assertThrows(
                IOException.class, () -> client.get(URI.create("http://127.0.0.1:" + port + "/"), null, null));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void anOldServerThatEndsTheBodyByClosingIsReadToTheEnd() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket c = s.accept()) {
                    byte[] buffer = new byte[4096];
                    c.getInputStream().read(buffer); // the request
                    OutputStream out = c.getOutputStream();
                    out.write("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>x x x</html>"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            peer.start();
            HttpResult page = client.getOk(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"), null, null);
            peer.join();
            assertArrayEquals("<html>x x x</html>".getBytes(StandardCharsets.ISO_8859_1), page.body());
        }
    }

    @Test
    void theReadmeSnippetFetchesThePage() throws Exception {
        assertEquals("<html>PIKO 5.5 \u00e4</html>", ReadmeSnippets.page(serve()));
    }

    @Test
    void userInfoIsLeftOutOfMessages() {
        assertEquals("http://host/x", Endpoint.redact(URI.create("http://u:p@host/x")));
    }
}
