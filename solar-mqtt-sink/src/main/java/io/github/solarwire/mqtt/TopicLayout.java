package io.github.solarwire.mqtt;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Reading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which messages a reading becomes. A sink publishes the union of its layouts, in order. The
 * factories cover solarwire's own layouts and the plain per-value topics that older programs
 * publish, so that their users' dashboards keep working; an application can add its own (one
 * fixed JSON document on one topic, say).
 *
 * <p>Values are finite by construction ({@link Reading} refuses NaN and infinities), so every
 * number a layout writes is a plain decimal number.
 */
@FunctionalInterface
public interface TopicLayout {

    /**
     * The messages for one reading. Called from the thread that hands the reading to the sink.
     *
     * @param reading the reading
     * @param prefix the sink's topic prefix, without a trailing slash
     * @return the messages, in the order they are to be published
     */
    List<Publication> publications(Reading reading, String prefix);

    /**
     * One JSON state message per reading on {@code <prefix>/<device id>/state} ({@link
     * StatePayload}). Home Assistant discovery reads this topic. The default layout.
     *
     * @return the layout
     */
    static TopicLayout jsonState() {
        return JsonStateLayout.INSTANCE;
    }

    /**
     * One plain-number message per value on {@code <prefix>/<device id>/<metric key>}.
     *
     * @return the layout
     */
    static TopicLayout perMetric() {
        return (reading, prefix) -> {
            List<Publication> out = new ArrayList<>(reading.size());
            String base = prefix + "/" + reading.deviceId() + "/";
            for (int i = 0; i < reading.size(); i++) {
                out.add(Publication.text(base + reading.metric(i).key(), plainNumber(reading.value(i)), false));
            }
            return out;
        };
    }

    /**
     * One plain-number message per value on {@code <prefix>/<name>}, where the caller names each
     * metric, as programs that publish one device's values as {@code pvs/pv_p} do. Metrics the
     * function names {@code null} are not published.
     *
     * @param name the topic name below the prefix of each metric, or null to leave it out
     * @return the layout
     */
    static TopicLayout plainValues(Function<Metric, String> name) {
        Objects.requireNonNull(name, "name");
        return (reading, prefix) -> {
            List<Publication> out = new ArrayList<>(reading.size());
            for (int i = 0; i < reading.size(); i++) {
                String n = name.apply(reading.metric(i));
                if (n != null) {
                    out.add(Publication.text(prefix + "/" + n, plainNumber(reading.value(i)), false));
                }
            }
            return out;
        };
    }

    /**
     * A number as plain decimal text: {@code 1234} for whole values, {@code 0.0001} rather than
     * {@code 1.0E-4}, the shortest digits that read back as the same double.
     *
     * @param value a finite value
     * @return the text
     * @throws IllegalArgumentException when the value is NaN or infinite
     */
    static String plainNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(value + " is not a number to publish");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        return text.indexOf('E') < 0
                ? text
                : new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
