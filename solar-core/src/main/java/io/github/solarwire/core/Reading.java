package io.github.solarwire.core;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one device reported at one instant: ordered metric values plus text states.
 *
 * <p>Values are finite doubles in the metric's canonical unit; a value the device did not report
 * (absent, {@code "nan"}, {@code x x x}) is simply not in the reading, never zero. Each metric
 * appears at most once. Text states (an operating mode, a status, a warning list) are kept apart
 * from numbers, keyed by dotted lower-case names like metrics.
 *
 * <p>Instances are immutable and thread-safe; one reading is shared by every sink. Build them with
 * {@link #builder(DeviceInfo, Instant)}.
 */
public final class Reading {

    private final DeviceInfo device;
    private final Instant timestamp;
    private final Metric[] metrics;
    private final double[] values;
    private final Map<String, String> states;

    private Reading(
            DeviceInfo device, Instant timestamp, Metric[] metrics, double[] values, Map<String, String> states) {
        this.device = device;
        this.timestamp = timestamp;
        this.metrics = metrics;
        this.values = values;
        this.states = states;
    }

    /**
     * Starts a reading.
     *
     * @param device the device the values come from
     * @param timestamp when the device measured them (or, when it does not say, when they arrived)
     * @return a new builder
     */
    public static Builder builder(DeviceInfo device, Instant timestamp) {
        return new Builder(device, timestamp);
    }

    /**
     * The device the values come from.
     *
     * @return the device info
     */
    public DeviceInfo device() {
        return device;
    }

    /**
     * Shorthand for {@code device().id()}.
     *
     * @return the device id
     */
    public String deviceId() {
        return device.id();
    }

    /**
     * When the values were measured.
     *
     * @return the timestamp
     */
    public Instant timestamp() {
        return timestamp;
    }

    /**
     * The number of metric values.
     *
     * @return the count
     */
    public int size() {
        return metrics.length;
    }

    /**
     * The metric at a position, in the order values were added.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the metric
     */
    public Metric metric(int index) {
        return metrics[index];
    }

    /**
     * The value at a position, in the metric's canonical unit.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the value, always finite
     */
    public double value(int index) {
        return values[index];
    }

    /**
     * The value of a metric.
     *
     * @param metric the metric, compared by key, unit and kind
     * @return the value, or empty when the device did not report it
     */
    public OptionalDouble value(Metric metric) {
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i].equals(metric)) {
                return OptionalDouble.of(values[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The value of a metric by key.
     *
     * @param key a metric key such as {@code "pv.power"}
     * @return the value, or empty when the device did not report it
     */
    public OptionalDouble value(String key) {
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i].key().equals(key)) {
                return OptionalDouble.of(values[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The metrics, in the order values were added.
     *
     * @return an unmodifiable list
     */
    public List<Metric> metrics() {
        return new AbstractList<>() {
            @Override
            public Metric get(int index) {
                return metrics[index];
            }

            @Override
            public int size() {
                return metrics.length;
            }
        };
    }

    /**
     * The text states, in the order they were added.
     *
     * @return an unmodifiable map from state key to text
     */
    public Map<String, String> states() {
        return states;
    }

    /**
     * One text state.
     *
     * @param key a state key such as {@code "status"}
     * @return the text, or empty when not reported
     */
    public Optional<String> state(String key) {
        return Optional.ofNullable(states.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reading r
                && device.equals(r.device)
                && timestamp.equals(r.timestamp)
                && Arrays.equals(metrics, r.metrics)
                && Arrays.equals(values, r.values)
                && states.equals(r.states);
    }

    @Override
    public int hashCode() {
        return Objects.hash(device.id(), timestamp, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder s =
                new StringBuilder("Reading[").append(device.id()).append(" @ ").append(timestamp);
        for (int i = 0; i < metrics.length; i++) {
            s.append(i == 0 ? ": " : ", ").append(metrics[i].key()).append('=').append(values[i]);
            if (metrics[i].unit() != Unit.NONE) {
                s.append(' ').append(metrics[i].unit().symbol());
            }
        }
        states.forEach((k, v) -> s.append(", ").append(k).append("='").append(v).append('\''));
        return s.append(']').toString();
    }

    /** Builds a {@link Reading}. Not thread-safe; use one builder per reading. */
    public static final class Builder {
        private static final java.util.regex.Pattern STATE_KEY =
                java.util.regex.Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
        private final DeviceInfo device;
        private final Instant timestamp;
        private Metric[] metrics = new Metric[16];
        private double[] values = new double[16];
        private int size;
        private Map<String, String> states;

        private Builder(DeviceInfo device, Instant timestamp) {
            this.device = Objects.requireNonNull(device, "device");
            this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        }

        /**
         * Adds a value.
         *
         * @param metric the metric
         * @param value the value in the metric's canonical unit; must be finite
         * @return this builder
         * @throws IllegalArgumentException when the value is NaN or infinite, or the metric's key
         *     was already added
         */
        public Builder add(Metric metric, double value) {
            Objects.requireNonNull(metric, "metric");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "value of " + metric.key() + " must be finite, was " + value + " (leave absent values out)");
            }
            for (int i = 0; i < size; i++) {
                if (metrics[i].key().equals(metric.key())) {
                    throw new IllegalArgumentException("metric " + metric.key() + " added twice");
                }
            }
            if (size == metrics.length) {
                metrics = Arrays.copyOf(metrics, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            metrics[size] = metric;
            values[size] = value;
            size++;
            return this;
        }

        /**
         * Adds a value only when it is finite: the way to pass on a device's "no value" (NaN).
         *
         * @param metric the metric
         * @param value the value, or NaN for none
         * @return this builder
         */
        public Builder addIfFinite(Metric metric, double value) {
            return Double.isFinite(value) ? add(metric, value) : this;
        }

        /**
         * Adds a value when present.
         *
         * @param metric the metric
         * @param value the value, or empty for none
         * @return this builder
         */
        public Builder add(Metric metric, OptionalDouble value) {
            return value.isPresent() ? add(metric, value.getAsDouble()) : this;
        }

        /**
         * Adds a text state.
         *
         * @param key a dotted lower-case key such as {@code status} or {@code pi30.mode}
         * @param text the text; null leaves the state out
         * @return this builder
         * @throws IllegalArgumentException when the key is malformed or was already added
         */
        public Builder state(String key, String text) {
            if (key == null || !STATE_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "state key '" + key + "' must be lower-case words of [a-z0-9_] joined by dots");
            }
            if (text == null) {
                return this;
            }
            if (states == null) {
                states = new LinkedHashMap<>(4);
            }
            if (states.putIfAbsent(key, text) != null) {
                throw new IllegalArgumentException("state " + key + " added twice");
            }
            return this;
        }

        /**
         * Builds the immutable reading.
         *
         * @return the reading
         */
        public Reading build() {
            Map<String, String> s =
                    states == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(states));
            return new Reading(device, timestamp, Arrays.copyOf(metrics, size), Arrays.copyOf(values, size), s);
        }
    }
}
