package io.github.solarwire.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One MQTT message to publish: topic, payload and retain flag.
 *
 * @param topic the topic, without wildcards
 * @param payload the payload bytes; not copied, so callers must not change them afterwards
 * @param retain whether the broker should keep it for later subscribers
 */
public record Publication(String topic, byte[] payload, boolean retain) {

    /**
     * Checks the topic.
     *
     * @param topic the topic, without wildcards
     * @param payload the payload bytes
     * @param retain whether the broker should keep it
     * @throws IllegalArgumentException when the topic is empty or holds a wildcard or NUL
     */
    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + topic + "' is not a topic to publish to");
        }
    }

    /**
     * A message with a UTF-8 text payload.
     *
     * @param topic the topic
     * @param text the payload text
     * @param retain whether the broker should keep it
     * @return the publication
     */
    public static Publication text(String topic, String text, boolean retain) {
        return new Publication(topic, text.getBytes(StandardCharsets.UTF_8), retain);
    }

    /**
     * Checks a topic prefix: not empty, no trailing slash, no wildcards.
     *
     * @param prefix the prefix
     * @param what what it is, for the message
     * @return the prefix
     * @throws IllegalArgumentException when it is not a prefix to publish under
     */
    static String checkPrefix(String prefix, String what) {
        if (prefix == null
                || prefix.isEmpty()
                || prefix.endsWith("/")
                || prefix.contains("+")
                || prefix.contains("#")) {
            throw new IllegalArgumentException("'" + prefix + "' is not a " + what);
        }
        return prefix;
    }

    /**
     * The payload decoded as UTF-8, for logs and tests.
     *
     * @return the text
     */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Publication p
                && topic.equals(p.topic)
                && retain == p.retain
                && java.util.Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Publication[" + topic + (retain ? " (retained)" : "") + ": " + payload.length + " bytes]";
    }
}
