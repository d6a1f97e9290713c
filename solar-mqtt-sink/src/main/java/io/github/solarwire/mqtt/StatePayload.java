package io.github.solarwire.mqtt;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.solarwire.core.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON state message of one reading: {@code {"time":"…","pv.power":1234.5,…,"status":"…"}}.
 *
 * <p>Keys are the metric keys in canonical units, then the state keys, after {@code time} (ISO-8601,
 * UTC). Home Assistant templates read them as {@code value_json['pv.power']}. Values are finite by
 * construction ({@link Reading} refuses NaN and infinities), so every number is a JSON number.
 * Stateless and thread-safe.
 */
public final class StatePayload {

    private static final JsonFactory JSON = new JsonFactory();

    private StatePayload() {}

    /**
     * Encodes a reading.
     *
     * @param reading the reading
     * @return UTF-8 JSON bytes
     */
    public static byte[] encode(Reading reading) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + reading.size() * 32);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("time", reading.timestamp().toString());
            for (int i = 0; i < reading.size(); i++) {
                json.writeNumberField(reading.metric(i).key(), reading.value(i));
            }
            for (Map.Entry<String, String> state : reading.states().entrySet()) {
                json.writeStringField(state.getKey(), state.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
