package io.github.solarwire.kostal.codec;

import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared Kostal vectors ({@code shared/vectors/kostal}), read where they are: {@code
 * -Dsolar.vectors} (set by the build) or {@code ../shared/vectors} beside the project root. Never
 * copied.
 */
final class Vectors {

    static final String PIKO36 = "piko_html/index.piko3.6.en.2strings-1phase.kostalpyko-index2-1.html";
    static final String PIKO55_DE = "piko_html/index.piko5.5.de.3strings-3phases.kostalpyko-index55-1.html";
    static final String PIKO55_NL = "piko_html/index.piko5.5.nl.3strings-3phases.clipboard.kostalpyko-index55-2.html";
    static final String LOGDATEN = "logdaten/LogDaten.piko10.1.excerpt.kostal2mqtt-sandbox.txt";
    static final String MP15 = "piko_mp_plus/all.PIKO_1.5-1_MP_plus.excerpt.xml";
    static final String MP30 = "piko_mp_plus/all.PIKO_3.0-2_MP_plus.excerpt.xml";

    private Vectors() {}

    static Path directory() {
        return TestVectors.directory("kostal");
    }

    static byte[] bytes(String file) {
        Path path = directory().resolve(file);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (set -Dsolar.vectors=<dir>)", e);
        }
    }
}
