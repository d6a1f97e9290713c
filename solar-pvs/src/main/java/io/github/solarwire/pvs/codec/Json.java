package io.github.solarwire.pvs.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, bounded JSON reader: objects become ordered maps, arrays lists and every scalar a
 * {@link Scalar} that keeps the exact text it had on the wire (numbers are not re-formatted).
 */
final class Json {

    /** Deepest nesting any PVS response has is 3; anything much deeper is not a PVS response. */
    private static final int MAX_DEPTH = 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(1024)
                    .build())
            .build();

    /** How a scalar was written. */
    enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /**
     * One JSON scalar.
     *
     * @param kind how it was written
     * @param text its text: the string's content, or the number or literal exactly as received
     */
    record Scalar(Kind kind, String text) {}

    private Json() {}

    /**
     * Reads one JSON value that must fill the input.
     *
     * @param input the bytes
     * @param maxBytes the largest input accepted
     * @param what what the input is, for messages
     * @return a map, list or {@link Scalar}
     * @throws ProtocolException when the input is too long or not JSON
     */
    static Object parse(byte[] input, int maxBytes, String what) throws ProtocolException {
        if (input == null || input.length == 0) {
            throw new ProtocolException(what + " is empty", 0, "a JSON document", "no bytes");
        }
        if (input.length > maxBytes) {
            throw new ProtocolException(
                    what + " is too long", maxBytes, "at most " + maxBytes + " bytes", input.length + " bytes");
        }
        try (JsonParser p = FACTORY.createParser(input)) {
            JsonToken first = p.nextToken();
            Object value = read(p, first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new ProtocolException(
                        what + " has data after the JSON value",
                        p.currentTokenLocation().getByteOffset(),
                        "end of input",
                        extra.asString());
            }
            return value;
        } catch (JsonParseException | StreamConstraintsException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new ProtocolException(what + " is not valid JSON", offset, "JSON", e.getOriginalMessage(), e);
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new ProtocolException(what + " is not valid JSON", -1, "JSON", e.getMessage(), e);
        }
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (map.put(name, read(p, p.nextToken())) != null) {
                        // a repeated key would make the value depend on which one a reader keeps
                        throw new JsonParseException(p, "duplicate key " + name);
                    }
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return new Scalar(Kind.STRING, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(Kind.NUMBER, p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(Kind.BOOLEAN, p.getText());
            }
            case VALUE_NULL -> {
                return new Scalar(Kind.NULL, "null");
            }
            default -> throw new JsonParseException(p, "unexpected token " + token);
        }
    }
}
