package io.github.solarwire.core;

import static io.github.solarwire.core.MetricKind.GAUGE;
import static io.github.solarwire.core.MetricKind.TOTAL;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of well-known metrics: one vocabulary for every vendor.
 *
 * <p>Sign conventions: {@link #GRID_POWER} is positive when importing from the grid and negative
 * when exporting; {@link #BATTERY_POWER} is positive when discharging and negative when charging;
 * {@link #PV_POWER} and {@link #LOAD_POWER} are never negative. So, at any instant, {@code
 * load = pv + battery + grid}.
 *
 * <p>Per-phase AC values end in {@code .l1}, {@code .l2}, {@code .l3}; per-string DC values in
 * {@code .pv1}, {@code .pv2}, {@code .pv3}. Lifetime energy counters end in {@code .total}.
 */
public final class Metrics {

    private static final Map<String, Metric> BY_KEY = new LinkedHashMap<>();

    /** Photovoltaic (DC or AC-side) production power, W. */
    public static final Metric PV_POWER = add("pv.power", Unit.WATT, GAUGE, "PV power");
    /** Lifetime photovoltaic production, Wh. */
    public static final Metric PV_ENERGY_TOTAL = add("pv.energy.total", Unit.WATT_HOUR, TOTAL, "PV energy");
    /** Photovoltaic production since local midnight, Wh (resets daily). */
    public static final Metric PV_ENERGY_TODAY = add("pv.energy.today", Unit.WATT_HOUR, TOTAL, "PV energy today");
    /** Power drawn from the grid (positive) or fed into it (negative), W. */
    public static final Metric GRID_POWER = add("grid.power", Unit.WATT, GAUGE, "Grid power");
    /** Lifetime energy imported from the grid, Wh. */
    public static final Metric GRID_IMPORT_ENERGY_TOTAL =
            add("grid.import.energy.total", Unit.WATT_HOUR, TOTAL, "Grid import energy");
    /** Lifetime energy exported to the grid, Wh. */
    public static final Metric GRID_EXPORT_ENERGY_TOTAL =
            add("grid.export.energy.total", Unit.WATT_HOUR, TOTAL, "Grid export energy");
    /** Household consumption, W. */
    public static final Metric LOAD_POWER = add("load.power", Unit.WATT, GAUGE, "Load power");
    /** Lifetime household consumption, Wh. */
    public static final Metric LOAD_ENERGY_TOTAL = add("load.energy.total", Unit.WATT_HOUR, TOTAL, "Load energy");
    /** Battery power, positive when discharging, W. */
    public static final Metric BATTERY_POWER = add("battery.power", Unit.WATT, GAUGE, "Battery power");
    /** Battery state of charge, %. */
    public static final Metric BATTERY_SOC = add("battery.soc", Unit.PERCENT, GAUGE, "Battery state of charge");
    /** Battery terminal voltage, V. */
    public static final Metric BATTERY_VOLTAGE = add("battery.voltage", Unit.VOLT, GAUGE, "Battery voltage");
    /** Battery current, positive when discharging, A. */
    public static final Metric BATTERY_CURRENT = add("battery.current", Unit.AMPERE, GAUGE, "Battery current");
    /** Battery temperature, °C. */
    public static final Metric BATTERY_TEMPERATURE =
            add("battery.temperature", Unit.CELSIUS, GAUGE, "Battery temperature");
    /** Lifetime energy charged into the battery, Wh. */
    public static final Metric BATTERY_CHARGE_ENERGY_TOTAL =
            add("battery.charge.energy.total", Unit.WATT_HOUR, TOTAL, "Battery charge energy");
    /** Lifetime energy discharged from the battery, Wh. */
    public static final Metric BATTERY_DISCHARGE_ENERGY_TOTAL =
            add("battery.discharge.energy.total", Unit.WATT_HOUR, TOTAL, "Battery discharge energy");
    /** Battery usable capacity, Wh. */
    public static final Metric BATTERY_CAPACITY = add("battery.capacity", Unit.WATT_HOUR, GAUGE, "Battery capacity");

    /** AC output (or single-phase grid) power, W. */
    public static final Metric AC_POWER = add("ac.power", Unit.WATT, GAUGE, "AC power");
    /** AC apparent power, VA. */
    public static final Metric AC_APPARENT_POWER =
            add("ac.apparent.power", Unit.VOLT_AMPERE, GAUGE, "AC apparent power");
    /** AC reactive power, var. */
    public static final Metric AC_REACTIVE_POWER = add("ac.reactive.power", Unit.VAR, GAUGE, "AC reactive power");
    /** AC power factor, dimensionless (−1 to 1). */
    public static final Metric AC_POWER_FACTOR = add("ac.power_factor", Unit.NONE, GAUGE, "AC power factor");
    /** AC frequency, Hz. */
    public static final Metric AC_FREQUENCY = add("ac.frequency", Unit.HERTZ, GAUGE, "AC frequency");
    /** AC voltage of phase L1 (or the only phase), V. */
    public static final Metric AC_VOLTAGE_L1 = add("ac.voltage.l1", Unit.VOLT, GAUGE, "AC voltage L1");
    /** AC voltage of phase L2, V. */
    public static final Metric AC_VOLTAGE_L2 = add("ac.voltage.l2", Unit.VOLT, GAUGE, "AC voltage L2");
    /** AC voltage of phase L3, V. */
    public static final Metric AC_VOLTAGE_L3 = add("ac.voltage.l3", Unit.VOLT, GAUGE, "AC voltage L3");
    /** AC current of phase L1 (or the only phase), A. */
    public static final Metric AC_CURRENT_L1 = add("ac.current.l1", Unit.AMPERE, GAUGE, "AC current L1");
    /** AC current of phase L2, A. */
    public static final Metric AC_CURRENT_L2 = add("ac.current.l2", Unit.AMPERE, GAUGE, "AC current L2");
    /** AC current of phase L3, A. */
    public static final Metric AC_CURRENT_L3 = add("ac.current.l3", Unit.AMPERE, GAUGE, "AC current L3");
    /** AC power of phase L1, W. */
    public static final Metric AC_POWER_L1 = add("ac.power.l1", Unit.WATT, GAUGE, "AC power L1");
    /** AC power of phase L2, W. */
    public static final Metric AC_POWER_L2 = add("ac.power.l2", Unit.WATT, GAUGE, "AC power L2");
    /** AC power of phase L3, W. */
    public static final Metric AC_POWER_L3 = add("ac.power.l3", Unit.WATT, GAUGE, "AC power L3");

    /** DC voltage of PV string or MPPT input 1, V. */
    public static final Metric DC_VOLTAGE_PV1 = add("dc.voltage.pv1", Unit.VOLT, GAUGE, "PV1 voltage");
    /** DC voltage of PV string or MPPT input 2, V. */
    public static final Metric DC_VOLTAGE_PV2 = add("dc.voltage.pv2", Unit.VOLT, GAUGE, "PV2 voltage");
    /** DC voltage of PV string or MPPT input 3, V. */
    public static final Metric DC_VOLTAGE_PV3 = add("dc.voltage.pv3", Unit.VOLT, GAUGE, "PV3 voltage");
    /** DC current of PV input 1, A. */
    public static final Metric DC_CURRENT_PV1 = add("dc.current.pv1", Unit.AMPERE, GAUGE, "PV1 current");
    /** DC current of PV input 2, A. */
    public static final Metric DC_CURRENT_PV2 = add("dc.current.pv2", Unit.AMPERE, GAUGE, "PV2 current");
    /** DC current of PV input 3, A. */
    public static final Metric DC_CURRENT_PV3 = add("dc.current.pv3", Unit.AMPERE, GAUGE, "PV3 current");
    /** DC power of PV input 1, W. */
    public static final Metric DC_POWER_PV1 = add("dc.power.pv1", Unit.WATT, GAUGE, "PV1 power");
    /** DC power of PV input 2, W. */
    public static final Metric DC_POWER_PV2 = add("dc.power.pv2", Unit.WATT, GAUGE, "PV2 power");
    /** DC power of PV input 3, W. */
    public static final Metric DC_POWER_PV3 = add("dc.power.pv3", Unit.WATT, GAUGE, "PV3 power");

    /** Inverter internal temperature, °C. */
    public static final Metric TEMPERATURE_INVERTER =
            add("temperature.inverter", Unit.CELSIUS, GAUGE, "Inverter temperature");
    /** Heat-sink temperature, °C. */
    public static final Metric TEMPERATURE_HEATSINK =
            add("temperature.heatsink", Unit.CELSIUS, GAUGE, "Heat-sink temperature");
    /** Ambient temperature, °C. */
    public static final Metric TEMPERATURE_AMBIENT =
            add("temperature.ambient", Unit.CELSIUS, GAUGE, "Ambient temperature");
    /** Device uptime, s. */
    public static final Metric UPTIME = add("uptime", Unit.SECOND, TOTAL, "Uptime");

    private Metrics() {}

    private static Metric add(String key, Unit unit, MetricKind kind, String name) {
        Metric metric = new Metric(key, unit, kind, name);
        BY_KEY.put(key, metric);
        return metric;
    }

    /**
     * Looks a well-known metric up by its key.
     *
     * @param key a key such as {@code "pv.power"}
     * @return the catalogue's metric, or empty when the key is not well-known
     */
    public static Optional<Metric> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * Every well-known metric, in catalogue order.
     *
     * @return an unmodifiable collection
     */
    public static Collection<Metric> all() {
        return Collections.unmodifiableCollection(BY_KEY.values());
    }
}
