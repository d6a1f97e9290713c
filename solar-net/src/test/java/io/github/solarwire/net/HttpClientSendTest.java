package io.github.solarwire.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpClient#send} with {@link HttpRequest}: what reaches the server, and what never reaches a string. */
class HttpClientSendTest {

    private static TestServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = TestServer.plain();
        client = HttpClient.builder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        server.requests.clear();
        server.http = r -> TestServer.response(HttpResponseStatus.OK, "ok");
    }

    private static TestServer.Recorded received() throws InterruptedException {
        TestServer.Recorded r = server.requests.poll(10, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server");
        }
        return r;
    }

    private static String basic(String scheme, String userAndPassword) {
        return scheme + " " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPostReachesTheServerByteForByte() throws Exception {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        HttpResult result =
                client.send(HttpRequest.post(server.http("/vars?match=meter"), "application/octet-stream", body)
                        .withHeader("X-Device", "PVS6 \u00fc")
                        .withHeader("X-Twice", "1")
                        .withHeader("X-Twice", "2"));
        assertEquals(200, result.status());
        assertEquals("ok", result.text(StandardCharsets.UTF_8));
        TestServer.Recorded r = received();
        assertEquals("POST", r.method());
        assertEquals("/vars?match=meter", r.uri());
        assertArrayEquals(body, r.body());
        assertEquals("application/octet-stream", r.headers().get(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("256", r.headers().get(HttpHeaderNames.CONTENT_LENGTH));
        assertEquals("PVS6 \u00fc", r.headers().get("X-Device")); // header bytes are ISO-8859-1
        assertEquals(List.of("1", "2"), r.headers().getAll("X-Twice"));
        assertEquals("close", r.headers().get(HttpHeaderNames.CONNECTION));
        assertEquals("127.0.0.1:" + server.port(), r.headers().get(HttpHeaderNames.HOST));
    }

    @Test
    void aGetSendsNoBody() throws Exception {
        client.sendAsync(HttpRequest.get(server.http("/"))).get(10, TimeUnit.SECONDS);
        TestServer.Recorded r = received();
        assertEquals("GET", r.method());
        assertEquals("/", r.uri());
        assertEquals(0, r.body().length);
        assertFalse(r.headers().contains(HttpHeaderNames.CONTENT_TYPE));
    }

    @Test
    void cookiesGoInOneHeaderAndSetCookieIsReadBack() throws Exception {
        server.http = r -> {
            FullHttpResponse response = TestServer.response(HttpResponseStatus.OK, "welcome");
            response.headers()
                    .add(HttpHeaderNames.SET_COOKIE, "other=1")
                    .add(HttpHeaderNames.SET_COOKIE, "session=c00kie-v4lue; Path=/; HttpOnly");
            return response;
        };
        HttpResult result = client.sendOk(HttpRequest.get(server.http("/auth?login"))
                .withCookie("a", Secret.of("1"))
                .withCookie("b", Secret.of("two=2")));
        assertEquals(List.of("a=1; b=two=2"), received().headers().getAll(HttpHeaderNames.COOKIE));
        assertEquals("c00kie-v4lue", result.cookie("session").orElseThrow());
        assertEquals("1", result.cookie("other").orElseThrow());
        assertTrue(result.cookie("Session").isEmpty());
        assertFalse(result.toString().contains("c00kie"), result.toString());
    }

    @Test
    void basicAuthAndTheDevicesLowerCaseBasic() throws Exception {
        client.send(HttpRequest.get(server.http("/")).withBasicAuth("pvserver", Secret.of("pvwr")));
        assertEquals(basic("Basic", "pvserver:pvwr"), received().headers().get(HttpHeaderNames.AUTHORIZATION));
        client.send(HttpRequest.get(server.http("/")).withAuthorization("basic", "ssm_owner", Secret.of("A1234")));
        assertEquals(basic("basic", "ssm_owner:A1234"), received().headers().get(HttpHeaderNames.AUTHORIZATION));
        client.get(server.http("/"), "pvserver", Secret.of("pvwr"));
        assertEquals(basic("Basic", "pvserver:pvwr"), received().headers().get(HttpHeaderNames.AUTHORIZATION));
    }

    @Test
    void secretsNeverReachAStringOrAnException() {
        server.http = r -> TestServer.response(HttpResponseStatus.UNAUTHORIZED, "");
        URI uri = URI.create("http://user:u5erinfo@127.0.0.1:" + server.port() + "/vars");
        HttpRequest request = HttpRequest.post(uri, "text/plain", "x".getBytes(StandardCharsets.US_ASCII))
                .withBasicAuth("installer", Secret.of("s3cr3t"))
                .withCookie("session", Secret.of("c00kie"));
        String expected = "POST http://127.0.0.1:" + server.port() + "/vars";
        assertEquals(expected, request.toString());
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> client.sendOk(request));
        assertEquals(401, e.status());
        assertEquals(expected + ": HTTP 401 (the user name or password was refused)", e.getMessage());
        for (String text : List.of(request.toString(), e.getMessage(), client.toString())) {
            for (String secret : List.of("s3cr3t", "c00kie", "u5erinfo", basic("Basic", "installer:s3cr3t"))) {
                assertFalse(text.contains(secret), text);
            }
        }
    }

    @Test
    void aCookieIsReadFromTheSetCookieHeadersOnly() {
        HttpResult result = new HttpResult(
                200,
                Map.of("set-cookie", List.of("broken", "=nameless", "id = 42 ; Secure"), "cookie", List.of("x=1")),
                new byte[0]);
        assertEquals("42", result.cookie("id").orElseThrow());
        assertTrue(result.cookie("x").isEmpty());
        assertTrue(result.cookie("broken").isEmpty());
        assertEquals("HttpResult[200, 0 bytes]", result.toString());
    }

    @Test
    void aNonHttpUriIsRefusedWithoutItsUserInfo() {
        var failure = client.sendAsync(HttpRequest.get(URI.create("ftp://me:pw@host/x")));
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> failure.get(10, TimeUnit.SECONDS));
        assertEquals("not a http or https URI: ftp://host/x", e.getCause().getMessage());
    }
}
