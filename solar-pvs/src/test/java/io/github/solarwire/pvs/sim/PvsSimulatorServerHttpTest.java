package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.pvs.codec.DeviceList;
import io.github.solarwire.pvs.codec.DeviceListEntry;
import io.github.solarwire.pvs.codec.SupervisorInfo;
import io.github.solarwire.pvs.codec.VarserverVars;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PvsSimulatorServerHttpTest {

    private static final String REFUSED = "{\"status\":403,\"error\":\"Unauthorized\",\"path\":\"\"}";

    private static PvsSimulatorServer start(SimulatedPvs pvs) throws InterruptedException {
        return PvsSimulatorServer.builder(pvs).start(SimulatedPvsTest.NOON).start();
    }

    @Test
    void supervisorInfoIsOpenOnEveryFirmware() throws Exception {
        for (int build : new int[] {61846, 61839}) {
            try (PvsSimulatorServer server =
                    start(SimulatedPvs.builder().build(build).build())) {
                HttpResponse<String> r = Http.of(server).get("/cgi-bin/dl_cgi/supervisor/info", null);
                assertEquals(200, r.statusCode());
                assertEquals(
                        build,
                        SupervisorInfo.parse(r.body().getBytes(StandardCharsets.UTF_8))
                                .build());
            }
        }
    }

    @Test
    void newFirmwareRefusesDlCgiCommandsWith403() throws Exception {
        try (PvsSimulatorServer server = start(SimulatedPvs.builder().build())) {
            Http http = Http.of(server);
            for (String command : List.of("DeviceList", "Start", "Get_Comm")) {
                HttpResponse<String> r = http.get("/cgi-bin/dl_cgi?Command=" + command, null);
                assertEquals(403, r.statusCode());
                assertEquals(REFUSED, r.body());
            }
            String session = http.login(server.simulator());
            assertEquals(
                    403, http.get("/cgi-bin/dl_cgi?Command=DeviceList", session).statusCode());
        }
    }

    @Test
    void legacyFirmwareServesDeviceListStartAndStopAndHasNoVarserver() throws Exception {
        SimulatedPvs pvs = SimulatedPvs.builder().build(61839).build();
        try (PvsSimulatorServer server = PvsSimulatorServer.builder(pvs)
                .start(SimulatedPvsTest.NOON)
                .deviceListDelay(Duration.ofMillis(200))
                .start()) {
            Http http = Http.of(server);
            HttpResponse<String> list = http.get("/cgi-bin/dl_cgi?Command=DeviceList", null);
            assertEquals(200, list.statusCode());
            List<DeviceListEntry> devices = DeviceList.parse(list.body().getBytes(StandardCharsets.UTF_8));
            assertEquals(15, devices.size());
            assertEquals("2025.06, Build 61839", devices.get(0).swVersion());
            HttpResponse<String> start = http.get("/cgi-bin/dl_cgi?Command=Start", null);
            assertEquals(
                    pvs.serial(),
                    SupervisorInfo.parse(start.body().getBytes(StandardCharsets.UTF_8))
                            .serial());
            assertEquals(
                    "{\"result\":\"succeed\"}",
                    http.get("/cgi-bin/dl_cgi?Command=Stop", null).body());
            assertEquals(404, http.get("/vars?name=/sys/info/serialnum", null).statusCode());
            assertEquals(404, http.login("basic", "ssm_owner", pvs.password()).statusCode());
        }
    }

    @Test
    void loginWantsSsmOwnerAndTheLastFiveCharactersOfTheSerial() throws Exception {
        try (PvsSimulatorServer server = start(SimulatedPvs.builder().build())) {
            Http http = Http.of(server);
            HttpResponse<String> ok = http.login("basic", "ssm_owner", "A0321");
            assertEquals(200, ok.statusCode());
            String token =
                    ok.body().substring("{\"session\":\"".length(), ok.body().length() - 2);
            assertEquals(64, token.length());
            assertEquals(
                    "session=" + token + "; Path=/; HttpOnly",
                    ok.headers().firstValue("Set-Cookie").orElseThrow());
            assertEquals(200, http.login("Basic", "ssm_owner", "A0321").statusCode());
            assertEquals(200, http.login("BASIC", "ssm_owner", "A0321").statusCode());
            assertEquals(401, http.login("basic", "ssm_owner", "A0322").statusCode());
            assertEquals(401, http.login("basic", "spwr_owner", "A0321").statusCode());
            assertEquals(401, http.login("bearer", "ssm_owner", "A0321").statusCode());
            assertEquals(401, http.get("/auth?login", null).statusCode());
            assertEquals(3, server.logins());
        }
    }

    @Test
    void varsWantsASessionExceptForTheIdentityPypvsReadsFirst() throws Exception {
        try (PvsSimulatorServer server = start(SimulatedPvs.builder().build())) {
            Http http = Http.of(server);
            assertEquals(401, http.get("/vars?match=livedata", null).statusCode());
            assertEquals(401, http.get("/vars?match=livedata", "0".repeat(64)).statusCode());
            assertEquals(401, http.post("/vars", "name=/sys/info/sw_rev", null).statusCode());
            HttpResponse<String> serial =
                    http.get("/vars?name=/sys/info/serialnum,/sys/info/lmac,/sys/info/ssid", null);
            assertEquals(200, serial.statusCode());
            VarserverVars open = VarserverVars.parse(serial.body().getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    server.simulator().serial(),
                    open.value("/sys/info/serialnum").orElseThrow());

            String session = http.login(server.simulator());
            HttpResponse<String> get = http.get("/vars?match=livedata&fmt=obj", session);
            assertEquals(200, get.statusCode());
            VarserverVars live = VarserverVars.parse(get.body().getBytes(StandardCharsets.UTF_8));
            assertEquals(server.now(), live.liveData().orElseThrow().time());
            for (String body : List.of("match=/sys/info/", "match=%2Fsys%2Finfo%2F")) {
                HttpResponse<String> post = http.post("/vars", body, session);
                assertEquals(200, post.statusCode(), body);
                assertEquals(
                        "PVS6",
                        VarserverVars.parse(post.body().getBytes(StandardCharsets.UTF_8))
                                .systemInfo()
                                .model());
            }
            assertEquals(
                    400,
                    http.get("/vars?name=/sys/devices/ess/0/socVal", session).statusCode());
            assertEquals(8, server.varsRequests());
        }
    }

    @Test
    void expiredAndLoggedOutSessionsAreRefused() throws Exception {
        for (int status : new int[] {401, 500}) {
            try (PvsSimulatorServer server = PvsSimulatorServer.builder(
                            SimulatedPvs.builder().build())
                    .expiredSessionStatus(status)
                    .start()) {
                Http http = Http.of(server);
                String session = http.login(server.simulator());
                assertEquals(200, http.get("/vars?match=livedata", session).statusCode());
                server.expireSessions();
                assertEquals(status, http.get("/vars?match=livedata", session).statusCode());
                String fresh = http.login(server.simulator());
                assertEquals(200, http.get("/vars?match=livedata", fresh).statusCode());
                assertEquals(200, http.get("/auth?logout", fresh).statusCode());
                assertEquals(401, http.get("/vars?match=livedata", fresh).statusCode());
            }
        }
    }

    @Test
    void aSessionOutlivingItsLifetimeIsRefused() throws Exception {
        try (PvsSimulatorServer server = PvsSimulatorServer.builder(
                        SimulatedPvs.builder().build())
                .sessionLifetime(Duration.ofNanos(1))
                .start()) {
            Http http = Http.of(server);
            String session = http.login(server.simulator());
            assertEquals(401, http.get("/vars?match=livedata", session).statusCode());
        }
    }

    @Test
    void failNextVarsAndDownAreFaultsAClientMustSurvive() throws Exception {
        try (PvsSimulatorServer server = start(SimulatedPvs.builder().build())) {
            Http http = Http.of(server);
            String session = http.login(server.simulator());
            server.failNextVars(2);
            assertEquals(500, http.get("/vars?match=livedata", session).statusCode());
            assertEquals(500, http.get("/vars?match=livedata", session).statusCode());
            assertEquals(200, http.get("/vars?match=livedata", session).statusCode());
            server.down(true);
            assertEquals(503, http.get("/cgi-bin/dl_cgi/supervisor/info", null).statusCode());
            assertEquals(503, http.get("/vars?match=livedata", session).statusCode());
            server.down(false);
            assertEquals(200, http.get("/cgi-bin/dl_cgi/supervisor/info", null).statusCode());
            assertEquals(404, http.get("/nothing/here", null).statusCode());
        }
    }

    @Test
    void httpsServesTheSameApiOnItsOwnPort(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("pvs.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "pvs",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=pvs6.local",
                        "-ext",
                        "SAN=IP:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(password))
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SslContext ssl = SslContextBuilder.forServer(kmf).build();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientSsl = SSLContext.getInstance("TLS");
        clientSsl.init(null, tmf.getTrustManagers(), null);

        try (PvsSimulatorServer server = PvsSimulatorServer.builder(
                        SimulatedPvs.builder().build())
                .https(ssl, 0)
                .start()) {
            assertTrue(server.httpsPort() > 0 && server.httpsPort() != server.httpPort());
            Http https = new Http(
                    HttpClient.newBuilder().sslContext(clientSsl).build(), "https://127.0.0.1:" + server.httpsPort());
            String session = https.login(server.simulator());
            assertEquals(200, https.get("/vars?match=livedata", session).statusCode());
        }
    }
}
