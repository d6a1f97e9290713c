package io.github.solarwire.core;

/** Whether a metric is an instantaneous value or a counter. */
public enum MetricKind {
    /** An instantaneous value that can go up and down: power, voltage, state of charge. */
    GAUGE,
    /**
     * A counter that only grows, except when the device resets it (a daily energy total at
     * midnight, a meter replaced): lifetime and daily energy totals.
     */
    TOTAL
}
