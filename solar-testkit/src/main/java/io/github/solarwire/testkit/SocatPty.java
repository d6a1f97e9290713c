package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat}, standing in for a serial cable: what
 * is written to one end can be read from the other. A device simulator opens one end, the code under
 * test the other, as it would open {@code /dev/ttyUSB0}. The ends are symlinks in the given
 * directory, so their names are known before {@code socat} has printed anything.
 *
 * <pre>{@code
 * try (SocatPty pty = SocatPty.start(tempDir)) {
 *     simulator.open(pty.deviceEnd());
 *     client.open(pty.hostEnd());
 * }
 * }</pre>
 */
public final class SocatPty implements AutoCloseable {

    private final Process process;
    private final Path deviceEnd;
    private final Path hostEnd;
    private final Path log;

    private SocatPty(Process process, Path deviceEnd, Path hostEnd, Path log) {
        this.process = process;
        this.deviceEnd = deviceEnd;
        this.hostEnd = hostEnd;
        this.log = log;
    }

    /**
     * Starts {@code socat} with two raw, non-echoing pty ends and waits until both exist.
     *
     * @param dir where the two symlinks ({@code device}, {@code host}) and the log go
     * @return the running pair
     */
    public static SocatPty start(Path dir) {
        Path socat = ExternalTools.require("socat", "socat");
        try {
            Files.createDirectories(dir);
            Path device = dir.resolve("device");
            Path host = dir.resolve("host");
            Path log = dir.resolve("socat.log");
            Process p = new ProcessBuilder(
                            socat.toString(),
                            "-d",
                            "-d",
                            "pty,raw,echo=0,link=" + device,
                            "pty,raw,echo=0,link=" + host)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SocatPty pty = new SocatPty(p, device, host, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(device) && Files.exists(host))) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    pty.close();
                    fail("socat did not make the pty pair: " + Files.readString(log));
                }
                p.waitFor(10, TimeUnit.MILLISECONDS);
            }
            return pty;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting socat", e);
        }
    }

    /**
     * The end a device simulator opens.
     *
     * @return a symlink to a {@code /dev/pts/N}
     */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /**
     * The end the code under test opens, as it would a serial port.
     *
     * @return a symlink to a {@code /dev/pts/N}
     */
    public Path hostEnd() {
        return hostEnd;
    }

    /**
     * The real device path of the host end, for code that wants a {@code /dev/...} name.
     *
     * @return the resolved {@code /dev/pts/N}
     * @throws IOException when the link cannot be read
     */
    public Path hostDevice() throws IOException {
        return hostEnd.toRealPath();
    }

    /**
     * What {@code socat} logged, for failure messages.
     *
     * @return the log
     */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops {@code socat} (SIGTERM, then SIGKILL after 5 s), which removes both ends. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
