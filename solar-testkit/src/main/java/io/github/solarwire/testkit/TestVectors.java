package io.github.solarwire.testkit;

import java.nio.file.Path;

/**
 * Where the shared test vectors are: {@code -Dsolar.vectors=<dir>} when set, else {@code
 * ../shared/vectors} beside the project root (a module's tests run in the module's directory). The
 * vectors are read where they are, never copied into the project.
 */
public final class TestVectors {

    private TestVectors() {}

    /**
     * The vector directory of one protocol.
     *
     * @param protocol the protocol's directory name, e.g. {@code pi30}
     * @return the directory, normalised
     */
    public static Path directory(String protocol) {
        String configured = System.getProperty("solar.vectors");
        Path base = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/vectors");
        return base.resolve(protocol).normalize();
    }
}
