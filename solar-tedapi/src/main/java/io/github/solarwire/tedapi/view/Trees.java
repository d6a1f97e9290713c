package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reads from the gateway's JSON trees: a missing key, a JSON null or a value of the wrong
 * type all read as Java null, so the views never throw on partial data.
 */
final class Trees {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // The gateway's documents are mostly numbers: the fast parser and writer halve their cost.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private Trees() {}

    /** Parses one JSON object; anything else (bad JSON, an array, a number) is a ProtocolException. */
    static ObjectNode parseObject(byte[] json, String what) throws ProtocolException {
        if (json == null) {
            throw new ProtocolException(what + " is missing");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(
                    what + " is not JSON",
                    e.getLocation() == null ? -1 : e.getLocation().getCharOffset(),
                    "JSON",
                    e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ProtocolException(what + " is not JSON", -1, "JSON", e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException(
                    what + " is not a JSON object",
                    0,
                    "{",
                    node == null ? "" : node.getNodeType().name());
        }
        return (ObjectNode) node;
    }

    /** Parses JSON this package wrote itself, so it is known to be valid. */
    static JsonNode parseTrusted(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("our own JSON always parses", e);
        }
    }

    /** The node at {@code path}, or null when any step is missing, null or not an object. */
    static JsonNode at(JsonNode root, String... path) {
        JsonNode node = root;
        for (String key : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(key);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** A number as a double, or null when absent or not a number. */
    static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    /** {@link #number} of the node at a path. */
    static Double number(JsonNode root, String... path) {
        return number(at(root, path));
    }

    /** A string, or null when absent or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** {@link #text} of the node at a path. */
    static String text(JsonNode root, String... path) {
        return text(at(root, path));
    }

    /** The elements of an array, or an empty list when absent or not an array. */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(list::add);
        }
        return list;
    }

    /** {@link #elements} of the node at a path. */
    static List<JsonNode> elements(JsonNode root, String... path) {
        return elements(at(root, path));
    }

    /** The node itself when it is an object, else null. */
    static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    /** Python truthiness of a JSON value: null, false, 0, "" and empty containers are false. */
    static boolean truthy(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        return node.size() > 0;
    }

    /** The text values of an array (non-strings skipped). */
    static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        for (JsonNode e : elements(array)) {
            if (e.isTextual()) {
                list.add(e.textValue());
            }
        }
        return list;
    }

    /** A copy of a node for output, or JSON null. */
    static JsonNode copyOrNull(JsonNode node) {
        return node == null ? NODES.nullNode() : node.deepCopy();
    }

    /** A number node, or JSON null. */
    static JsonNode numberOrNull(Double value) {
        return value == null ? NODES.nullNode() : NODES.numberNode(value);
    }

    /** A string node, or JSON null. */
    static JsonNode textOrNull(String value) {
        return value == null ? NODES.nullNode() : NODES.textNode(value);
    }

    /** Serializes a tree (an output view) to compact UTF-8 JSON. */
    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
