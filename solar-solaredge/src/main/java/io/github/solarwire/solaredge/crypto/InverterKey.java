package io.github.solarwire.solaredge.crypto;

import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 128-bit AES key K of one SolarEdge inverter, from which every session key is derived.
 *
 * <p>The inverter keeps K in its four parameters 0x0239, 0x023A, 0x023B and 0x023C (read with
 * PARAMS_GET_SINGLE 0x0012, answered by 0x0090 with a u32 value). K is those four u32 values,
 * each little-endian, one after the other, exactly as they appear on the wire. The peer's {@code
 * sekey} tool stores K as a key file of 32 lower-case hex characters without a newline.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key; only {@link #bytes()} and
 * {@link #toKeyFileText()} reveal it, for the one place that stores or uses it.
 */
public final class InverterKey {

    /** The key length in bytes. */
    public static final int LENGTH = 16;

    /** The first of the four key parameters; the others follow it. */
    public static final int FIRST_PARAMETER = 0x0239;

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key;

    private InverterKey(byte[] key) {
        this.key = key;
    }

    /**
     * A key from its 16 bytes.
     *
     * @param key the 16 key bytes; copied
     * @return the key
     * @throws IllegalArgumentException if the array is not 16 bytes long
     */
    public static InverterKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("an inverter key has 16 bytes, not " + key.length);
        }
        return new InverterKey(key.clone());
    }

    /**
     * A key from the values of the parameters 0x0239, 0x023A, 0x023B and 0x023C, as the 0x0090
     * replies carry them.
     *
     * @param p0239 the u32 value of parameter 0x0239
     * @param p023a the u32 value of parameter 0x023A
     * @param p023b the u32 value of parameter 0x023B
     * @param p023c the u32 value of parameter 0x023C
     * @return the key
     * @throws IllegalArgumentException if a value is outside 0..0xFFFFFFFF
     */
    public static InverterKey fromParameters(long p0239, long p023a, long p023b, long p023c) {
        long[] values = {p0239, p023a, p023b, p023c};
        byte[] key = new byte[LENGTH];
        for (int i = 0; i < values.length; i++) {
            long value = values[i];
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(
                        "parameter 0x" + Integer.toHexString(FIRST_PARAMETER + i) + " is not a u32");
            }
            for (int b = 0; b < 4; b++) {
                key[4 * i + b] = (byte) (value >>> (8 * b));
            }
        }
        return new InverterKey(key);
    }

    /**
     * A key from the text of a key file: 32 hex characters, upper or lower case; white space around
     * them is ignored.
     *
     * @param text the key file's text
     * @return the key
     * @throws ProtocolException if the text is not 32 hex characters; the message never shows them
     */
    public static InverterKey parse(CharSequence text) throws ProtocolException {
        String trimmed = Objects.requireNonNull(text, "text").toString().strip();
        if (trimmed.length() != 2 * LENGTH) {
            throw new ProtocolException(
                    "key file is not an inverter key", 0, "32 hex characters", trimmed.length() + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.digit(trimmed.charAt(i), 16) < 0) {
                throw new ProtocolException("key file is not an inverter key", i, "a hex digit", "another character");
            }
        }
        return new InverterKey(HEX.parseHex(trimmed));
    }

    /**
     * Reads a key file as the peer's {@code sekey} writes it.
     *
     * @param file the key file
     * @return the key
     * @throws IOException if the file cannot be read, or a {@link ProtocolException} if it holds
     *     no key
     */
    public static InverterKey read(Path file) throws IOException {
        if (Files.size(file) > 256) {
            throw new ProtocolException("key file is not an inverter key", 0, "32 hex characters", "a larger file");
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /**
     * Writes this key as a key file: 32 lower-case hex characters, no newline.
     *
     * @param file the file to write, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, toKeyFileText(), StandardCharsets.US_ASCII);
    }

    /**
     * The key file text: 32 lower-case hex characters, no newline. This reveals the key.
     *
     * @return the text
     */
    public String toKeyFileText() {
        return HEX.formatHex(key);
    }

    /**
     * The 16 key bytes. This reveals the key.
     *
     * @return a fresh copy, which the caller should wipe after use
     */
    public byte[] bytes() {
        return key.clone();
    }

    /**
     * The value of one of the four key parameters.
     *
     * @param parameter 0x0239, 0x023A, 0x023B or 0x023C
     * @return its u32 value
     * @throws IllegalArgumentException for any other parameter
     */
    public long parameter(int parameter) {
        int index = parameter - FIRST_PARAMETER;
        if (index < 0 || index > 3) {
            throw new IllegalArgumentException("not a key parameter: 0x" + Integer.toHexString(parameter));
        }
        long value = 0;
        for (int b = 3; b >= 0; b--) {
            value = (value << 8) | (key[4 * index + b] & 0xFF);
        }
        return value;
    }

    /** Compares in constant time. */
    @Override
    public boolean equals(Object other) {
        return other instanceof InverterKey that && MessageDigest.isEqual(key, that.key);
    }

    /** Derived from a digest of the key, so that it tells nothing about the key itself. */
    @Override
    public int hashCode() {
        try {
            return Arrays.hashCode(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "InverterKey[redacted]";
    }
}
