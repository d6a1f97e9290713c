package io.github.solarwire.pi30.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The shared PI30 vectors ({@code shared/vectors/pi30}), read where they are: {@code -Dsolar.vectors}
 * (set by the build) or {@code ../shared/vectors} beside the project root. Never copied.
 */
final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {}

    /** One row of responses.jsonl. */
    record Response(int row, JsonNode json) {
        String protocol() {
            return json.get("protocol").asText();
        }

        String command() {
            return json.get("command").asText();
        }

        byte[] bytes() {
            return HEX.parseHex(json.get("response_hex").asText());
        }

        boolean frameCheckOk() {
            return json.get("frame_check_ok").asBoolean();
        }

        JsonNode expected() {
            return json.get("expected");
        }

        JsonNode crc() {
            return json.get("crc");
        }

        /** The variant this library decodes the row's protocol with. */
        Pi30Protocol variant() {
            return variant(protocol());
        }

        /** Whether the row's protocol is one this library implements as such. */
        boolean supportedProtocol() {
            return protocol().equals("pi30") || protocol().equals("pi30max");
        }

        static Pi30Protocol variant(String protocol) {
            return switch (protocol) {
                case "pi30", "pi41", "pi30revo" -> Pi30Protocol.PI30;
                default -> Pi30Protocol.PI30MAX;
            };
        }

        @Override
        public String toString() {
            return "responses.jsonl row " + row + " (" + protocol() + " " + command() + ")";
        }
    }

    /** One row of requests.jsonl. */
    record Request(int row, JsonNode json) {
        String command() {
            return json.get("command").asText();
        }

        byte[] frame() {
            return HEX.parseHex(json.get("frame_hex").asText());
        }

        String text(String field) {
            return json.has(field) ? json.get(field).asText() : null;
        }

        boolean revo() {
            return "pi30revo".equals(text("protocol"));
        }

        List<byte[]> hidWrites() {
            List<byte[]> writes = new ArrayList<>();
            json.get("hidraw_writes_hex").forEach(w -> writes.add(HEX.parseHex(w.asText())));
            return writes;
        }

        @Override
        public String toString() {
            return "requests.jsonl row " + row + " (" + command() + ")";
        }
    }

    static Path directory() {
        return TestVectors.directory("pi30");
    }

    static List<Response> responses() {
        List<Response> rows = new ArrayList<>();
        List<JsonNode> lines = read("responses.jsonl");
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Response(i, lines.get(i)));
        }
        return rows;
    }

    static List<Request> requests() {
        List<Request> rows = new ArrayList<>();
        List<JsonNode> lines = read("requests.jsonl");
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Request(i, lines.get(i)));
        }
        return rows;
    }

    /** The first responses.jsonl row of a protocol and command. */
    static Response first(String protocol, String command) {
        return responses().stream()
                .filter(r -> r.protocol().equals(protocol) && r.command().equals(command))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + protocol + " " + command + " row"));
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static List<JsonNode> read(String file) {
        Path path = directory().resolve(file);
        try {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank()) {
                    rows.add(JSON.readTree(line));
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException(path + " has no rows");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (set -Dsolar.vectors=<dir>)", e);
        }
    }
}
