package io.github.solarwire.tedapi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.net.TlsTrust;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@link GatewayConnection} sends and how it reads the answers, against a {@link TestGateway}. */
class GatewayConnectionTest {

    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void dinSendsBasicAuthAndTrimsTheAnswer() throws Exception {
        try (GatewayConnection gw = gateway.connection().build()) {
            assertEquals(TestGateway.DIN, gw.din());
            assertEquals(1, gw.requests());
        }
        TestGateway.Recorded r = gateway.requests.take();
        assertEquals("GET", r.method());
        assertEquals("/tedapi/din", r.uri());
        assertEquals(TestGateway.AUTHORIZATION, r.authorization());
    }

    @Test
    void aGzippedDinIsUnpacked() throws Exception {
        byte[] packed = gzip((" " + TestGateway.DIN + "\r\n").getBytes(StandardCharsets.UTF_8));
        gateway.http = r -> TestGateway.response(HttpResponseStatus.OK, packed);
        try (GatewayConnection gw = gateway.connection().build()) {
            assertEquals(TestGateway.DIN, gw.din());
        }
    }

    @Test
    void aBodyThatLooksLikeGzipButIsNotFailsClearly() throws Exception {
        gateway.http = r -> TestGateway.response(HttpResponseStatus.OK, new byte[] {0x1f, (byte) 0x8b, 1, 2});
        try (GatewayConnection gw = gateway.connection().build()) {
            IOException e = assertThrows(IOException.class, gw::din);
            assertTrue(e.getMessage().contains("starts like gzip but does not unpack"), e.getMessage());
        }
    }

    @Test
    void anEmptyDinIsAnError() throws Exception {
        gateway.http = r -> TestGateway.response(HttpResponseStatus.OK, " \n");
        try (GatewayConnection gw = gateway.connection().build()) {
            IOException e = assertThrows(IOException.class, gw::din);
            assertTrue(e.getMessage().endsWith("the gateway sent an empty DIN"), e.getMessage());
        }
    }

    @Test
    void postSendsTheProtobufBodyAndReturnsTheAnswerAsItCame() throws Exception {
        byte[] message = {0x0a, 0x03, 'a', 'b', 'c', 0x00, (byte) 0xff};
        try (GatewayConnection gw = gateway.connection().build()) {
            assertArrayEquals(message, gw.post("/tedapi/v1", message));
            TestGateway.Recorded r = gateway.requests.take();
            assertEquals("POST", r.method());
            assertEquals("/tedapi/v1", r.uri());
            assertEquals("application/octet-string", r.contentType());
            assertArrayEquals(message, r.body());

            byte[] packed = gzip(message);
            gateway.http = req -> TestGateway.response(HttpResponseStatus.OK, packed);
            assertArrayEquals(packed, gw.post("/tedapi/device/" + TestGateway.DIN + "/v1", message));
            assertEquals(
                    "/tedapi/device/" + TestGateway.DIN + "/v1",
                    gateway.requests.take().uri());
        }
    }

    @Test
    void postRefusesOtherPathsWithoutSending() {
        try (GatewayConnection gw = gateway.connection().build()) {
            for (String path :
                    new String[] {"/tedapi/din", "/tedapi/v1r", "/tedapi/device//v1", "/api/x", "tedapi/v1"}) {
                assertThrows(IllegalArgumentException.class, () -> gw.post(path, new byte[0]), path);
            }
            assertEquals(0, gw.requests());
        }
        assertEquals(0, gateway.received.get());
    }

    @Test
    void probeReturnsTheStatusOfTheRoot() throws Exception {
        try (GatewayConnection gw = gateway.connection().build()) {
            assertEquals(200, gw.probe());
            gateway.http = r -> TestGateway.response(HttpResponseStatus.NOT_FOUND, "");
            assertEquals(404, gw.probe());
            gateway.http = r -> TestGateway.response(HttpResponseStatus.FORBIDDEN, "");
            assertEquals(403, gw.probe());
        }
        assertEquals("/", gateway.requests.take().uri());
    }

    @Test
    void aWrongPasswordSaysWhichStickerToRead() {
        try (GatewayConnection gw = GatewayConnection.builder(gateway.host())
                .password(Secret.of("Wr0ngSt1ck"))
                .tlsTrust(TlsTrust.pinned(gateway.fingerprint()))
                .build()) {
            GatewayAuthException e = assertThrows(GatewayAuthException.class, gw::din);
            assertTrue(
                    e.getMessage()
                            .contains("HTTP 403: check the gateway password (on a Powerwall 3 it is the password on the"
                                    + " sticker of the PW3 itself, not the gateway's)"),
                    e.getMessage());
            assertTrue(e.getMessage().startsWith("GET https://" + gateway.host() + "/tedapi/din"), e.getMessage());
            assertThrows(GatewayAuthException.class, () -> gw.post("/tedapi/v1", new byte[1]));
            assertFalse(e.getMessage().contains("Wr0ngSt1ck"));
        }
    }

    @Test
    void anotherStatusNamesMethodPathAndStatusAndIsNotRetried() {
        gateway.http = r -> TestGateway.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "");
        try (GatewayConnection gw = gateway.connection().build()) {
            HttpStatusException e = assertThrows(HttpStatusException.class, () -> gw.post("/tedapi/v1", new byte[1]));
            assertEquals(500, e.status());
            assertEquals("POST https://" + gateway.host() + "/tedapi/v1: HTTP 500", e.getMessage());
            assertEquals(1, gw.requests());
            assertEquals(0, gw.coolDowns());
        }
        assertEquals(1, gateway.received.get());
    }

    @Test
    void aSilentGatewayHitsTheTimeoutAndFreesTheTurn() throws Exception {
        gateway.hold = true;
        try (GatewayConnection gw =
                gateway.connection().timeout(Duration.ofMillis(300)).build()) {
            IOException e = assertThrows(IOException.class, gw::din);
            assertTrue(e.getMessage().contains("/tedapi/din"), e.getMessage());
            assertTrue(e.getMessage().contains("no response within the timeout"), e.getMessage());
            gateway.hold = false;
            assertEquals(TestGateway.DIN, gw.din());
        }
    }

    private static void assertNoPassword(String s) {
        assertFalse(s.contains(TestGateway.PASSWORD), s);
        assertFalse(s.contains(TestGateway.AUTHORIZATION.substring("Basic ".length())), s);
    }

    @Test
    void thePasswordIsNeverLogged() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (GatewayConnection gw = gateway.connection().build()) {
            gw.din();
            gateway.http = r -> TestGateway.response(HttpResponseStatus.TOO_MANY_REQUESTS, "");
            assertThrows(GatewayBusyException.class, gw::din);
            assertThrows(GatewayBusyException.class, gw::din);
        } finally {
            System.setErr(original);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("DEBUG " + GatewayConnection.class.getName() + " - GET https://"), text);
        assertTrue(text.contains("WARN " + GatewayConnection.class.getName() + " - GET https://"), text);
        assertNoPassword(text);
    }

    @Test
    void thePasswordAppearsInNoMessageAndNoString() {
        gateway.http = r -> TestGateway.response(HttpResponseStatus.BAD_GATEWAY, "");
        try (GatewayConnection gw = gateway.connection().build()) {
            IOException failed = assertThrows(IOException.class, gw::din);
            gateway.http = r -> TestGateway.response(HttpResponseStatus.SERVICE_UNAVAILABLE, "");
            IOException busy = assertThrows(IOException.class, gw::din);
            IOException stillBusy = assertThrows(IOException.class, gw::din);
            for (String s : new String[] {
                failed.getMessage(), busy.getMessage(), stillBusy.getMessage(), gw.toString(), failed.toString()
            }) {
                assertNoPassword(s);
            }
            assertEquals("GatewayConnection[https://" + gateway.host() + ", 2 requests, 1 cool-downs]", gw.toString());
        }
    }

    @Test
    void aClosedConnectionRefusesCalls() {
        GatewayConnection gw = gateway.connection().build();
        gw.close();
        IOException e = assertThrows(IOException.class, gw::din);
        assertTrue(e.getMessage().endsWith("the connection is closed"), e.getMessage());
        assertTrue(gw.toString().endsWith(", closed]"), gw.toString());
    }

    @Test
    void aSharedHttpClientOutlivesItsConnections() throws Exception {
        try (HttpClient http = HttpClient.builder()
                .tlsTrust(TlsTrust.pinned(gateway.fingerprint()))
                .build()) {
            GatewayConnection first = GatewayConnection.builder(gateway.host())
                    .password(Secret.of(TestGateway.PASSWORD))
                    .httpClient(http)
                    .build();
            assertEquals(TestGateway.DIN, first.din());
            first.close();
            try (GatewayConnection second = GatewayConnection.builder(gateway.host())
                    .password(Secret.of(TestGateway.PASSWORD))
                    .httpClient(http)
                    .build()) {
                assertEquals(TestGateway.DIN, second.din());
            }
        }
    }

    @Test
    void theBuilderRefusesIncompleteOrConflictingSettings() {
        GatewayConnection.Builder noPassword = GatewayConnection.builder("192.168.91.1");
        assertInstanceOf(IllegalStateException.class, assertThrows(IllegalStateException.class, noPassword::build));
        try (HttpClient http = HttpClient.builder().build()) {
            assertThrows(
                    IllegalStateException.class,
                    () -> GatewayConnection.builder("192.168.91.1")
                            .password(Secret.of("x"))
                            .httpClient(http)
                            .tlsTrust(TlsTrust.insecure())
                            .build());
            assertThrows(
                    IllegalStateException.class,
                    () -> GatewayConnection.builder("192.168.91.1")
                            .password(Secret.of("x"))
                            .timeout(Duration.ofSeconds(1))
                            .httpClient(http)
                            .build());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> GatewayConnection.builder("x").timeout(Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> GatewayConnection.builder("x").coolDown(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> GatewayConnection.builder("https://192.168.91.1/"));
    }
}
