package io.github.solarwire.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A password, token or key that must never reach a log, an exception or a {@code toString()}.
 *
 * <p>{@link #toString()} prints {@code Secret[redacted]}. The value is only available through
 * {@link #reveal()}, {@link #chars()} and {@link #utf8()}, called where it is sent to the device.
 * {@link #destroy()} wipes the held copy. Equality compares values in constant time.
 *
 * <p>Instances are thread-safe.
 */
public final class Secret implements Destroyable {

    private final char[] value;
    private volatile boolean destroyed;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps a string.
     *
     * @param value the secret value
     * @return the secret
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value").toCharArray());
    }

    /**
     * Wraps a copy of a character array; the caller may wipe its own array afterwards.
     *
     * @param value the secret value
     * @return the secret
     */
    public static Secret of(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value").clone());
    }

    /**
     * The value as a string, for the one place that sends it.
     *
     * @return the value
     * @throws IllegalStateException after {@link #destroy()}
     */
    public String reveal() {
        return new String(chars());
    }

    /**
     * A copy of the value, which the caller should wipe after use.
     *
     * @return a fresh copy
     * @throws IllegalStateException after {@link #destroy()}
     */
    public char[] chars() {
        checkAlive();
        return value.clone();
    }

    /**
     * The value encoded as UTF-8, a fresh copy the caller should wipe after use.
     *
     * @return the bytes
     * @throws IllegalStateException after {@link #destroy()}
     */
    public byte[] utf8() {
        checkAlive();
        return new String(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the value is the empty string.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return value.length == 0;
    }

    /** Overwrites the held value; later reads throw {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(value, '\0');
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof Secret s && !destroyed && !s.destroyed && MessageDigest.isEqual(utf8(), s.utf8());
    }

    /** A constant, so that the hash reveals nothing about the value. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    /** Always {@code Secret[redacted]}. */
    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
    }
}
