package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The supervisor's identity from {@code GET /cgi-bin/dl_cgi/supervisor/info} (open, no login) or
 * the legacy {@code Command=Start} response: {@code {"supervisor":{"SERIAL":…,"MODEL":…,…}}}.
 *
 * <p>The firmware build decides the data path: PVS6 builds from 61840 on serve the authenticated
 * varserver API, older ones the open {@code dl_cgi} commands.
 *
 * @param serial {@code SERIAL}, e.g. {@code ZT204485000549A0321}
 * @param model {@code MODEL}, or null
 * @param swVersion {@code SWVER}, e.g. {@code 2025.06, Build 61839}, or null
 * @param fwVersion {@code FWVER} (the {@code Start} response), or null
 * @param build the firmware build: {@code BUILD} (string or number, PVS6), else the last number in
 *     {@code SWVER} ({@code 2025.11, Build 5412} and {@code 0.0.25.5408} on a PVS5); null when
 *     neither has one
 */
public record SupervisorInfo(String serial, String model, String swVersion, String fwVersion, Integer build) {

    /** The longest response accepted. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The first PVS6 build with the varserver API (2025-06-24). */
    public static final int FIRST_VARSERVER_BUILD_PVS6 = 61840;

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d{1,9})\\D*$");

    /**
     * Checks the serial is present.
     *
     * @param serial see the record description
     * @param model see the record description
     * @param swVersion see the record description
     * @param fwVersion see the record description
     * @param build see the record description
     */
    public SupervisorInfo {
        Objects.requireNonNull(serial, "serial");
    }

    /**
     * Decodes a {@code supervisor/info} or {@code Command=Start} response.
     *
     * @param response the response body
     * @return the supervisor info
     * @throws ProtocolException when there is no {@code supervisor} object with a {@code SERIAL}, or
     *     the body is the PVS's error JSON
     */
    public static SupervisorInfo parse(byte[] response) throws ProtocolException {
        Map<String, Object> root = Values.object(Json.parse(response, MAX_BYTES, "supervisor info"), "supervisor info");
        PvsErrors.checkNotRefused(root, "supervisor info");
        Map<String, Object> sup = Values.object(root.get("supervisor"), "supervisor info supervisor");
        String serial = text(sup, "SERIAL");
        if (serial == null || serial.isBlank()) {
            throw new ProtocolException("supervisor info has no serial", -1, "a SERIAL", String.valueOf(serial));
        }
        String swVersion = text(sup, "SWVER");
        String buildText = text(sup, "BUILD");
        Integer build = buildText != null && !buildText.isBlank() ? buildNumber(buildText) : null;
        if (buildText != null && !buildText.isBlank() && build == null) {
            throw new ProtocolException("supervisor info has a bad build", -1, "a build number", buildText);
        }
        if (build == null && swVersion != null) {
            build = buildNumber(swVersion);
        }
        return new SupervisorInfo(serial.strip(), text(sup, "MODEL"), swVersion, text(sup, "FWVER"), build);
    }

    /**
     * Whether this firmware serves the varserver API: a PVS6 build from {@value
     * #FIRST_VARSERVER_BUILD_PVS6}, or a PVS5 with a build of its own (the varserver builds 5408+).
     *
     * @return true to use varserver, false for the legacy {@code dl_cgi} commands
     */
    public boolean hasVarserver() {
        if (build == null) {
            return false;
        }
        return isPvs5() ? build >= 5408 && build < 10000 : build >= FIRST_VARSERVER_BUILD_PVS6;
    }

    /**
     * The supervisor as a device: id from the serial (the same id its DeviceList entry and the
     * devices behind it use), kind {@code supervisor}.
     *
     * @return the device info
     */
    public DeviceInfo deviceInfo() {
        return PvsFields.device(PvsFields.id(serial), "supervisor", model, serial, swVersion, null);
    }

    /**
     * Whether this supervisor is a PVS5, which has no telemetry WebSocket.
     *
     * @return true for a PVS5 model
     */
    public boolean isPvs5() {
        return model != null && model.contains("PVS5");
    }

    /** The last run of digits in a version text, or null. */
    static Integer buildNumber(String text) {
        Matcher m = LAST_NUMBER.matcher(text.strip());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String text(Map<String, Object> map, String key) throws ProtocolException {
        Object v = map.get(key);
        return v == null ? null : Values.raw(v, "supervisor " + key);
    }
}
