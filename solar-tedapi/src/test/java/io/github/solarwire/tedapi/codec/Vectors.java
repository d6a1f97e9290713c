package io.github.solarwire.tedapi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared TEDAPI vectors ({@code shared/vectors/tedapi}), read where they are. Never copied;
 * only the two query sets are shipped, as main resources.
 */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {}

    static Path dir() {
        return TestVectors.directory("tedapi");
    }

    static Path path(String relative) {
        return dir().resolve(relative);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String din(String scenario) {
        return new String(bytes("generated/" + scenario + "/input/din.txt"), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
