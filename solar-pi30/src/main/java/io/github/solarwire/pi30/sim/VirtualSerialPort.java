package io.github.solarwire.pi30.sim;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat} (Debian package {@code socat}): a
 * virtual serial cable, so that the simulator can sit on one end while a program opens the other
 * exactly as it would open {@code /dev/ttyUSB0}. The ends are symlinks in a directory of the
 * caller's.
 */
public final class VirtualSerialPort implements Closeable {

    private final Process process;
    private final Path deviceEnd;
    private final Path hostEnd;

    private VirtualSerialPort(Process process, Path deviceEnd, Path hostEnd) {
        this.process = process;
        this.deviceEnd = deviceEnd;
        this.hostEnd = hostEnd;
    }

    /**
     * Finds {@code socat} on the PATH or in the usual directories.
     *
     * @return its path, or empty when it is not installed
     */
    public static Optional<Path> socat() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/local/bin";
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "socat");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code socat} and waits (up to 10 s) until both ends exist.
     *
     * @param dir where the symlinks {@code device} and {@code host} are made
     * @return the running pair
     * @throws IOException when socat is missing or does not make the pair
     */
    public static VirtualSerialPort open(Path dir) throws IOException {
        Path socat = socat().orElseThrow(() -> new IOException("socat is not installed (apt-get install socat)"));
        Files.createDirectories(dir);
        Path device = dir.resolve("device");
        Path host = dir.resolve("host");
        Process p = new ProcessBuilder(socat.toString(), "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + host)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        VirtualSerialPort port = new VirtualSerialPort(p, device, host);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!(Files.exists(device) && Files.exists(host))) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    port.close();
                    throw new IOException("socat did not make a pty pair in " + dir);
                }
                p.waitFor(10, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            port.close();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while starting socat");
        }
        return port;
    }

    /**
     * The end the simulator serves.
     *
     * @return a symlink to a {@code /dev/pts/N}
     */
    public Path deviceEnd() {
        return deviceEnd;
    }

    /**
     * The end a program opens as its serial port.
     *
     * @return the resolved {@code /dev/pts/N}
     * @throws IOException when the link cannot be read
     */
    public Path hostDevice() throws IOException {
        return hostEnd.toRealPath();
    }

    /** Stops socat, which removes both ends. */
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
