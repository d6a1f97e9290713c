package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test's HTTP calls to a simulator, on the JDK client. */
final class Http {

    private static final Pattern SESSION = Pattern.compile("\\{\"session\":\"([0-9a-f]{64})\"}");

    final HttpClient client;
    final String base;

    Http(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    static Http of(PvsSimulatorServer server) {
        return new Http(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                "http://127.0.0.1:" + server.httpPort());
    }

    HttpResponse<String> get(String pathAndQuery, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(TelemetryClient.SAFETY_SECONDS));
        if (session != null) {
            b.header("Cookie", "session=" + session);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(TelemetryClient.SAFETY_SECONDS))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Cookie", "session=" + session);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String scheme, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/auth?login"))
                .timeout(Duration.ofSeconds(TelemetryClient.SAFETY_SECONDS))
                .header("Authorization", scheme + " " + credentials)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String login(SimulatedPvs pvs) throws Exception {
        return login(pvs.password());
    }

    /** Logs in as pypvs does and returns the session token. */
    String login(String password) throws Exception {
        HttpResponse<String> r = login("basic", "ssm_owner", password);
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = SESSION.matcher(r.body());
        assertEquals(true, m.matches(), r.body());
        return m.group(1);
    }

    /** Logs in and switches telemetry on. */
    void enableTelemetry(SimulatedPvs pvs) throws Exception {
        enableTelemetry(pvs.password());
    }

    void enableTelemetry(String password) throws Exception {
        String session = login(password);
        assertEquals(
                200, post("/vars", "set=/sys/telemetryws/enable=1", session).statusCode());
    }
}
