package io.github.solarwire.tedapi.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Tesla-signed queries a client can replay, by set and name.
 *
 * <p>{@link #shipped()} holds the two sets captured by the pypowerwall project (MIT, Copyright (c)
 * Jason Cox), shipped byte-exact as resources of this package. {@link QuerySetVersion#V2024_06} is
 * the default. When a set stops working (Tesla rotated its keys: the 2026 set then answers GraphQL
 * errors, the 2024 set empty data) a client falls back to the other one: {@link #fallbackOrder}.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuerySets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<QuerySetVersion, Map<String, SignedQuery>> sets;

    private QuerySets(Map<QuerySetVersion, Map<String, SignedQuery>> sets) {
        this.sets = sets;
    }

    /**
     * The two sets shipped in this jar, loaded once.
     *
     * @return the shipped sets
     * @throws UncheckedIOException when a resource is missing or damaged (a broken build)
     */
    public static QuerySets shipped() {
        return Shipped.SETS;
    }

    /**
     * Query sets from their JSON files (the pypowerwall layout), e.g. a newer capture than the
     * shipped one.
     *
     * @param v2024 the {@code V2024_06.json} bytes
     * @param v2026 the {@code V2026_06.json} bytes
     * @return the sets
     * @throws ProtocolException when a file is not a query set
     */
    public static QuerySets of(byte[] v2024, byte[] v2026) throws ProtocolException {
        Map<QuerySetVersion, Map<String, SignedQuery>> sets = new EnumMap<>(QuerySetVersion.class);
        sets.put(QuerySetVersion.V2024_06, parse(v2024));
        sets.put(QuerySetVersion.V2026_06, parse(v2026));
        for (QuerySetVersion v : QuerySetVersion.values()) {
            for (QueryRole role : QueryRole.values()) {
                if (!sets.get(v).containsKey(role.queryName(v))) {
                    throw new ProtocolException("query set lacks a query", -1, role.queryName(v), v.name());
                }
            }
        }
        return new QuerySets(Collections.unmodifiableMap(sets));
    }

    /**
     * Parses one query-set file: an object of {@code name: {text, code (hex signature), b_value
     * (variables), version, signed_bytes (hex)}}.
     *
     * @param json the file's bytes, UTF-8
     * @return the queries by name, in file order
     * @throws ProtocolException when the JSON or a field is malformed
     */
    public static Map<String, SignedQuery> parse(byte[] json) throws ProtocolException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ProtocolException("query set is not JSON", e.getLocation().getCharOffset(), null, null, e);
        } catch (IOException e) {
            throw new ProtocolException("query set is not JSON", -1, null, null, e);
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException("query set is not a JSON object", 0, "{", null);
        }
        Map<String, SignedQuery> queries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            queries.put(e.getKey(), query(e.getKey(), e.getValue()));
        }
        return Collections.unmodifiableMap(queries);
    }

    private static SignedQuery query(String name, JsonNode q) throws ProtocolException {
        String text = text(name, q, "text");
        String code = text(name, q, "code");
        JsonNode vars = q.path("b_value");
        String variables = vars.isTextual() ? vars.asText() : "{}";
        JsonNode version = q.path("version");
        JsonNode signed = q.path("signed_bytes");
        try {
            return new SignedQuery(
                    name,
                    text,
                    HexFormat.of().parseHex(code),
                    variables,
                    version.isInt() ? version.asInt() : 0,
                    signed.isTextual() ? HexFormat.of().parseHex(signed.asText()) : new byte[0]);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("bad query " + name, -1, "hex code and signed_bytes", e.getMessage(), e);
        }
    }

    private static String text(String name, JsonNode q, String field) throws ProtocolException {
        JsonNode node = q.path(field);
        if (!node.isTextual()) {
            throw new ProtocolException(
                    "query " + name + " lacks a field",
                    -1,
                    field,
                    node.getNodeType().name());
        }
        return node.asText();
    }

    /**
     * The query a set uses for a role.
     *
     * @param version the set
     * @param role what to ask
     * @return the signed query
     */
    public SignedQuery get(QuerySetVersion version, QueryRole role) {
        return sets.get(version).get(role.queryName(version));
    }

    /**
     * A query of a set by name, e.g. {@code GridCodesQuery} of the 2026 set.
     *
     * @param version the set
     * @param name the role or operation name
     * @return the query, if the set has it
     */
    public Optional<SignedQuery> byName(QuerySetVersion version, String name) {
        return Optional.ofNullable(sets.get(version).get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Every query of a set.
     *
     * @param version the set
     * @return the queries by name, in file order
     */
    public Map<String, SignedQuery> all(QuerySetVersion version) {
        return sets.get(version);
    }

    /**
     * The queries to try for a role, in order: the preferred set's, then the other set's.
     *
     * @param role what to ask
     * @param preferred the set to try first ({@link QuerySetVersion#V2024_06} by default)
     * @return two queries
     */
    public List<SignedQuery> fallbackOrder(QueryRole role, QuerySetVersion preferred) {
        return List.of(get(preferred, role), get(preferred.other(), role));
    }

    /** Loaded on first use, so a client that brings its own sets never parses these. */
    private static final class Shipped {
        static final QuerySets SETS = load();

        private static QuerySets load() {
            try {
                return of(resource("V2024_06.json"), resource("V2026_06.json"));
            } catch (ProtocolException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static byte[] resource(String name) {
            try (InputStream in = QuerySets.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("missing resource " + name));
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
