package io.github.solarwire.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The devices in one of semonitor's JSON lines, flattened as the peer's conversion tools do: the
 * nesting is walked down to the first object with a {@code Date} key, and the keys on the way are
 * joined with dots ({@code inverters.7F104920}, {@code meters_0x0022.7F104920.9_PVProduction}). In
 * each key NUL characters are removed, spaces become {@code _} and the text {@code devices} is
 * removed; a key that ends up empty adds no level.
 */
final class SemonitorDevices {

    /**
     * One device's record.
     *
     * @param name the dotted name
     * @param attributes the record, in the line's order
     */
    record Device(String name, Map<String, Object> attributes) {

        /** The part of the name before the first dot: the device kind, e.g. {@code optimizers}. */
        String kind() {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }

        /** The part after the first dot: the device's identifier, or "" when there is none. */
        String id() {
            int dot = name.indexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1);
        }
    }

    private SemonitorDevices() {}

    /**
     * Flattens a parsed line.
     *
     * @param line what {@link PythonJson#parse} returned for the line
     * @return the devices, in the line's order
     * @throws IllegalArgumentException when the line is not an object of objects down to the records
     */
    static List<Device> of(Object line) {
        if (!(line instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<Device> devices = new ArrayList<>();
        walk(map, devices);
        return devices;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Map<?, ?> map, List<Device> devices) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> child)) {
                throw new IllegalArgumentException("'" + key + "' holds no object and no device record");
            }
            if (child.containsKey("Date")) {
                devices.add(new Device(nice(key), (Map<String, Object>) child));
                continue;
            }
            List<Device> below = new ArrayList<>();
            walk(child, below);
            for (Device d : below) {
                String inner = nice(d.name());
                String outer = nice(key);
                String name = inner.isEmpty() ? outer : outer.isEmpty() ? inner : outer + "." + inner;
                devices.add(new Device(name, d.attributes()));
            }
        }
    }

    private static String nice(String key) {
        return key.replace("\0", "").replace(' ', '_').replace("devices", "");
    }
}
