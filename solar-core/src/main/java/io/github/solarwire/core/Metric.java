package io.github.solarwire.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named quantity with its canonical unit and kind, such as {@code pv.power} in watts.
 *
 * <p>Keys are lower-case, dot-separated words ({@code grid.import.energy.total}). The well-known
 * keys shared by every vendor are in {@link Metrics}; a value that only one vendor has takes the
 * vendor's prefix ({@code pi30.bus.voltage}). Two metrics are equal when key, unit and kind are
 * equal; the display name is documentation only.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param key the dotted key, e.g. {@code battery.soc}
 * @param unit the canonical unit every value of this metric is expressed in
 * @param kind gauge or total
 * @param name a short human-readable name, e.g. {@code "Battery state of charge"}
 */
public record Metric(String key, Unit unit, MetricKind kind, String name) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    /**
     * Validates the key and fills a missing name from the key.
     *
     * @param key see the record description
     * @param unit see the record description
     * @param kind see the record description
     * @param name see the record description
     * @throws IllegalArgumentException when the key is not lower-case dotted words
     */
    public Metric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        if (key.length() > 128 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "metric key '" + key + "' must be lower-case words of [a-z0-9_] joined by dots");
        }
        if (name == null || name.isBlank()) {
            name = nameFromKey(key);
        }
    }

    /**
     * A gauge metric named after its key.
     *
     * @param key the dotted key
     * @param unit the canonical unit
     * @return the metric
     */
    public static Metric gauge(String key, Unit unit) {
        return new Metric(key, unit, MetricKind.GAUGE, null);
    }

    /**
     * A total (counter) metric named after its key.
     *
     * @param key the dotted key
     * @param unit the canonical unit
     * @return the metric
     */
    public static Metric total(String key, Unit unit) {
        return new Metric(key, unit, MetricKind.TOTAL, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && key.equals(m.key) && unit == m.unit && kind == m.kind;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return unit == Unit.NONE ? key : key + "[" + unit.symbol() + "]";
    }

    private static String nameFromKey(String key) {
        String spaced = key.replace('.', ' ').replace('_', ' ');
        return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
    }
}
