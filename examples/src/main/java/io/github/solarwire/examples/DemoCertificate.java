package io.github.solarwire.examples;

import io.github.solarwire.net.TlsTrust;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;

/**
 * A throw-away self-signed certificate for the demo's simulated gateways, made with the JDK's own
 * {@code keytool} (no key is committed, no extra library), and the trust that pins exactly it.
 */
record DemoCertificate(SslContext server, TlsTrust pinned) {

    static DemoCertificate create() throws IOException {
        Path dir = Files.createTempDirectory("solar-demo-tls");
        try {
            Path store = dir.resolve("gateway.p12");
            char[] pass = "demo-only".toCharArray();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "gateway",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=solar demo gateway",
                            "-ext",
                            "san=ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            new String(pass),
                            "-keypass",
                            new String(pass)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool could not make the demo certificate: " + output.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, pass);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            X509Certificate cert = (X509Certificate) ks.getCertificate("gateway");
            return new DemoCertificate(
                    SslContextBuilder.forServer(kmf).build(), TlsTrust.pinned(TlsTrust.fingerprint(cert)));
        } catch (GeneralSecurityException e) {
            throw new IOException("the demo certificate could not be loaded: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the demo certificate", e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
