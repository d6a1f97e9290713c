package io.github.solarwire.pi30.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a decoded reply in solarwire's own shape: the command, the protocol variant and the
 * reply record with its component names ({@code batteryVoltage}), nested records as objects and
 * enumerations by name. Values are in the canonical units the records document: V, A, W, VA, Hz,
 * °C, %, Wh; times in the unit their name says ({@code timeMinutes}, {@code secondsToFloatEnd}).
 *
 * <pre>{@code
 * {"command": "QMOD", "protocol": "PI30", "response": {"letter": "B", "mode": "BATTERY"}}
 * }</pre>
 */
public final class Pi30SolarwireFormat {

    private Pi30SolarwireFormat() {}

    /**
     * The reply as one JSON object.
     *
     * @param command the command that was sent
     * @param response what {@link Pi30Command#decode} returned for it
     * @return the JSON text, one line
     */
    public static String toJson(Pi30Command<?> command, Object response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command.request().command());
        json.put("protocol", command.protocol());
        json.put("response", response);
        return JsonText.write(json);
    }
}
