package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Unit;

/**
 * The PI30 values that have no place in the shared {@link io.github.solarwire.core.Metrics}
 * catalogue, under the {@code pi30.} prefix.
 */
public final class Pi30Metrics {

    /** AC input (grid or generator) voltage, V. */
    public static final Metric AC_INPUT_VOLTAGE = Metric.gauge("pi30.ac_input.voltage", Unit.VOLT);
    /** AC input (grid or generator) frequency, Hz. */
    public static final Metric AC_INPUT_FREQUENCY = Metric.gauge("pi30.ac_input.frequency", Unit.HERTZ);
    /** Output load as a share of the rated power, %. */
    public static final Metric LOAD_PERCENT = Metric.gauge("pi30.load.percent", Unit.PERCENT);
    /** DC bus voltage, V. */
    public static final Metric BUS_VOLTAGE = Metric.gauge("pi30.bus.voltage", Unit.VOLT);
    /** Battery voltage as the solar charge controller measures it, V. */
    public static final Metric SCC_BATTERY_VOLTAGE = Metric.gauge("pi30.scc.battery.voltage", Unit.VOLT);

    private Pi30Metrics() {}
}
