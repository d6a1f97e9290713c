package io.github.solarwire.mqtt;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Home Assistant MQTT discovery, device-based: one retained message per device on {@code
 * <prefix>/device/<node>/config} declaring the device ({@code dev}), this program ({@code o}) and
 * one sensor per metric and state ({@code cmps}), all reading the device's JSON state topic.
 *
 * <p>Units and classes come from {@link HomeAssistantEntity}: energy totals are {@code energy}
 * sensors in kWh with {@code total_increasing}, as the Energy dashboard needs. Entities are named
 * after the metric; their ids use {@code default_entity_id} (not the deprecated {@code
 * object_id}). The availability topic, when set, is referenced so entities go unavailable when the
 * publisher's last will fires. Immutable and thread-safe.
 */
public final class HomeAssistantDiscovery {

    /** Home Assistant's default discovery prefix. */
    public static final String DEFAULT_PREFIX = "homeassistant";

    private static final JsonFactory JSON = new JsonFactory();

    private final String prefix;
    private final Function<DeviceInfo, String> stateTopic;
    private final String availabilityTopic;
    private final Duration expireAfter;
    private final String originVersion;

    private HomeAssistantDiscovery(Builder b) {
        this.prefix = b.prefix;
        this.stateTopic = b.stateTopic;
        this.availabilityTopic = b.availabilityTopic;
        this.expireAfter = b.expireAfter;
        this.originVersion = b.originVersion;
    }

    /**
     * Starts a builder.
     *
     * @param stateTopic the JSON state topic of a device
     * @return a new builder
     */
    public static Builder builder(Function<DeviceInfo, String> stateTopic) {
        return new Builder(stateTopic);
    }

    /**
     * The node id a device is discovered under: {@code solarwire_} and its id, with every character
     * Home Assistant does not allow replaced by {@code _}.
     *
     * @param device the device
     * @return the node id
     */
    public static String nodeId(DeviceInfo device) {
        return nodeId(device.id());
    }

    private static String nodeId(String deviceId) {
        return "solarwire_" + deviceId.replaceAll("[^a-zA-Z0-9_-]", "_");
    }

    /**
     * The topic of a device's discovery message.
     *
     * @param device the device
     * @return {@code <prefix>/device/<node>/config}
     */
    public String configTopic(DeviceInfo device) {
        return prefix + "/device/" + nodeId(device) + "/config";
    }

    /**
     * The topic Home Assistant announces itself on ({@code online} after it starts).
     *
     * @return {@code <prefix>/status}
     */
    public String statusTopic() {
        return prefix + "/status";
    }

    /**
     * The retained discovery message of a device.
     *
     * @param device the device
     * @param metrics the metrics its readings carry, in display order
     * @param stateKeys the text states its readings carry
     * @return the publication, retained
     */
    public Publication config(DeviceInfo device, Collection<Metric> metrics, Collection<String> stateKeys) {
        String node = nodeId(device);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            writeDevice(json, device, node);
            json.writeObjectFieldStart("o");
            json.writeStringField("name", "solarwire");
            json.writeStringField("sw", originVersion);
            json.writeStringField("url", "https://github.com/solarwire/solarwire");
            json.writeEndObject();
            json.writeStringField("state_topic", stateTopic.apply(device));
            json.writeNumberField("qos", 1);
            if (availabilityTopic != null) {
                json.writeStringField("availability_topic", availabilityTopic);
                json.writeStringField("payload_available", "online");
                json.writeStringField("payload_not_available", "offline");
            }
            json.writeObjectFieldStart("cmps");
            for (Metric metric : metrics) {
                HomeAssistantEntity entity = HomeAssistantEntity.of(metric);
                String id = node + "_" + slug(metric.key());
                json.writeObjectFieldStart(id);
                json.writeStringField("p", "sensor");
                json.writeStringField("unique_id", id);
                json.writeStringField("default_entity_id", "sensor." + id.toLowerCase(Locale.ROOT));
                json.writeStringField("name", metric.name());
                if (entity.deviceClass().isPresent()) {
                    json.writeStringField("device_class", entity.deviceClass().get());
                }
                json.writeStringField("state_class", entity.stateClass());
                if (entity.unit().isPresent()) {
                    json.writeStringField("unit_of_measurement", entity.unit().get());
                }
                json.writeStringField("value_template", entity.valueTemplate(metric));
                writeExpiry(json);
                json.writeEndObject();
            }
            for (String key : stateKeys) {
                String id = node + "_" + slug(key);
                json.writeObjectFieldStart(id);
                json.writeStringField("p", "sensor");
                json.writeStringField("unique_id", id);
                json.writeStringField("default_entity_id", "sensor." + id.toLowerCase(Locale.ROOT));
                json.writeStringField("name", humanize(key));
                json.writeStringField("value_template", "{{ value_json['" + key + "'] }}");
                writeExpiry(json);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return new Publication(configTopic(device), bytes.toByteArray(), true);
    }

    /**
     * The retained empty message that removes a device and its entities from Home Assistant.
     *
     * @param device the device
     * @return the publication, retained, with an empty payload
     */
    public Publication removal(DeviceInfo device) {
        return new Publication(configTopic(device), new byte[0], true);
    }

    private static void writeDevice(JsonGenerator json, DeviceInfo device, String node) throws IOException {
        json.writeObjectFieldStart("dev");
        json.writeArrayFieldStart("ids");
        json.writeString(node);
        json.writeEndArray();
        json.writeStringField("name", deviceName(device));
        json.writeStringField("mf", device.vendor());
        Optional<String> model = device.model();
        if (model.isPresent()) {
            json.writeStringField("mdl", model.get());
        }
        if (device.firmware().isPresent()) {
            json.writeStringField("sw", device.firmware().get());
        }
        if (device.serial().isPresent()) {
            json.writeStringField("sn", device.serial().get());
        }
        if (device.parentId().isPresent()) {
            json.writeStringField("via_device", nodeId(device.parentId().get()));
        }
        json.writeEndObject();
    }

    private void writeExpiry(JsonGenerator json) throws IOException {
        if (expireAfter != null) {
            json.writeNumberField("expire_after", Math.max(1, expireAfter.toSeconds()));
        }
    }

    private static String deviceName(DeviceInfo device) {
        return device.model().map(m -> m + " " + device.id()).orElse(humanize(device.kind()) + " " + device.id());
    }

    private static String slug(String key) {
        return key.replace('.', '_');
    }

    private static String humanize(String key) {
        String spaced = key.replace('.', ' ').replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Configures {@link HomeAssistantDiscovery}. Not thread-safe. */
    public static final class Builder {
        private final Function<DeviceInfo, String> stateTopic;
        private String prefix = DEFAULT_PREFIX;
        private String availabilityTopic;
        private Duration expireAfter;
        private String originVersion = "dev";

        private Builder(Function<DeviceInfo, String> stateTopic) {
            this.stateTopic = Objects.requireNonNull(stateTopic, "stateTopic");
        }

        /**
         * Sets the discovery prefix. Default {@value HomeAssistantDiscovery#DEFAULT_PREFIX}.
         *
         * @param prefix the prefix, without a trailing slash
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = Publication.checkPrefix(prefix, "discovery prefix");
            return this;
        }

        /**
         * Sets the availability topic entities follow (retained {@code online}/{@code offline}).
         *
         * @param topic the topic, or null for none
         * @return this builder
         */
        public Builder availabilityTopic(String topic) {
            this.availabilityTopic = topic;
            return this;
        }

        /**
         * Makes entities unavailable when no state arrived for this long, e.g. three poll
         * intervals.
         *
         * @param expireAfter the time, or null for never
         * @return this builder
         */
        public Builder expireAfter(Duration expireAfter) {
            this.expireAfter = expireAfter;
            return this;
        }

        /**
         * Sets the version reported in the origin block.
         *
         * @param version this program's version
         * @return this builder
         */
        public Builder originVersion(String version) {
            this.originVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the discovery.
         *
         * @return the discovery
         */
        public HomeAssistantDiscovery build() {
            return new HomeAssistantDiscovery(this);
        }
    }
}
