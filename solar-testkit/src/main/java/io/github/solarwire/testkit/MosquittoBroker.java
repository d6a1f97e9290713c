package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Mosquitto broker on a free 127.0.0.1 port, for integration tests, in the spirit of OkHttp's MockWebServer:
 *
 * <pre>{@code
 * try (MosquittoBroker broker = MosquittoBroker.builder(tempDir).user("solar", "s3cret").build().start()) {
 *     client.serverHost(broker.host()).serverPort(broker.port()) ...
 * }
 * }</pre>
 *
 * <p>Everything (config, log, password file, database, certificates) lives in the given directory so a failing test can
 * show {@link #log()}. The process is only ever signalled by its own handle, never by name, since other tests and
 * developers on the same machine may run their own mosquitto.
 */
public final class MosquittoBroker implements AutoCloseable {

    /** Brokers still running when the JVM exits (a crashed or timed-out test) are killed by one shutdown hook. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "mosquitto-reaper"));
    }

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Path dir;
    private final Path executable;
    private final Builder settings;
    private final TestCertificates certificates;
    private int port;
    private Process process;

    private MosquittoBroker(Builder settings) {
        this.settings = settings;
        this.dir = settings.dir.toAbsolutePath();
        this.executable = ExternalTools.require("mosquitto", "mosquitto");
        if (dir.toString().matches(".*\\s.*")) {
            fail("mosquitto.conf cannot hold paths with spaces: " + dir);
        }
        try {
            Files.createDirectories(dir);
            if (settings.user != null) {
                String passwd =
                        ExternalTools.require("mosquitto_passwd", "mosquitto").toString();
                ExternalTools.run(dir, passwd, "-b", "-c", "passwd", settings.user, settings.password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.certificates = settings.tls ? TestCertificates.create(dir.resolve("tls")) : null;
    }

    /**
     * Starts describing a broker whose files go to {@code dir}, typically a JUnit {@code @TempDir}.
     *
     * @param dir the directory for the config, log, password file, database and certificates
     * @return a builder; nothing runs until {@link MosquittoBroker#start()}
     */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /**
     * Starts the broker on a free port and waits until it accepts connections; a port taken by someone else between
     * choosing and binding it is retried with another.
     *
     * @return this broker, running
     */
    public synchronized MosquittoBroker start() {
        if (port != 0) {
            throw new IllegalStateException("already started on port " + port + "; use restart()");
        }
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            writeConfig();
            String failure = launch();
            if (failure == null) {
                return this;
            }
            if (!failure.contains("Address already in use") || attempt == 5) {
                fail("mosquitto did not start on " + HOST + ":" + port + "\n" + failure);
            }
        }
    }

    /**
     * Stops the broker if it runs, then starts it again on the same port with the same config and database, so that
     * clients reconnect to the address they knew.
     *
     * @return this broker, running
     */
    public synchronized MosquittoBroker restart() {
        if (port == 0) {
            throw new IllegalStateException("never started");
        }
        stop();
        String failure = launch();
        if (failure != null) {
            fail("mosquitto did not restart on " + HOST + ":" + port + "\n" + failure);
        }
        return this;
    }

    /** Stops the broker gracefully (SIGTERM), which also saves its database, and waits for it to exit. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the broker with SIGKILL, like a power cut: only what the last autosave wrote survives. */
    public synchronized void kill() {
        end(true);
    }

    /**
     * Freezes the broker with SIGSTOP: its connections stay open and the kernel still accepts new ones, but nothing
     * is answered, like a broker stuck on a full disk, until {@link #resume()}.
     */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} broker run again (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("not running");
        }
        ExternalTools.run(dir, "kill", "-" + name, Long.toString(process.pid()));
    }

    /** Stops the broker if it still runs; calling it again does nothing. */
    @Override
    public synchronized void close() {
        end(false);
    }

    private void end(boolean forcibly) {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            // A paused broker would not act on SIGTERM until it runs again.
            new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor();
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException(e);
        } finally {
            LIVE.remove(p);
            process = null;
        }
    }

    /** Returns null once the broker listens, or why it did not, with the tail of its log. */
    private String launch() {
        Path log = dir.resolve("mosquitto.log");
        Path out = dir.resolve("mosquitto.out");
        long logStart = size(log);
        long outStart = size(out);
        try {
            process = new ProcessBuilder(
                            executable.toString(),
                            "-c",
                            dir.resolve("mosquitto.conf").toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LIVE.add(process);
        // "running" is logged after the listener is bound, so a port taken by another program is never mistaken
        // for ours; the TCP connect then proves the listener is reachable.
        boolean up = await(
                STARTUP, () -> !process.isAlive() || (readFrom(log, logStart).contains(" running") && accepts()));
        if (up && process.isAlive()) {
            return null;
        }
        end(true);
        String output = readFrom(out, outStart);
        return (up ? "it exited" : "it was not listening after " + STARTUP.toSeconds() + " s") + "; log:\n"
                + tail(readFrom(log, logStart)) + (output.isBlank() ? "" : "\noutput:\n" + tail(output));
    }

    private void writeConfig() {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by MosquittoBroker for one test; see " + dir.resolve("mosquitto.log"),
                "listener " + port + " " + HOST,
                // Run as root, mosquitto drops to the "mosquitto" user, which cannot write to this directory.
                "user " + System.getProperty("user.name"),
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_timestamp_format %Y-%m-%dT%H:%M:%S",
                "allow_anonymous " + (settings.user == null)));
        if (settings.user != null) {
            lines.add("password_file " + dir.resolve("passwd"));
        }
        if (settings.persistence) {
            lines.addAll(List.of("persistence true", "persistence_location " + dir + "/", "autosave_interval 1"));
        }
        if (certificates != null) {
            lines.add("cafile " + certificates.caFile());
            lines.add("certfile " + certificates.certFile());
            lines.add("keyfile " + certificates.keyFile());
        }
        lines.addAll(settings.extraConfig);
        try {
            Files.write(dir.resolve("mosquitto.conf"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the database file holds {@code bytes} (payloads are stored verbatim), i.e. an autosave has taken
     * a message in, so a following {@link #kill()} cannot lose it.
     *
     * @param bytes the bytes to look for, e.g. a unique payload
     */
    public void awaitPersisted(byte[] bytes) {
        if (!settings.persistence) {
            throw new IllegalStateException("built without persistence(true)");
        }
        String needle = new String(bytes, StandardCharsets.ISO_8859_1);
        Path db = dir.resolve("mosquitto.db");
        if (!await(STARTUP, () -> readFrom(db, 0).contains(needle))) {
            fail("mosquitto did not save the message to " + db + " within " + STARTUP.toSeconds() + " s; log:\n"
                    + tail(log()));
        }
    }

    /** @return the address the broker listens on, always {@code 127.0.0.1} */
    public String host() {
        return HOST;
    }

    /** @return the broker's port, the same across {@link #restart()} */
    public synchronized int port() {
        return port;
    }

    /** @return whether the broker process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the PID of the running broker process */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("not running");
        }
        return process.pid();
    }

    /** @return everything the broker has logged so far, across restarts, for failure messages */
    public String log() {
        return readFrom(dir.resolve("mosquitto.log"), 0);
    }

    /** @return the PEM file of the CA that signed the server certificate, for clients to trust */
    public Path caFile() {
        return tls().caFile();
    }

    /** @return the PEM file of the broker's server certificate */
    public Path serverCertificate() {
        return tls().certFile();
    }

    /** @return SHA-256 of the server certificate's DER encoding, lower-case hex without separators, for pinning */
    public String serverCertificateFingerprint() {
        return TestCertificates.sha256Fingerprint(tls().certFile());
    }

    /** @return a trust manager factory that trusts only {@link #caFile()}, for a client's TLS config */
    public TrustManagerFactory trustManagerFactory() {
        try (InputStream in = Files.newInputStream(caFile())) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("solarwire-test-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestCertificates tls() {
        if (certificates == null) {
            throw new IllegalStateException("built without tls(true)");
        }
        return certificates;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls a condition every 10 ms: a condition wait with a deadline, not a guess at how long things take. */
    private static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFrom(Path file, long offset) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    /** What to start: anonymous plain MQTT without persistence unless told otherwise. */
    public static final class Builder {
        private final Path dir;
        private boolean persistence;
        private boolean tls;
        private String user;
        private String password;
        private final List<String> extraConfig = new ArrayList<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        /**
         * Saves the database to the directory every second and on stop, and loads it on start.
         *
         * @param on whether to persist
         * @return this builder
         */
        public Builder persistence(boolean on) {
            this.persistence = on;
            return this;
        }

        /**
         * Requires this user and password and refuses anonymous clients.
         *
         * @param user the user name
         * @param password the password
         * @return this builder
         */
        public Builder user(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Serves MQTT over TLS only, with a server certificate for 127.0.0.1 signed by a CA made for this broker.
         *
         * @param on whether to use TLS
         * @return this builder
         */
        public Builder tls(boolean on) {
            this.tls = on;
            return this;
        }

        /**
         * Appends a line to mosquitto.conf, e.g. {@code max_queued_messages 10}.
         *
         * @param line a mosquitto.conf line
         * @return this builder
         */
        public Builder config(String line) {
            extraConfig.add(line);
            return this;
        }

        /**
         * Writes the password file and certificates; the broker starts with {@link MosquittoBroker#start()}.
         *
         * @return the broker, not yet running
         */
        public MosquittoBroker build() {
            return new MosquittoBroker(this);
        }
    }
}
