package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The shared TEDAPI vectors ({@code shared/vectors/tedapi/generated/pw2|pw3}), read where they
 * are, never copied: the gateway inputs as a {@link GatewaySnapshot}, and pypowerwall's outputs.
 */
final class TedapiVectors {

    static final String PW2 = "pw2";
    static final String PW3 = "pw3";
    static final String PW3_LEADER = "1707000-11-J--TG1234567890AB";
    static final String PW3_FOLLOWER = "1707000-11-J--TG1234567890CD";
    /** The firmware text the fake gateway served in both scenarios. */
    static final FirmwareInfo FIRMWARE = new FirmwareInfo("24.4.0 0fe780c9", "0fe780c9");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TedapiVectors() {}

    static Path generated(String scenario) {
        return TestVectors.directory("tedapi").resolve("generated").resolve(scenario);
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] input(String scenario, String file) {
        return bytes(generated(scenario).resolve("input").resolve(file));
    }

    static String din(String scenario) {
        return new String(input(scenario, "din.txt"), StandardCharsets.UTF_8);
    }

    /** Everything the scenario's fake gateway served, as one snapshot. */
    static GatewaySnapshot snapshot(String scenario) {
        try {
            GatewaySnapshot.Builder b = GatewaySnapshot.builder(din(scenario))
                    .config(input(scenario, "config.json"))
                    .status(input(scenario, "status.json"))
                    .controller(input(scenario, "controller.json"))
                    .firmware(FIRMWARE)
                    .takenAt(Instant.parse("2026-11-22T12:00:00Z"));
            if (PW3.equals(scenario)) {
                b.components(PW3_LEADER, input(scenario, "components_leader.json"))
                        .components(PW3_FOLLOWER, input(scenario, "components_follower.json"));
            }
            return b.build();
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    /** A proxy output body, e.g. {@code aggregates} for {@code proxy_outputs/aggregates.body}. */
    static byte[] proxyBody(String scenario, String name) {
        return bytes(generated(scenario).resolve("proxy_outputs").resolve(name + ".body"));
    }

    static JsonNode proxyJson(String scenario, String name) {
        return parse(proxyBody(scenario, name));
    }

    static JsonNode library(String scenario, String name) {
        return parse(bytes(generated(scenario).resolve("library_outputs").resolve(name + ".json")));
    }

    static JsonNode csvCases() {
        return parse(bytes(TestVectors.directory("tedapi").resolve("repo/pypowerwall/proxy_csv_cases.json")));
    }

    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
