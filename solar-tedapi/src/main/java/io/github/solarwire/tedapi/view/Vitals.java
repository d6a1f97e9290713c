package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The legacy {@code /vitals} view: one block per device, keyed {@code TYPE--part--serial} and
 * sorted by key, in the shape of the pre-23.44 protobuf vitals (see {@link LegacyViews#vitals}).
 * Block contents are dynamic (the gateway decides which signals exist), so they stay JSON objects.
 * Immutable: {@link #device} hands out copies.
 */
public final class Vitals {

    private final Map<String, ObjectNode> devices;

    Vitals(Map<String, ObjectNode> devices) {
        this.devices = Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    }

    /** @return the device keys, sorted */
    public Set<String> keys() {
        return devices.keySet();
    }

    /**
     * @param key a device key such as {@code TEPINV--1707000-11-J--TG1234567890AB}
     * @return a copy of that device's block, or null when absent
     */
    public JsonNode device(String key) {
        ObjectNode block = devices.get(key);
        return block == null ? null : block.deepCopy();
    }

    /** Uncopied blocks for the views built on top of the vitals, which only read them. */
    Map<String, ObjectNode> blocks() {
        return devices;
    }

    /** @return the whole view as one JSON object (a copy) */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        devices.forEach((k, v) -> n.set(k, v.deepCopy()));
        return n;
    }
}
