package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A varserver {@code /vars} response in either layout: the default {@code
 * {"values":[{"name":…,"value":…}],"count":n}} or {@code fmt=obj}'s {@code {"<name>":<value>,…}}.
 *
 * <p>Scalar variables are kept as text (a string's content or a number exactly as written, so
 * {@code "0.015622"} and {@code 0.015622} read alike); object-valued variables (the {@code
 * /sys/devices/<id>/<type>/data} blobs) are kept as maps of field to text.
 *
 * @param values scalar variables by name, in arrival order; JSON null is left out
 * @param objects object-valued variables by name, in arrival order
 */
public record VarserverVars(Map<String, String> values, Map<String, Map<String, String>> objects) {

    /** The longest response accepted. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final String LIVEDATA = "/sys/livedata/";
    private static final Pattern FLAT_DEVICE = Pattern.compile("/sys/devices/([A-Za-z_]+)/(\\d{1,9})/([A-Za-z0-9_]+)");
    private static final Pattern DATA_DEVICE = Pattern.compile("/sys/devices/(\\d{1,9})/([A-Za-z_]+)/data");

    /**
     * Makes the maps immutable.
     *
     * @param values see the record description
     * @param objects see the record description
     */
    public VarserverVars {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(objects, "objects")
                .forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        objects = Collections.unmodifiableMap(copy);
    }

    /**
     * Decodes a {@code /vars} response body.
     *
     * @param response the body
     * @return the variables
     * @throws ProtocolException when the body is not one of the two layouts, {@code count}
     *     disagrees with the list, or a variable is nested deeper than a data object
     */
    public static VarserverVars parse(byte[] response) throws ProtocolException {
        Map<String, Object> root =
                Values.object(Json.parse(response, MAX_BYTES, "varserver response"), "varserver response");
        PvsErrors.checkNotRefused(root, "varserver");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Map<String, String>> objects = new LinkedHashMap<>();
        Object list = root.get("values");
        if (list instanceof List<?> && !root.containsKey("/sys/values")) {
            List<Object> items = Values.array(list, "varserver values");
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = Values.object(items.get(i), "varserver value " + i);
                Object name = item.get("name");
                String n = name == null ? null : Values.raw(name, "varserver value " + i + " name");
                if (n == null || n.isEmpty()) {
                    throw new ProtocolException(
                            "varserver value " + i + " has no name", -1, "a name", Values.kindOf(name));
                }
                put(n, item.get("value"), values, objects);
            }
            Object count = root.get("count");
            if (count != null) {
                Double c = Values.number(Values.raw(count, "varserver count"), "varserver count");
                if (c == null || c != items.size()) {
                    throw new ProtocolException(
                            "varserver count disagrees with the values",
                            -1,
                            Integer.toString(items.size()),
                            String.valueOf(c));
                }
            }
        } else {
            for (Map.Entry<String, Object> e : root.entrySet()) {
                put(e.getKey(), e.getValue(), values, objects);
            }
        }
        return new VarserverVars(values, objects);
    }

    private static void put(
            String name, Object value, Map<String, String> values, Map<String, Map<String, String>> objects)
            throws ProtocolException {
        if (value instanceof Map<?, ?>) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Object> f : Values.object(value, name).entrySet()) {
                String text = Values.raw(f.getValue(), name + " field " + f.getKey());
                if (text != null) {
                    fields.put(f.getKey(), text);
                }
            }
            objects.put(name, fields);
        } else if (value != null) {
            String text = Values.raw(value, name);
            if (text != null) {
                values.put(name, text);
            }
        }
    }

    /**
     * One scalar variable.
     *
     * @param name the full name, e.g. {@code /sys/info/sw_rev}
     * @return its text, if present
     */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The {@code /sys/livedata/*} variables as a power notification (the same twelve fields the
     * telemetry WebSocket sends), with the same conversions and raw values.
     *
     * @return the live data, or empty when the response has none
     * @throws ProtocolException when a live-data value is not a number
     */
    public Optional<PowerNotification> liveData() throws ProtocolException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(LIVEDATA)) {
                fields.put(e.getKey().substring(LIVEDATA.length()), new Json.Scalar(Json.Kind.STRING, e.getValue()));
            }
        }
        return fields.isEmpty()
                ? Optional.empty()
                : Optional.of(PowerNotification.fromFields(fields, "varserver livedata"));
    }

    /**
     * The devices in this response, from both layouts: flat {@code
     * /sys/devices/<type>/<index>/<field>} variables grouped by type and index, and {@code
     * /sys/devices/<index>/<type>/data} objects.
     *
     * @return the devices, in order of first appearance
     */
    public List<VarserverDevice> devices() {
        Map<String, String[]> keys = new LinkedHashMap<>();
        Map<String, Map<String, String>> grouped = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Matcher m = FLAT_DEVICE.matcher(e.getKey());
            if (m.matches()) {
                String key = m.group(1) + "/" + m.group(2);
                keys.putIfAbsent(key, new String[] {m.group(1), m.group(2)});
                grouped.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(m.group(3), e.getValue());
            }
        }
        for (Map.Entry<String, Map<String, String>> e : objects.entrySet()) {
            Matcher m = DATA_DEVICE.matcher(e.getKey());
            if (m.matches()) {
                String key = m.group(2) + "/" + m.group(1);
                keys.putIfAbsent(key, new String[] {m.group(2), m.group(1)});
                grouped.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(e.getValue());
            }
        }
        List<VarserverDevice> devices = new ArrayList<>(keys.size());
        keys.forEach((key, ti) -> devices.add(new VarserverDevice(ti[0], ti[1], grouped.get(key))));
        return List.copyOf(devices);
    }

    /**
     * The {@code /sys/info/*} variables.
     *
     * @return the system info; components the response lacks are null
     * @throws ProtocolException when a numeric variable is not a number
     */
    public SystemInfo systemInfo() throws ProtocolException {
        return SystemInfo.from(values);
    }
}
