package io.github.solarwire.tedapi.codec;

import io.github.solarwire.tedapi.proto.SignedGraphQLQuery;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One Tesla-signed GraphQL query, replayed byte for byte: nobody outside Tesla can sign a new one.
 *
 * <p>{@link QuerySets} loads the shipped ones. The array accessors return copies; {@link
 * #equals(Object)} compares array contents. Immutable and thread-safe.
 *
 * @param name the role ({@code device_controller_basic}, …) or operation ({@code PW3Query}, …)
 * @param text the query text, exact to the byte (leading spaces and comments included)
 * @param signature the DER ECDSA P-521 signature over the signed query
 * @param variablesJson the variables, sent unsigned next to the query ({@code "{}"} when none)
 * @param version the captured version: 0 for the 2024 captures (sent as 1), 2 for the 2026 ones
 * @param signedBytes the captured serialized signed query, or empty for the 2024 captures
 */
public record SignedQuery(
        String name, String text, byte[] signature, String variablesJson, int version, byte[] signedBytes) {

    /**
     * Checks and copies the values.
     *
     * @param name the role or operation name
     * @param text the query text
     * @param signature the signature, not empty
     * @param variablesJson the variables JSON
     * @param version the captured version, 0 or more
     * @param signedBytes the captured signed query, possibly empty
     */
    public SignedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(variablesJson, "variablesJson");
        signature = Objects.requireNonNull(signature, "signature").clone();
        signedBytes = Objects.requireNonNull(signedBytes, "signedBytes").clone();
        if (signature.length == 0) {
            throw new IllegalArgumentException("empty signature for " + name);
        }
        if (version < 0) {
            throw new IllegalArgumentException("negative version for " + name);
        }
    }

    /**
     * The signature.
     *
     * @return a copy of the DER bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The captured signed query.
     *
     * @return a copy, empty for the 2024 captures
     */
    @Override
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    /**
     * The bytes that travel as the request's query field and that the signature covers: the
     * captured signed bytes when present, otherwise {@code SignedGraphQLQuery{version 1, text}} as
     * the 2024 captures are sent.
     *
     * @return a new array
     */
    public byte[] queryBytes() {
        if (signedBytes.length > 0) {
            return signedBytes.clone();
        }
        return SignedGraphQLQuery.newBuilder()
                .setVersion(Math.max(1, version))
                .setQuery(text)
                .build()
                .toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedQuery q
                && name.equals(q.name)
                && text.equals(q.text)
                && Arrays.equals(signature, q.signature)
                && variablesJson.equals(q.variablesJson)
                && version == q.version
                && Arrays.equals(signedBytes, q.signedBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name, text, Arrays.hashCode(signature), variablesJson, version, Arrays.hashCode(signedBytes));
    }

    @Override
    public String toString() {
        String sig = HexFormat.of().formatHex(signature, 0, Math.min(8, signature.length));
        return "SignedQuery[" + name + ", v" + version + ", " + text.length() + " chars, sig " + sig + "…]";
    }
}
