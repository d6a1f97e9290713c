package io.github.solarwire.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import io.github.solarwire.testkit.TestCertificates;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each {@link TlsTrust} against an https server whose certificate comes from a throw-away CA. */
class TlsTrustTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static TestServer server;
    private static String fingerprint;

    /** A second server with a certificate of its own, as after a device's certificate changed. */
    private static TestServer other;

    private static String otherFingerprint;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir);
        server = TestServer.tls(certificates);
        fingerprint = TestCertificates.sha256Fingerprint(certificates.certFile());
        TestCertificates otherCertificates = TestCertificates.create(dir.resolve("other"));
        other = TestServer.tls(otherCertificates);
        otherFingerprint = TestCertificates.sha256Fingerprint(otherCertificates.certFile());
    }

    @AfterAll
    static void stop() {
        for (TestServer s : new TestServer[] {server, other}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static HttpResult fetch(TlsTrust trust) throws IOException {
        return fetch(trust, server);
    }

    private static HttpResult fetch(TlsTrust trust, TestServer from) throws IOException {
        try (HttpClient client = HttpClient.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .tlsTrust(trust)
                .build()) {
            return client.getOk(from.http("/status"), null, null);
        }
    }

    private static String withColons(String hex) {
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    @Test
    void theSystemTrustRefusesTheDevicesCertificate() {
        IOException e = assertThrows(IOException.class, () -> fetch(TlsTrust.system()));
        assertTrue(e.getMessage().startsWith("GET " + server.http("/status") + ": TLS failure"), e.getMessage());
    }

    @Test
    void trustingTheCaFileAcceptsTheServer() throws Exception {
        assertEquals(200, fetch(TlsTrust.trusting(certificates.caFile())).status());
    }

    @Test
    void theRightPinIsAcceptedInAnySpelling() throws Exception {
        assertEquals(200, fetch(TlsTrust.pinned(fingerprint)).status());
        assertEquals(
                200,
                fetch(TlsTrust.pinned(withColons(fingerprint).toUpperCase(Locale.ROOT)))
                        .status());
    }

    @Test
    void aWrongPinFailsNamingBothFingerprints() {
        String wrong = "ab".repeat(32);
        IOException e = assertThrows(IOException.class, () -> fetch(TlsTrust.pinned(wrong)));
        assertTrue(e.getMessage().contains("expected sha256 " + withColons(wrong)), e.getMessage());
        assertTrue(e.getMessage().contains("presented sha256 " + withColons(fingerprint)), e.getMessage());
    }

    @Test
    void firstUseReportsTheFirstCertificateOnceAndThenPinsIt() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        TlsTrust trust = TlsTrust.firstUse(null, reported::add);
        assertEquals("first use, nothing pinned yet", trust.toString());

        assertEquals(200, fetch(trust).status());
        assertEquals(200, fetch(trust).status());
        assertEquals(List.of(withColons(fingerprint)), reported);
        assertEquals("first use, pinned sha256 " + withColons(fingerprint), trust.toString());

        IOException e = assertThrows(IOException.class, () -> fetch(trust, other));
        assertTrue(e.getMessage().contains("pin taken on first use"), e.getMessage());
        assertTrue(e.getMessage().contains("expected sha256 " + withColons(fingerprint)), e.getMessage());
        assertTrue(e.getMessage().contains("presented sha256 " + withColons(otherFingerprint)), e.getMessage());
        assertEquals(1, reported.size());
    }

    @Test
    void firstUseWithAKnownFingerprintIsPinned() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        TlsTrust trust = TlsTrust.firstUse(fingerprint, reported::add);
        assertEquals("pinned sha256 " + withColons(fingerprint), trust.toString());

        assertEquals(200, fetch(trust).status());
        IOException e = assertThrows(IOException.class, () -> fetch(trust, other));
        assertTrue(e.getMessage().contains("expected sha256 " + withColons(fingerprint)), e.getMessage());
        assertTrue(e.getMessage().contains("presented sha256 " + withColons(otherFingerprint)), e.getMessage());
        assertEquals(List.of(), reported);
    }

    @Test
    void aFailingFirstUseCallbackPinsNothing() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        AtomicBoolean refuse = new AtomicBoolean(true);
        TlsTrust trust = TlsTrust.firstUse(null, fp -> {
            if (refuse.get()) {
                throw new IllegalStateException("cannot store the fingerprint");
            }
            reported.add(fp);
        });
        IOException e = assertThrows(IOException.class, () -> fetch(trust, other));
        assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
        assertEquals("first use, nothing pinned yet", trust.toString());

        refuse.set(false);
        assertEquals(200, fetch(trust).status());
        assertEquals(List.of(withColons(fingerprint)), reported);
    }

    @Test
    void insecureAcceptsAnyCertificate() throws Exception {
        assertEquals(200, fetch(TlsTrust.insecure()).status());
    }

    @Test
    void theFingerprintHelperMatchesTheDerDigest() throws Exception {
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(certificates.certFile())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertEquals(withColons(fingerprint), TlsTrust.fingerprint(cert));
        assertEquals(32, HexFormat.ofDelimiter(":").parseHex(TlsTrust.fingerprint(cert)).length);
    }

    @Test
    void toStringSaysWhatIsTrusted() {
        assertEquals("system", TlsTrust.system().toString());
        assertEquals("insecure", TlsTrust.insecure().toString());
        assertEquals(
                "pinned sha256 " + withColons(fingerprint),
                TlsTrust.pinned(fingerprint).toString());
        assertEquals(
                "trusting " + certificates.caFile(),
                TlsTrust.trusting(certificates.caFile()).toString());
    }

    @Test
    void badSettingsAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> TlsTrust.pinned("ab:cd"));
        assertThrows(IllegalArgumentException.class, () -> TlsTrust.firstUse("ab:cd", fp -> {}));
        assertThrows(NullPointerException.class, () -> TlsTrust.firstUse(null, null));
        assertThrows(IllegalArgumentException.class, () -> TlsTrust.pinned("zz".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> TlsTrust.trusting(certificates.keyFile()));
    }

    @Test
    void theReadmeLoginSnippetLogsInWithLowerCaseBasicAndSendsTheSessionCookie() throws Exception {
        String auth = "basic " + Base64.getEncoder().encodeToString("ssm_owner:A1234".getBytes(StandardCharsets.UTF_8));
        server.http = r -> {
            if (r.uri().equals("/auth?login") && auth.equals(r.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                FullHttpResponse ok = TestServer.response(HttpResponseStatus.OK, "{}");
                ok.headers().add(HttpHeaderNames.SET_COOKIE, "session=0123abcd; Path=/");
                return ok;
            }
            if (r.uri().equals("/vars?match=meter")
                    && "session=0123abcd".equals(r.headers().get(HttpHeaderNames.COOKIE))) {
                return TestServer.response(HttpResponseStatus.OK, "{\"meter\":1}");
            }
            return TestServer.response(HttpResponseStatus.UNAUTHORIZED, "");
        };
        assertEquals("{\"meter\":1}", ReadmeSnippets.login(server.http(""), fingerprint, Secret.of("A1234")));
    }
}
