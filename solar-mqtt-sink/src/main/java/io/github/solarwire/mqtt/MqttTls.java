package io.github.solarwire.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How the MQTT connection's TLS trusts the broker: the system's CAs, a CA file, or one pinned
 * certificate (its SHA-256 fingerprint), the usual choice for a home broker with a self-signed
 * certificate. Immutable and thread-safe.
 */
public final class MqttTls {

    private final Path caFile;
    private final String pinnedSha256;

    private MqttTls(Path caFile, String pinnedSha256) {
        this.caFile = caFile;
        this.pinnedSha256 = pinnedSha256;
    }

    /**
     * Trusts the certificate authorities the JVM trusts.
     *
     * @return the configuration
     */
    public static MqttTls systemTrust() {
        return new MqttTls(null, null);
    }

    /**
     * Trusts the certificate authorities in a PEM file.
     *
     * @param caFile the PEM file with one or more CA certificates
     * @return the configuration
     */
    public static MqttTls caFile(Path caFile) {
        return new MqttTls(Objects.requireNonNull(caFile, "caFile"), null);
    }

    /**
     * Trusts exactly one server certificate, whoever signed it, by its SHA-256 fingerprint.
     *
     * @param sha256 64 hex digits, colons and case ignored
     * @return the configuration
     * @throws IllegalArgumentException when the fingerprint is not 32 bytes of hex
     */
    public static MqttTls pinned(String sha256) {
        String hex = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits, got '" + sha256 + "'");
        }
        return new MqttTls(null, hex);
    }

    /**
     * The trust manager factory the client uses, or null for the JVM default.
     *
     * @return the factory
     * @throws IOException when the CA file cannot be read
     */
    TrustManagerFactory trustManagerFactory() throws IOException {
        try {
            if (caFile != null) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                CertificateFactory certificates = CertificateFactory.getInstance("X.509");
                try (InputStream in = Files.newInputStream(caFile)) {
                    int i = 0;
                    for (var certificate : certificates.generateCertificates(in)) {
                        store.setCertificateEntry("ca-" + i++, certificate);
                    }
                    if (i == 0) {
                        throw new IOException("no certificate in CA file " + caFile);
                    }
                }
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                return factory;
            }
            if (pinnedSha256 != null) {
                return new PinnedTrustManagerFactory(pinnedSha256);
            }
            return null;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return caFile != null ? "tls(ca " + caFile + ")" : pinnedSha256 != null ? "tls(pinned)" : "tls(system)";
    }

    /** Accepts exactly the server certificate with the pinned fingerprint. */
    private static final class PinnedTrustManagerFactory extends TrustManagerFactory {
        PinnedTrustManagerFactory(String sha256) {
            super(new PinnedSpi(sha256), null, "pinned");
        }
    }

    private static final class PinnedSpi extends javax.net.ssl.TrustManagerFactorySpi {
        private final X509TrustManager manager;

        PinnedSpi(String sha256) {
            this.manager = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("client certificates are not checked here");
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    if (chain == null || chain.length == 0) {
                        throw new CertificateException("the broker sent no certificate");
                    }
                    String found = fingerprint(chain[0]);
                    if (!found.equals(sha256)) {
                        throw new CertificateException(
                                "the broker's certificate has SHA-256 " + found + ", not the pinned " + sha256);
                    }
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
        }

        @Override
        protected void engineInit(KeyStore ks) {}

        @Override
        protected void engineInit(javax.net.ssl.ManagerFactoryParameters spec) {}

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return new TrustManager[] {manager};
        }
    }

    /**
     * The SHA-256 fingerprint of a certificate, lower-case hex without colons.
     *
     * @param certificate the certificate
     * @return 64 hex digits
     * @throws CertificateException when it cannot be encoded
     */
    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException("SHA-256 is not available", e);
        }
    }
}
