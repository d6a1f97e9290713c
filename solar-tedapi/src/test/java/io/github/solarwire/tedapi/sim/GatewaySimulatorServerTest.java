package io.github.solarwire.tedapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.tedapi.codec.QueryResult;
import io.github.solarwire.tedapi.codec.QueryRole;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.QuerySets;
import io.github.solarwire.tedapi.codec.SignedQuery;
import io.github.solarwire.tedapi.codec.TedapiRequests;
import io.github.solarwire.tedapi.codec.TedapiResponses;
import io.github.solarwire.testkit.TestCertificates;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator over loopback HTTPS, driven by the JDK's HttpClient. */
class GatewaySimulatorServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final QuerySets SETS = QuerySets.shipped();

    @TempDir
    Path dir;

    private final List<GatewaySimulatorServer> servers = new ArrayList<>();
    private HttpClient client;

    @AfterEach
    void close() {
        servers.forEach(GatewaySimulatorServer::close);
    }

    private GatewaySimulatorServer https(SimulatedGateway gateway) throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        SslContext ssl = SslContextBuilder.forServer(
                        certs.certFile().toFile(), certs.keyFile().toFile())
                .build();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(trusting(certs.caFile()))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        GatewaySimulatorServer server =
                GatewaySimulatorServer.builder(gateway).https(ssl).clock(NOON).start();
        servers.add(server);
        return server;
    }

    private static SSLContext trusting(Path ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String basic(String password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((TedapiRequests.USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(GatewaySimulatorServer server, String path, String password) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10));
        if (password != null) {
            b.header("Authorization", basic(password));
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(GatewaySimulatorServer server, String path, byte[] body) throws Exception {
        return post(server, path, body, server.gateway().password(), Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> post(
            GatewaySimulatorServer server, String path, byte[] body, String password, Duration timeout)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(server.uri().resolve(path))
                        .timeout(timeout)
                        .header("Authorization", basic(password))
                        .header("Content-type", TedapiRequests.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void theRootTellsPw2FromPw3() throws Exception {
        GatewaySimulatorServer pw2 = https(SimulatedGateway.pw2());
        assertEquals(200, get(pw2, "/", null).statusCode());
        GatewaySimulatorServer pw3 = https(SimulatedGateway.pw3());
        assertEquals(403, get(pw3, "/", null).statusCode());
    }

    @Test
    void theDinNeedsTheGatewayPassword() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.builder(SimulatedGateway.Model.PW2)
                .password("QWERTYUIOP")
                .build();
        GatewaySimulatorServer server = https(gateway);
        HttpResponse<byte[]> ok = get(server, TedapiRequests.DIN_PATH, "QWERTYUIOP");
        assertEquals(200, ok.statusCode());
        assertEquals(gateway.din(), TedapiResponses.din(ok.body()));
        assertEquals(403, get(server, TedapiRequests.DIN_PATH, "ABCDEFGHIJ").statusCode());
        assertEquals(403, get(server, TedapiRequests.DIN_PATH, null).statusCode());
        assertEquals(
                403,
                post(server, TedapiRequests.PATH, TedapiRequests.config(gateway.din()), "x", Duration.ofSeconds(10))
                        .statusCode());
        assertEquals(404, get(server, "/api/status", "QWERTYUIOP").statusCode());
        assertEquals(3, server.requests(TedapiRequests.DIN_PATH));
        assertEquals(1, server.requests(TedapiRequests.PATH));
    }

    @Test
    void configFirmwareAndBothQuerySetsOnAPw2() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw2();
        GatewaySimulatorServer server = https(gateway);
        String din = gateway.din();

        JsonNode config = json(TedapiResponses.configJson(
                post(server, TedapiRequests.PATH, TedapiRequests.config(din)).body()));
        assertEquals(din, config.get("vin").asText());
        assertEquals(2, config.get("battery_blocks").size());

        assertEquals(
                gateway.firmware(),
                TedapiResponses.firmware(post(server, TedapiRequests.PATH, TedapiRequests.firmware(din))
                        .body()));

        for (QuerySetVersion version : QuerySetVersion.values()) {
            for (QueryRole role : List.of(QueryRole.STATUS, QueryRole.CONTROLLER)) {
                byte[] body = post(server, TedapiRequests.PATH, TedapiRequests.query(din, SETS.get(version, role)))
                        .body();
                JsonNode status = json(TedapiResponses.queryJson(body));
                assertEquals(4, status.at("/control/meterAggregates").size(), version + " " + role);
                assertEquals(
                        role == QueryRole.CONTROLLER || version == QuerySetVersion.V2026_06,
                        status.has("components"),
                        version + " " + role);
            }
        }
        assertEquals(6, server.requests(TedapiRequests.PATH));
    }

    @Test
    void componentsOfEachPw3UnitDirectAndRouted() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw3();
        GatewaySimulatorServer server = https(gateway);
        String leader = gateway.din();
        String follower = gateway.batteryDins().get(1);
        for (QuerySetVersion version : QuerySetVersion.values()) {
            SignedQuery components = SETS.get(version, QueryRole.COMPONENTS);
            JsonNode direct = json(TedapiResponses.queryJson(
                    post(server, TedapiRequests.PATH, TedapiRequests.components(leader, components))
                            .body()));
            assertEquals(2, direct.at("/components/bms").size(), "leader and its expansion");
            JsonNode routed = json(TedapiResponses.queryJson(post(
                            server,
                            TedapiRequests.devicePath(follower),
                            TedapiRequests.components(leader, follower, components))
                    .body()));
            assertEquals(1, routed.at("/components/bms").size());
            assertEquals(
                    follower.substring(follower.indexOf("--") + 2),
                    routed.at("/components/hvp/0/serialNumber").asText());
        }
        assertEquals(
                404,
                post(server, TedapiRequests.devicePath("1707000-11-J--TG000000000000"), new byte[0])
                        .statusCode());
        assertEquals(2, server.requests(TedapiRequests.devicePath(follower)));
        assertEquals(2, server.requests(TedapiRequests.PATH));
    }

    @Test
    void gzipOnRequest() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw3();
        GatewaySimulatorServer server = https(gateway);
        server.gzip(true);
        HttpResponse<byte[]> din = get(server, TedapiRequests.DIN_PATH, gateway.password());
        assertTrue(TedapiResponses.isGzip(din.body()));
        assertFalse(din.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(gateway.din(), TedapiResponses.din(din.body()));
        byte[] config = post(server, TedapiRequests.PATH, TedapiRequests.config(gateway.din()))
                .body();
        assertTrue(TedapiResponses.isGzip(config));
        assertEquals(json(gateway.configJson()), json(TedapiResponses.configJson(config)));
        server.gzip(false);
        assertFalse(TedapiResponses.isGzip(post(server, TedapiRequests.PATH, TedapiRequests.config(gateway.din()))
                .body()));
    }

    @Test
    void injected429And503ThenRecovery() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw2();
        GatewaySimulatorServer server = https(gateway);
        byte[] config = TedapiRequests.config(gateway.din());
        server.failNext(429, 2);
        assertEquals(429, post(server, TedapiRequests.PATH, config).statusCode());
        assertEquals(
                429, get(server, TedapiRequests.DIN_PATH, gateway.password()).statusCode());
        assertEquals(200, post(server, TedapiRequests.PATH, config).statusCode());
        server.failNext(503, 1);
        assertEquals(503, post(server, TedapiRequests.PATH, config).statusCode());
        assertEquals(200, post(server, TedapiRequests.PATH, config).statusCode());
        assertEquals(4, server.requests(TedapiRequests.PATH));
        assertEquals(5, server.totalRequests());
        assertThrows(IllegalArgumentException.class, () -> server.failNext(200, 1));
    }

    @Test
    void aSlowReplyOutlastsAShortTimeout() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw2();
        GatewaySimulatorServer server = https(gateway);
        byte[] config = TedapiRequests.config(gateway.din());
        server.delayReplies(Duration.ofSeconds(30));
        assertThrows(
                HttpTimeoutException.class,
                () -> post(server, TedapiRequests.PATH, config, gateway.password(), Duration.ofMillis(300)));
        server.delayReplies(Duration.ZERO);
        assertEquals(200, post(server, TedapiRequests.PATH, config).statusCode());
        assertEquals(2, server.requests(TedapiRequests.PATH));
    }

    @Test
    void anUnverifiableQueryFailsAsEachSetDoes() throws Exception {
        SimulatedGateway gateway = SimulatedGateway.pw2();
        GatewaySimulatorServer server = https(gateway);
        for (QuerySetVersion version : QuerySetVersion.values()) {
            SignedQuery real = SETS.get(version, QueryRole.STATUS);
            byte[] signature = real.signature();
            signature[signature.length - 1] ^= 1;
            SignedQuery forged = new SignedQuery(
                    real.name(), real.text(), signature, real.variablesJson(), real.version(), real.signedBytes());
            QueryResult result =
                    TedapiResponses.query(post(server, TedapiRequests.PATH, TedapiRequests.query(gateway.din(), forged))
                            .body());
            assertFalse(result.usable(), version.name());
            assertEquals(version == QuerySetVersion.V2026_06, !result.errors().isEmpty());
        }
        assertEquals(
                400, post(server, TedapiRequests.PATH, new byte[] {(byte) 0xff}).statusCode());
    }

    @Test
    void plainHttpForDemos() throws Exception {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SimulatedGateway gateway = SimulatedGateway.pw2();
        GatewaySimulatorServer server = GatewaySimulatorServer.builder(gateway).start();
        servers.add(server);
        assertEquals("http", server.uri().getScheme());
        assertEquals(
                gateway.din(),
                TedapiResponses.din(
                        get(server, TedapiRequests.DIN_PATH, gateway.password()).body()));
        assertThrows(
                ProtocolException.class,
                () -> TedapiResponses.din(
                        get(server, TedapiRequests.DIN_PATH, "wrong").body()));
        assertEquals(URI.create("http://127.0.0.1:" + server.port()), server.uri());
    }
}
