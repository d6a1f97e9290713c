package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes one text frame of the PVS6 telemetry WebSocket: {@code
 * {"notification":"power","params":{…}}}.
 *
 * <p>Pure and thread-safe. Frames longer than {@link #MAX_BYTES} are rejected before parsing.
 */
public final class TelemetryFrame {

    /** The longest frame accepted; a real power notification is about 300 bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private TelemetryFrame() {}

    /**
     * Decodes a frame.
     *
     * @param frame the UTF-8 bytes of one WebSocket text frame
     * @return a {@link PowerNotification}, or an {@link OtherNotification} for any other type
     * @throws ProtocolException when the frame is not a JSON object with a string {@code
     *     notification}, or a power notification's {@code params} are malformed
     */
    public static TelemetryMessage parse(byte[] frame) throws ProtocolException {
        PowerNotification plain = PowerFrameScanner.parse(frame);
        return plain != null ? plain : parseTree(frame);
    }

    /**
     * The general path of {@link #parse(byte[])}: the frame as a JSON tree, then its fields. It
     * decides every frame that {@link PowerFrameScanner} leaves to it, errors included.
     */
    static TelemetryMessage parseTree(byte[] frame) throws ProtocolException {
        Map<String, Object> root = Values.object(Json.parse(frame, MAX_BYTES, "telemetry frame"), "telemetry frame");
        Object type = root.get("notification");
        if (!(type instanceof Json.Scalar s) || s.kind() != Json.Kind.STRING) {
            throw new ProtocolException(
                    "telemetry frame has no notification type", -1, "a string notification", Values.kindOf(type));
        }
        if (!s.text().equals("power")) {
            return new OtherNotification(s.text());
        }
        Map<String, Object> params = Values.object(root.get("params"), "power notification params");
        return PowerNotification.fromFields(params, "power notification");
    }

    /**
     * Decodes a frame given as text.
     *
     * @param frame one WebSocket text frame
     * @return a {@link PowerNotification}, or an {@link OtherNotification} for any other type
     * @throws ProtocolException as {@link #parse(byte[])}
     */
    public static TelemetryMessage parse(String frame) throws ProtocolException {
        return parse(frame.getBytes(StandardCharsets.UTF_8));
    }
}
