package io.github.solarwire.pvs.codec;

import java.util.Objects;

/**
 * A well-formed telemetry message whose {@code notification} type is not {@code power}. Only
 * {@code power} is documented; a caller logs the type once and drops the message.
 *
 * @param type the {@code notification} field as received
 */
public record OtherNotification(String type) implements TelemetryMessage {

    /**
     * Checks the type is present.
     *
     * @param type see the record description
     */
    public OtherNotification {
        Objects.requireNonNull(type, "type");
    }
}
