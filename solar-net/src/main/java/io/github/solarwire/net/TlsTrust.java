package io.github.solarwire.net;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server certificates a client accepts on {@code https} and {@code wss}.
 *
 * <ul>
 *   <li>{@link #system()}: the JDK's trusted CAs, and the host name must match the certificate.
 *   <li>{@link #trusting(Path)}: the CAs in a PEM file, and the host name must match.
 *   <li>{@link #pinned(String)}: exactly one leaf certificate, by its SHA-256 fingerprint; validity
 *       dates and host name are not checked, since devices present self-signed certificates that
 *       name no reachable host and often carry odd dates.
 *   <li>{@link #firstUse(String, Consumer)}: trust on first use; the first certificate presented is
 *       reported and then pinned for every later connection that uses the same trust object.
 *   <li>{@link #insecure()}: any certificate; a client logs one WARN the first time it uses it.
 * </ul>
 *
 * <p>Thread-safe. Every trust is immutable except a {@link #firstUse(String, Consumer)} trust whose
 * fingerprint was not known, which remembers the first certificate it accepts.
 */
public final class TlsTrust {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTrust.class);
    private static final TlsTrust SYSTEM = new TlsTrust(Kind.SYSTEM, null, List.of(), null, null);
    private static final TlsTrust INSECURE = new TlsTrust(Kind.INSECURE, null, List.of(), null, null);

    private enum Kind {
        SYSTEM,
        TRUSTING,
        PINNED,
        FIRST_USE,
        INSECURE
    }

    private final Kind kind;
    private final String fingerprint;
    private final List<X509Certificate> authorities;
    private final Path caFile;
    private final Consumer<String> onFirstUse;

    /** For {@link Kind#FIRST_USE}: the fingerprint of the first certificate accepted; guarded by this. */
    private String learned;

    private TlsTrust(
            Kind kind,
            String fingerprint,
            List<X509Certificate> authorities,
            Path caFile,
            Consumer<String> onFirstUse) {
        this.kind = kind;
        this.fingerprint = fingerprint;
        this.authorities = authorities;
        this.caFile = caFile;
        this.onFirstUse = onFirstUse;
    }

    /**
     * The JDK's trusted CAs, with the host name checked: right for public servers.
     *
     * @return the system trust
     */
    public static TlsTrust system() {
        return SYSTEM;
    }

    /**
     * The CA certificates in a PEM file, with the host name checked: right for a site's own CA.
     *
     * @param pemCaFile a file of one or more PEM certificates
     * @return the trust
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when the file holds no certificate
     */
    public static TlsTrust trusting(Path pemCaFile) {
        Objects.requireNonNull(pemCaFile, "pemCaFile");
        List<X509Certificate> cas;
        try (InputStream in = Files.newInputStream(pemCaFile)) {
            cas = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA file " + pemCaFile, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM certificate file: " + pemCaFile, e);
        }
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + pemCaFile);
        }
        return new TlsTrust(Kind.TRUSTING, null, cas, pemCaFile, null);
    }

    /**
     * Exactly the server certificate whose DER encoding has this SHA-256; nothing else about it is
     * checked. A different certificate fails the connection with a message naming both fingerprints.
     *
     * @param sha256Fingerprint 64 hex digits, in either case, with or without colons
     * @return the trust
     * @throws IllegalArgumentException when the fingerprint is not 32 bytes of hex
     */
    public static TlsTrust pinned(String sha256Fingerprint) {
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        String hex = sha256Fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "a SHA-256 fingerprint is 64 hex digits (colons optional), was '" + sha256Fingerprint + "'");
        }
        return new TlsTrust(Kind.PINNED, withColons(HexFormat.of().parseHex(hex)), List.of(), null, null);
    }

    /**
     * Trust on first use. With a known fingerprint this is {@link #pinned(String)}. Without one, the
     * first certificate a server presents is accepted, its fingerprint (in the format of {@link
     * #fingerprint(X509Certificate)}) is handed to {@code onFirstUse} once, and from then on this
     * trust object accepts only that certificate, on every connection of every client that uses it.
     * The caller stores the reported fingerprint and passes it next time, so that a later start
     * does not trust whoever answers first.
     *
     * <p>{@code onFirstUse} runs on a client's I/O thread during the TLS handshake and must not
     * block. Should it throw, that connection fails and nothing is pinned, so the next connection is
     * a first use again.
     *
     * @param knownFingerprintOrNull the fingerprint stored from an earlier first use, or null
     * @param onFirstUse receives the fingerprint of the certificate pinned on first use
     * @return the trust
     * @throws IllegalArgumentException when a known fingerprint is not 32 bytes of hex
     */
    public static TlsTrust firstUse(String knownFingerprintOrNull, Consumer<String> onFirstUse) {
        Objects.requireNonNull(onFirstUse, "onFirstUse");
        if (knownFingerprintOrNull != null) {
            return pinned(knownFingerprintOrNull);
        }
        return new TlsTrust(Kind.FIRST_USE, null, List.of(), null, onFirstUse);
    }

    /**
     * Any certificate: the connection is encrypted but the server is not authenticated. For a first
     * look at a device whose fingerprint is not known yet; prefer {@link #pinned(String)}.
     *
     * @return the insecure trust
     */
    public static TlsTrust insecure() {
        return INSECURE;
    }

    /**
     * The SHA-256 of a certificate's DER encoding, the value {@link #pinned(String)} takes.
     *
     * @param certificate the certificate
     * @return lower-case hex with colons, e.g. {@code ab:cd:…} (32 bytes)
     * @throws IllegalArgumentException when the certificate cannot be encoded
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return withColons(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the certificate", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String withColons(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    /**
     * A new client context for this trust; {@link #insecure()} logs its WARN here, so a client that
     * builds its context once warns once.
     */
    SslContext newClientContext() throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient();
        switch (kind) {
            case SYSTEM -> b.endpointIdentificationAlgorithm("HTTPS");
            case TRUSTING -> b.trustManager(authorities).endpointIdentificationAlgorithm("HTTPS");
            case PINNED, FIRST_USE -> b.trustManager(new LeafTrustManager()).endpointIdentificationAlgorithm(null);
            case INSECURE -> {
                LOG.warn("TLS server certificates are not checked (TlsTrust.insecure()): any server is accepted");
                b.trustManager(new LeafTrustManager()).endpointIdentificationAlgorithm(null);
            }
        }
        return b.build();
    }

    /**
     * Checks the leaf certificate's fingerprint for {@link Kind#PINNED} and {@link Kind#FIRST_USE};
     * {@link Kind#INSECURE} accepts any.
     */
    private void checkLeaf(X509Certificate leaf) throws CertificateException {
        if (kind == Kind.INSECURE) {
            return;
        }
        String presented;
        try {
            presented = fingerprint(leaf);
        } catch (IllegalArgumentException e) {
            throw new CertificateException("cannot read the server's certificate", e);
        }
        if (kind == Kind.PINNED) {
            compare(fingerprint, presented, "");
            return;
        }
        String expected;
        synchronized (this) {
            if (learned == null) {
                try {
                    onFirstUse.accept(presented);
                } catch (RuntimeException e) {
                    throw new CertificateException("the first-use callback failed, nothing was pinned", e);
                }
                learned = presented;
                LOG.info("TLS trust on first use: pinned the server's certificate sha256 {}", presented);
                return;
            }
            expected = learned;
        }
        compare(expected, presented, " taken on first use");
    }

    private static void compare(String expected, String presented, String which) throws CertificateException {
        if (!presented.equals(expected)) {
            throw new CertificateException("the server's certificate does not match the pin" + which
                    + ": expected sha256 " + expected + ", the server presented sha256 " + presented);
        }
    }

    /**
     * What is trusted: {@code system}, {@code trusting <file>}, {@code pinned sha256 ab:cd:…},
     * {@code first use, pinned sha256 ab:cd:…} (or {@code first use, nothing pinned yet}) or
     * {@code insecure}.
     */
    @Override
    public String toString() {
        return switch (kind) {
            case SYSTEM -> "system";
            case TRUSTING -> "trusting " + caFile;
            case PINNED -> "pinned sha256 " + fingerprint;
            case FIRST_USE -> {
                synchronized (this) {
                    yield learned == null ? "first use, nothing pinned yet" : "first use, pinned sha256 " + learned;
                }
            }
            case INSECURE -> "insecure";
        };
    }

    /**
     * Checks the leaf certificate by {@link #checkLeaf}. An extended trust manager, so the JDK does
     * not wrap it in its own host name check.
     */
    private final class LeafTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            checkLeaf(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client trust manager does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
