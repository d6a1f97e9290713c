package io.github.solarwire.pvs.ess;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Every register this module reads from a SunVault ESS (the Schneider Conext gateway behind a PVS),
 * in one table, so that a wrong address, type or scale is corrected in one line.
 *
 * <p>Source: {@code shared/specs/pvs.md} §6 (from pvs_recorder). The spec gives addresses only;
 * where it gives no type, width, scale or sign, the entry's {@link #source()} says {@code guess}.
 * A value is {@code raw × scale + offset}, in {@link #unit()}. {@code battery_power} and {@code
 * battery_current} are assumed to be reported already in the solarwire sign convention (positive
 * while discharging, SunSpec's generator convention) and {@code grid_power} positive while
 * importing: both are guesses; a device found to use the opposite sign gets a negative scale here.
 */
public enum SunVaultRegister {
    /** Common model manufacturer, 32 characters. */
    MANUFACTURER(
            Scope.ALL,
            Layout.SUNSPEC,
            40004,
            Type.STRING,
            16,
            "manufacturer",
            Unit.NONE,
            1,
            0,
            null,
            "spec §6 (32 chars = 16 registers)"),
    /** Common model model name. */
    MODEL(
            Scope.ALL,
            Layout.SUNSPEC,
            40020,
            Type.STRING,
            16,
            "model",
            Unit.NONE,
            1,
            0,
            null,
            "spec §6 address; 16 registers as in the SunSpec common model (guess)"),
    /** Common model firmware version. */
    VERSION(
            Scope.ALL,
            Layout.SUNSPEC,
            40044,
            Type.STRING,
            8,
            "version",
            Unit.NONE,
            1,
            0,
            null,
            "spec §6 address; 8 registers as in the SunSpec common model (guess)"),
    /** Common model serial number. */
    SERIAL(
            Scope.ALL,
            Layout.SUNSPEC,
            40052,
            Type.STRING,
            16,
            "serial",
            Unit.NONE,
            1,
            0,
            null,
            "spec §6 address; 16 registers as in the SunSpec common model (guess)"),

    /** Gateway: maximum charge setpoint (writable on the device; read only here). */
    GATEWAY_MAX_CHARGE_SETPOINT(
            Scope.GATEWAY,
            Layout.SUNSPEC,
            40210,
            Type.UINT32,
            2,
            "max_charge_setpoint",
            Unit.NONE,
            1,
            0,
            null,
            "spec §6 (40210/40211); read as one uint32 without unit (guess)"),
    /** Gateway: battery state of charge. */
    GATEWAY_BATTERY_SOC(
            Scope.GATEWAY,
            Layout.SUNSPEC,
            40255,
            Type.UINT16,
            1,
            "battery_soc",
            Unit.PERCENT,
            1,
            0,
            Metrics.BATTERY_SOC,
            "spec §6; uint16 in whole % (guess)"),
    /** Gateway: battery power, positive while discharging. */
    GATEWAY_BATTERY_POWER(
            Scope.GATEWAY,
            Layout.SUNSPEC,
            40291,
            Type.INT16,
            1,
            "battery_power",
            Unit.WATT,
            1,
            0,
            Metrics.BATTERY_POWER,
            "spec §6 (int16); W, + discharging (guess)"),

    /** BMS: state of charge. */
    BMS_SOC(
            Scope.BMS,
            Layout.SUNSPEC,
            40081,
            Type.UINT16,
            1,
            "battery_soc",
            Unit.PERCENT,
            1,
            0,
            Metrics.BATTERY_SOC,
            "spec §6; uint16 in whole % (guess)"),
    /** BMS: battery voltage. */
    BMS_VOLTAGE(
            Scope.BMS,
            Layout.SUNSPEC,
            40104,
            Type.UINT16,
            1,
            "battery_voltage",
            Unit.VOLT,
            0.1,
            0,
            Metrics.BATTERY_VOLTAGE,
            "spec §6; uint16 in 0.1 V (guess)"),
    /** BMS: battery current, positive while discharging. */
    BMS_CURRENT(
            Scope.BMS,
            Layout.SUNSPEC,
            40114,
            Type.INT16,
            1,
            "battery_current",
            Unit.AMPERE,
            0.1,
            0,
            Metrics.BATTERY_CURRENT,
            "spec §6; int16 in 0.1 A, + discharging (guess)"),
    /** BMS: battery power, positive while discharging. */
    BMS_POWER(
            Scope.BMS,
            Layout.SUNSPEC,
            40115,
            Type.INT16,
            1,
            "battery_power",
            Unit.WATT,
            1,
            0,
            Metrics.BATTERY_POWER,
            "spec §6; int16 in W, + discharging (guess)"),

    /** Conext XW (port 503): AC1 (grid input) power. */
    XW_AC1_POWER(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            102,
            Type.INT32,
            2,
            "ac1_power",
            Unit.WATT,
            1,
            0,
            Metric.gauge("sunvault.ac1.power", Unit.WATT),
            "spec §6 (@102); int32 in W (guess)"),
    /** Conext XW (port 503): grid power, positive while importing. */
    XW_GRID_POWER(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            110,
            Type.INT32,
            2,
            "grid_power",
            Unit.WATT,
            1,
            0,
            Metrics.GRID_POWER,
            "spec §6 (int32 @110); W, + import (guess)"),
    /** Conext XW (port 503): AC load power. */
    XW_LOAD_POWER(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            154,
            Type.INT32,
            2,
            "load_power",
            Unit.WATT,
            1,
            0,
            Metrics.LOAD_POWER,
            "spec §6 (@154); int32 in W (guess)"),
    /** Conext XW (port 503): battery bank voltage. */
    XW_BATTERY_VOLTAGE(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            512,
            Type.UINT32,
            2,
            "battery_voltage",
            Unit.VOLT,
            0.001,
            0,
            Metrics.BATTERY_VOLTAGE,
            "spec §6 (@512); uint32 in mV (guess)"),
    /** Conext XW (port 503): battery bank current, positive while discharging. */
    XW_BATTERY_CURRENT(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            514,
            Type.INT32,
            2,
            "battery_current",
            Unit.AMPERE,
            0.001,
            0,
            Metrics.BATTERY_CURRENT,
            "spec §6 (@514); int32 in mA, + discharging (guess)"),
    /** Conext XW (port 503): battery bank temperature. */
    XW_BATTERY_TEMPERATURE(
            Scope.INVERTER,
            Layout.SCHNEIDER,
            516,
            Type.UINT32,
            2,
            "battery_temperature",
            Unit.CELSIUS,
            0.01,
            -273.15,
            Metrics.BATTERY_TEMPERATURE,
            "spec §6 (@516); uint32 in 0.01 K (guess)");

    /** Which units carry a register. */
    public enum Scope {
        /** Every unit: the common model. */
        ALL,
        /** Unit 1, the gateway. */
        GATEWAY,
        /** The Conext XW inverters (units 10 and 11). */
        INVERTER,
        /** The battery management systems (units 230 and 231). */
        BMS;

        boolean covers(SunVaultUnit.Kind kind) {
            return switch (this) {
                case ALL -> true;
                case GATEWAY -> kind == SunVaultUnit.Kind.GATEWAY;
                case INVERTER -> kind == SunVaultUnit.Kind.INVERTER;
                case BMS -> kind == SunVaultUnit.Kind.BMS;
            };
        }
    }

    /** The two register maps the gateway serves, each on its own TCP port. */
    public enum Layout {
        /** SunSpec-style holding registers from 40000, TCP port 502. */
        SUNSPEC(502),
        /** Schneider's own map, TCP port 503. */
        SCHNEIDER(503);

        private final int defaultPort;

        Layout(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /**
         * The gateway's TCP port for this map.
         *
         * @return 502 or 503
         */
        public int defaultPort() {
            return defaultPort;
        }
    }

    /** How the register words are read; all big-endian, strings two characters a register. */
    public enum Type {
        /** ASCII, NUL-padded; all NUL means not implemented. */
        STRING,
        /** Unsigned 16 bit; 0xFFFF means not implemented. */
        UINT16,
        /** Signed 16 bit; 0x8000 means not implemented. */
        INT16,
        /** Unsigned 32 bit, high word first; 0xFFFFFFFF means not implemented. */
        UINT32,
        /** Signed 32 bit, high word first; 0x80000000 means not implemented. */
        INT32
    }

    private final Scope scope;
    private final Layout layout;
    private final int address;
    private final Type type;
    private final int count;
    private final String key;
    private final Unit unit;
    private final double scale;
    private final double offset;
    private final Metric metric;
    private final String source;

    SunVaultRegister(
            Scope scope,
            Layout layout,
            int address,
            Type type,
            int count,
            String key,
            Unit unit,
            double scale,
            double offset,
            Metric metric,
            String source) {
        this.scope = scope;
        this.layout = layout;
        this.address = address;
        this.type = type;
        this.count = count;
        this.key = key;
        this.unit = unit;
        this.scale = scale;
        this.offset = offset;
        this.metric = metric;
        this.source = source;
    }

    /**
     * The registers a unit of this kind is read for, in table order.
     *
     * @param kind the unit kind
     * @return the registers
     */
    public static List<SunVaultRegister> of(SunVaultUnit.Kind kind) {
        List<SunVaultRegister> out = new ArrayList<>();
        for (SunVaultRegister r : values()) {
            if (r.scope.covers(kind)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Which units carry this register.
     *
     * @return the scope
     */
    public Scope scope() {
        return scope;
    }

    /**
     * Which register map (and so which TCP port) holds it.
     *
     * @return the layout
     */
    public Layout layout() {
        return layout;
    }

    /**
     * The first register's address, as the device documents it (no 40001 offset games).
     *
     * @return the address
     */
    public int address() {
        return address;
    }

    /**
     * How the words are read.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * How many 16-bit registers it spans.
     *
     * @return 1, 2, or a string's length in registers
     */
    public int count() {
        return count;
    }

    /**
     * The snake_case key in the {@code <device>/<key>} layout.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The unit of the decoded value; {@link Unit#NONE} for text and raw values.
     *
     * @return the unit
     */
    public Unit unit() {
        return unit;
    }

    /**
     * The factor applied to the raw integer.
     *
     * @return the scale
     */
    public double scale() {
        return scale;
    }

    /**
     * What is added after scaling (only the Kelvin temperature has one).
     *
     * @return the offset
     */
    public double offset() {
        return offset;
    }

    /**
     * The solarwire metric the value becomes in a reading, or null for values kept only in the flat
     * map (text, raw setpoints).
     *
     * @return the metric or null
     */
    public Metric metric() {
        return metric;
    }

    /**
     * Where the entry comes from, and which parts of it are guesses.
     *
     * @return the source note
     */
    public String source() {
        return source;
    }
}
