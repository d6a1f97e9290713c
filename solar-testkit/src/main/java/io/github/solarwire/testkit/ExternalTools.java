package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the programs that integration tests start for real (mosquitto, openssl), so that a developer without them
 * gets a skipped test with the install command, while CI, which must run everything, gets a failure instead.
 */
public final class ExternalTools {

    /**
     * Debian puts daemons such as {@code mosquitto} in {@code /usr/sbin}, which is not on a normal user's PATH, so
     * these are searched after PATH rather than reporting an installed broker as missing.
     */
    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private ExternalTools() {}

    /**
     * Returns the program's path, or ends the test: a failure under {@code CI=true}, a skip otherwise.
     *
     * @param command the program, e.g. {@code mosquitto}
     * @param debianPackage the Debian package that installs it, named in the message
     * @return the absolute path of the program
     */
    public static Path require(String command, String debianPackage) {
        return require(command, debianPackage, System.getenv());
    }

    /** Same as {@link #require(String, String)} with the environment passed in, so the decision can be tested. */
    static Path require(String command, String debianPackage, Map<String, String> env) {
        Optional<Path> found = find(command, env.getOrDefault("PATH", ""));
        if (found.isPresent()) {
            return found.get();
        }
        String message = "'" + command + "' is not installed; install: apt-get install " + debianPackage;
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            fail(message + " (CI=true, where a missing tool fails the test instead of skipping it)");
        }
        assumeTrue(false, message);
        throw new AssertionError("unreachable: assumeTrue(false) throws");
    }

    /** Looks for an executable file named {@code command} on {@code path}, then in the sbin directories. */
    static Optional<Path> find(String command, String path) {
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(SBIN);
        return dirs.stream()
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, command))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .map(Path::toAbsolutePath)
                .findFirst();
    }

    /**
     * Runs a short-lived tool (openssl, mosquitto_passwd) in {@code dir} and fails with its output if it does not
     * exit 0 within 30 s, so a broken set-up shows the tool's own error rather than a later, vaguer one.
     */
    static void run(Path dir, String... command) {
        try {
            Path out = Files.createTempFile(dir, "tool-", ".out");
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish within 30 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
