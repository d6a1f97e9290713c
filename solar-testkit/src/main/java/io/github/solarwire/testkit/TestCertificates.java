package io.github.solarwire.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;

/**
 * A throw-away CA and a server certificate for 127.0.0.1, made with the openssl CLI at test time so that no key or
 * expiring certificate is ever committed. EC P-256 keys keep generation to a few tens of milliseconds.
 *
 * <p>The server certificate names {@code IP:127.0.0.1} and {@code DNS:localhost}, is signed by the CA and is valid for
 * seven days. Needs the {@code openssl} program; without it the test is skipped (or fails under {@code CI=true}).
 *
 * @param caFile the CA certificate, PEM: what a client that trusts this CA loads
 * @param certFile the server certificate, PEM, signed by the CA
 * @param keyFile the server's private key, PEM (PKCS#8, unencrypted)
 */
public record TestCertificates(Path caFile, Path certFile, Path keyFile) {

    /**
     * Our own config rather than the system openssl.cnf, whose defaults (v3_ca extensions, prompts) differ between
     * distributions and would clash with the extensions set here. Java's hostname check needs the IP SAN, since
     * clients connect to "127.0.0.1"; the CN is ignored by it.
     */
    private static final String CONFIG = """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = unused
            [ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            [server]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature
            extendedKeyUsage = serverAuth
            subjectAltName = IP:127.0.0.1, DNS:localhost
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            """;

    /**
     * Makes a fresh CA and server certificate in a directory.
     *
     * @param dir where the files go; created if missing (a JUnit {@code @TempDir} suits)
     * @return the files
     */
    public static TestCertificates create(Path dir) {
        String openssl = ExternalTools.require("openssl", "openssl").toString();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("openssl.cnf"), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExternalTools.run(
                dir,
                openssl,
                "req",
                "-x509",
                "-config",
                "openssl.cnf",
                "-extensions",
                "ca",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-subj",
                "/CN=solarwire test CA",
                "-days",
                "7",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt");
        ExternalTools.run(
                dir,
                openssl,
                "req",
                "-new",
                "-config",
                "openssl.cnf",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                "server.key",
                "-out",
                "server.csr");
        ExternalTools.run(
                dir,
                openssl,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-set_serial",
                "2",
                "-days",
                "7",
                "-extfile",
                "openssl.cnf",
                "-extensions",
                "server",
                "-out",
                "server.crt");
        return new TestCertificates(dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"));
    }

    /**
     * SHA-256 over the certificate's DER encoding, lower-case hex without separators: what pinning compares.
     *
     * @param pemCertificate a PEM certificate file, e.g. {@link #certFile()}
     * @return 64 hex digits
     */
    public static String sha256Fingerprint(Path pemCertificate) {
        try (InputStream in = Files.newInputStream(pemCertificate)) {
            byte[] der = CertificateFactory.getInstance("X.509")
                    .generateCertificate(in)
                    .getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pemCertificate, e);
        }
    }
}
