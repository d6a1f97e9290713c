package io.github.solarwire.mqtt;

import io.github.solarwire.core.Reading;
import java.util.List;

/** The JSON state layout, a singleton so that a sink can tell whether discovery has its topic. */
final class JsonStateLayout implements TopicLayout {
    static final JsonStateLayout INSTANCE = new JsonStateLayout();

    private JsonStateLayout() {}

    static String topic(String prefix, String deviceId) {
        return prefix + "/" + deviceId + "/state";
    }

    @Override
    public List<Publication> publications(Reading reading, String prefix) {
        return List.of(new Publication(topic(prefix, reading.deviceId()), StatePayload.encode(reading), false));
    }
}
