package io.github.solarwire.pvs.codec;

/**
 * One message from the PVS6 telemetry WebSocket ({@code ws://<pvs>:9002/}), as decoded by {@link
 * TelemetryFrame#parse(byte[])}: a {@link PowerNotification} or an {@link OtherNotification}
 * whose type nobody has documented yet.
 */
public sealed interface TelemetryMessage permits PowerNotification, OtherNotification {

    /**
     * The {@code notification} field, e.g. {@code power}.
     *
     * @return the notification type
     */
    String type();
}
