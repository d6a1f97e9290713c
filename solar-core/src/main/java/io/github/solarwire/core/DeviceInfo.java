package io.github.solarwire.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a reading comes from: a stable id plus what the device says about itself.
 *
 * <p>The {@link #id()} is stable across restarts (usually built from the serial number) and safe
 * to use in file names and MQTT topics. The {@link #kind()} groups devices that report the same
 * metrics ({@code inverter}, {@code optimizer}, {@code battery}, {@code meter}, {@code site}, …);
 * the CSV sink writes one file per kind. A device reached through another one (an optimizer
 * behind an inverter, an inverter behind a PVS supervisor) names that one in {@link
 * #parentId()}.
 *
 * <p>Instances are immutable and thread-safe. Build them with {@link #builder(String, String)}.
 */
public final class DeviceInfo {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final String id;
    private final String kind;
    private final String vendor;
    private final String protocol;
    private final String model;
    private final String serial;
    private final String firmware;
    private final String parentId;

    private DeviceInfo(Builder b) {
        this.id = b.id;
        this.kind = b.kind;
        this.vendor = b.vendor;
        this.protocol = b.protocol;
        this.model = b.model;
        this.serial = b.serial;
        this.firmware = b.firmware;
        this.parentId = b.parentId;
    }

    /**
     * Starts a builder.
     *
     * @param id the stable id: letters, digits, {@code _ . -}, at most 128 characters, starting
     *     with a letter or digit
     * @param kind the device kind: lower-case letters, digits and {@code _}, e.g. {@code inverter}
     * @return a new builder
     * @throws IllegalArgumentException when the id or kind is malformed
     */
    public static Builder builder(String id, String kind) {
        return new Builder(id, kind);
    }

    /**
     * The stable id, safe for file names and MQTT topics.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The device kind, e.g. {@code inverter}.
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * The manufacturer, e.g. {@code SunPower}; {@code unknown} when not known.
     *
     * @return the vendor
     */
    public String vendor() {
        return vendor;
    }

    /**
     * The protocol the device was read with, e.g. {@code pi30}; {@code unknown} when not set.
     *
     * @return the protocol name
     */
    public String protocol() {
        return protocol;
    }

    /**
     * The model, when the device reports it.
     *
     * @return the model
     */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /**
     * The serial number, when the device reports it.
     *
     * @return the serial number
     */
    public Optional<String> serial() {
        return Optional.ofNullable(serial);
    }

    /**
     * The firmware version, when the device reports it.
     *
     * @return the firmware version
     */
    public Optional<String> firmware() {
        return Optional.ofNullable(firmware);
    }

    /**
     * The id of the device this one is reached through, if any.
     *
     * @return the parent's id
     */
    public Optional<String> parentId() {
        return Optional.ofNullable(parentId);
    }

    /**
     * A builder holding this instance's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(id, kind)
                .vendor(vendor)
                .protocol(protocol)
                .model(model)
                .serial(serial)
                .firmware(firmware)
                .parentId(parentId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceInfo d
                && id.equals(d.id)
                && kind.equals(d.kind)
                && vendor.equals(d.vendor)
                && protocol.equals(d.protocol)
                && Objects.equals(model, d.model)
                && Objects.equals(serial, d.serial)
                && Objects.equals(firmware, d.firmware)
                && Objects.equals(parentId, d.parentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, vendor, protocol, model, serial, firmware, parentId);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DeviceInfo[id=")
                .append(id)
                .append(", kind=")
                .append(kind)
                .append(", vendor=")
                .append(vendor)
                .append(", protocol=")
                .append(protocol);
        if (model != null) {
            s.append(", model=").append(model);
        }
        if (serial != null) {
            s.append(", serial=").append(serial);
        }
        if (firmware != null) {
            s.append(", firmware=").append(firmware);
        }
        if (parentId != null) {
            s.append(", parent=").append(parentId);
        }
        return s.append(']').toString();
    }

    /** Builds a {@link DeviceInfo}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String kind;
        private String vendor = "unknown";
        private String protocol = "unknown";
        private String model;
        private String serial;
        private String firmware;
        private String parentId;

        private Builder(String id, String kind) {
            this.id = checkId(id, "id");
            if (kind == null || !KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("device kind '" + kind + "' must match " + KIND.pattern());
            }
            this.kind = kind;
        }

        /**
         * Sets the manufacturer.
         *
         * @param vendor the vendor name; null keeps {@code unknown}
         * @return this builder
         */
        public Builder vendor(String vendor) {
            this.vendor = blankToNull(vendor) == null ? "unknown" : vendor.strip();
            return this;
        }

        /**
         * Sets the protocol name.
         *
         * @param protocol the protocol, e.g. {@code pi30}; null keeps {@code unknown}
         * @return this builder
         */
        public Builder protocol(String protocol) {
            this.protocol = blankToNull(protocol) == null ? "unknown" : protocol.strip();
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the model; null or blank for unknown
         * @return this builder
         */
        public Builder model(String model) {
            this.model = blankToNull(model);
            return this;
        }

        /**
         * Sets the serial number.
         *
         * @param serial the serial number; null or blank for unknown
         * @return this builder
         */
        public Builder serial(String serial) {
            this.serial = blankToNull(serial);
            return this;
        }

        /**
         * Sets the firmware version.
         *
         * @param firmware the version; null or blank for unknown
         * @return this builder
         */
        public Builder firmware(String firmware) {
            this.firmware = blankToNull(firmware);
            return this;
        }

        /**
         * Sets the id of the device this one is reached through.
         *
         * @param parentId the parent's id, or null for none
         * @return this builder
         */
        public Builder parentId(String parentId) {
            this.parentId = parentId == null ? null : checkId(parentId, "parent id");
            return this;
        }

        /**
         * Builds the immutable info.
         *
         * @return the device info
         */
        public DeviceInfo build() {
            return new DeviceInfo(this);
        }

        private static String checkId(String id, String what) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("device " + what + " '" + id + "' must match " + ID.pattern());
            }
            return id;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
