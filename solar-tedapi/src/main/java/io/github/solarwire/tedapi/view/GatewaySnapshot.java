package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.solarwire.core.ProtocolException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one poll of a Powerwall gateway returned, the input to {@link LegacyViews}: the gateway
 * DIN, {@code config.json}, the device-controller status (basic and, when fetched, full), the PW3
 * per-unit {@code ComponentsQuery} results by DIN, the firmware info and the time it was taken.
 *
 * <p>Immutable and thread-safe: the JSON trees are copied in and handed out as copies. Any part
 * but the DIN may be absent; the views then leave the fields that need it null. Build one with
 * {@link #builder(String)}.
 */
public final class GatewaySnapshot {

    private final String din;
    private final ObjectNode config;
    private final ObjectNode status;
    private final ObjectNode controller;
    private final Map<String, ObjectNode> components;
    private final FirmwareInfo firmware;
    private final Instant takenAt;

    private GatewaySnapshot(Builder b) {
        this.din = b.din;
        this.config = b.config;
        this.status = b.status;
        this.controller = b.controller;
        this.components = Collections.unmodifiableMap(new LinkedHashMap<>(b.components));
        this.firmware = b.firmware;
        this.takenAt = b.takenAt;
    }

    /**
     * Starts a snapshot of one gateway.
     *
     * @param din the gateway DIN, for example {@code 1232100-00-E--TG123456789012} (as read from
     *     {@code /tedapi/din}; surrounding whitespace is removed)
     * @return a builder
     */
    public static Builder builder(String din) {
        return new Builder(din);
    }

    /** @return the gateway DIN */
    public String din() {
        return din;
    }

    /** @return a copy of {@code config.json}, or null when not fetched */
    public JsonNode config() {
        return config == null ? null : config.deepCopy();
    }

    /** @return a copy of the basic device-controller status, or null when not fetched */
    public JsonNode status() {
        return status == null ? null : status.deepCopy();
    }

    /**
     * @return a copy of the full device-controller result (status plus {@code components.msa}),
     *     or null when not fetched
     */
    public JsonNode controller() {
        return controller == null ? null : controller.deepCopy();
    }

    /** @return the DINs that have a ComponentsQuery result, in the order they were added */
    public Set<String> componentDins() {
        return components.keySet();
    }

    /**
     * @param unitDin a PW3 DIN (leader or follower)
     * @return a copy of that unit's ComponentsQuery result, or null when not fetched
     */
    public JsonNode components(String unitDin) {
        ObjectNode node = components.get(unitDin);
        return node == null ? null : node.deepCopy();
    }

    /** @return the firmware info, or null when not fetched */
    public FirmwareInfo firmware() {
        return firmware;
    }

    /** @return when the snapshot was taken */
    public Instant takenAt() {
        return takenAt;
    }

    // Package-private, uncopied access for the views, which never modify the trees.
    ObjectNode configTree() {
        return config;
    }

    ObjectNode statusTree() {
        return status;
    }

    ObjectNode controllerTree() {
        return controller;
    }

    ObjectNode componentsTree(String unitDin) {
        return components.get(unitDin);
    }

    /**
     * Builds a {@link GatewaySnapshot}. Each part comes either as a parsed tree (copied) or as the
     * JSON bytes the gateway sent; bytes that are not one JSON object give a {@link
     * ProtocolException}. Not thread-safe.
     */
    public static final class Builder {
        private final String din;
        private ObjectNode config;
        private ObjectNode status;
        private ObjectNode controller;
        private final Map<String, ObjectNode> components = new LinkedHashMap<>();
        private FirmwareInfo firmware;
        private Instant takenAt = Instant.EPOCH;

        private Builder(String din) {
            this.din = Objects.requireNonNull(din, "din").strip();
        }

        /**
         * @param json {@code config.json} as bytes
         * @return this builder
         * @throws ProtocolException when the bytes are not one JSON object
         */
        public Builder config(byte[] json) throws ProtocolException {
            this.config = Trees.parseObject(json, "config");
            return this;
        }

        /**
         * @param tree {@code config.json} as a parsed object, or null to clear it
         * @return this builder
         */
        public Builder config(ObjectNode tree) {
            this.config = tree == null ? null : tree.deepCopy();
            return this;
        }

        /**
         * @param json the basic DeviceControllerQuery result as bytes
         * @return this builder
         * @throws ProtocolException when the bytes are not one JSON object
         */
        public Builder status(byte[] json) throws ProtocolException {
            this.status = Trees.parseObject(json, "status");
            return this;
        }

        /**
         * @param tree the basic DeviceControllerQuery result, or null to clear it
         * @return this builder
         */
        public Builder status(ObjectNode tree) {
            this.status = tree == null ? null : tree.deepCopy();
            return this;
        }

        /**
         * @param json the full DeviceControllerQuery result as bytes
         * @return this builder
         * @throws ProtocolException when the bytes are not one JSON object
         */
        public Builder controller(byte[] json) throws ProtocolException {
            this.controller = Trees.parseObject(json, "controller");
            return this;
        }

        /**
         * @param tree the full DeviceControllerQuery result, or null to clear it
         * @return this builder
         */
        public Builder controller(ObjectNode tree) {
            this.controller = tree == null ? null : tree.deepCopy();
            return this;
        }

        /**
         * @param unitDin the PW3 the ComponentsQuery went to
         * @param json its result as bytes
         * @return this builder
         * @throws ProtocolException when the bytes are not one JSON object
         */
        public Builder components(String unitDin, byte[] json) throws ProtocolException {
            components.put(Objects.requireNonNull(unitDin, "unitDin"), Trees.parseObject(json, "components"));
            return this;
        }

        /**
         * @param unitDin the PW3 the ComponentsQuery went to
         * @param tree its result
         * @return this builder
         */
        public Builder components(String unitDin, ObjectNode tree) {
            components.put(
                    Objects.requireNonNull(unitDin, "unitDin"),
                    Objects.requireNonNull(tree, "tree").deepCopy());
            return this;
        }

        /**
         * @param firmware the firmware info, or null when unknown
         * @return this builder
         */
        public Builder firmware(FirmwareInfo firmware) {
            this.firmware = firmware;
            return this;
        }

        /**
         * @param takenAt when the data was read (default the epoch)
         * @return this builder
         */
        public Builder takenAt(Instant takenAt) {
            this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
            return this;
        }

        /** @return the snapshot */
        public GatewaySnapshot build() {
            return new GatewaySnapshot(this);
        }
    }
}
