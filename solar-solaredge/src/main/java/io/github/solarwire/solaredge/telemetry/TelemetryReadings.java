package io.github.solarwire.solaredge.telemetry;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps telemetry records to solarwire readings: one per inverter, optimizer, battery and meter
 * record, with metrics in canonical units (W, Wh, V, A, Hz, °C, s). Events and unknown records
 * have no reading.
 *
 * <p>Device ids are the peer's: the inverter or optimizer id ({@code 7F104920}), the battery
 * serial, and {@code <inverter id>.<record type label>} for a meter ({@code
 * 7F104920.9_PVProduction}). Values the device marks as not reported (NaN, or the f32 {@code
 * -3.4028235e38}) are left out. Stateless and thread-safe.
 */
public final class TelemetryReadings {

    /** Vendor name in every device info. */
    public static final String VENDOR = "SolarEdge";

    /** Protocol name in every device info. */
    public static final String PROTOCOL = "solaredge";

    private static final Metric INTERVAL = Metric.gauge("solaredge.interval", Unit.SECOND);
    private static final Metric ENERGY_INTERVAL = Metric.gauge("solaredge.energy.interval", Unit.WATT_HOUR);
    private static final Metric DC_VOLTAGE = Metric.gauge("solaredge.dc.voltage", Unit.VOLT);
    private static final Metric FREQUENCY_L2 = Metric.gauge("solaredge.ac.frequency.l2", Unit.HERTZ);
    private static final Metric FREQUENCY_L3 = Metric.gauge("solaredge.ac.frequency.l3", Unit.HERTZ);
    private static final Metric POWER_FACTOR_L1 = Metric.gauge("solaredge.ac.power_factor.l1", Unit.NONE);
    private static final Metric POWER_FACTOR_L2 = Metric.gauge("solaredge.ac.power_factor.l2", Unit.NONE);
    private static final Metric POWER_FACTOR_L3 = Metric.gauge("solaredge.ac.power_factor.l3", Unit.NONE);
    private static final Metric GROUND_FAULT_RESISTANCE = Metric.gauge("solaredge.ground_fault_resistance", Unit.OHM);
    private static final Metric OPTIMIZER_OUTPUT_VOLTAGE =
            Metric.gauge("solaredge.optimizer.output.voltage", Unit.VOLT);
    private static final Metric OPTIMIZER_TEMPERATURE = Metric.gauge("solaredge.optimizer.temperature", Unit.CELSIUS);
    private static final Metric BATTERY_CAPACITY_NOMINAL =
            Metric.gauge("solaredge.battery.capacity.nominal", Unit.WATT_HOUR);
    private static final Metric BATTERY_STORED = Metric.gauge("solaredge.battery.energy.stored", Unit.WATT_HOUR);
    private static final Metric BATTERY_IN_INTERVAL =
            Metric.gauge("solaredge.battery.energy.in.interval", Unit.WATT_HOUR);
    private static final Metric BATTERY_OUT_INTERVAL =
            Metric.gauge("solaredge.battery.energy.out.interval", Unit.WATT_HOUR);
    private static final Metric METER_POWER_TO = Metric.gauge("solaredge.meter.power.to", Unit.WATT);
    private static final Metric METER_POWER_FROM = Metric.gauge("solaredge.meter.power.from", Unit.WATT);
    private static final Metric METER_ENERGY_TO = Metric.gauge("solaredge.meter.energy.to.interval", Unit.WATT_HOUR);
    private static final Metric METER_ENERGY_FROM =
            Metric.gauge("solaredge.meter.energy.from.interval", Unit.WATT_HOUR);

    /** Below this an f32 is the "not reported" value -3.4028235e38. */
    private static final double NOT_REPORTED = -3e38;

    private static final String REPORTED = "0000";

    private TelemetryReadings() {}

    /**
     * The readings of a batch's records, in record order.
     *
     * @param records decoded records
     * @return one reading per inverter, optimizer, battery and meter record
     */
    public static List<Reading> readings(List<TelemetryRecord> records) {
        List<Reading> out = new ArrayList<>(records.size());
        for (TelemetryRecord r : records) {
            reading(r).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The reading of one record.
     *
     * @param record a decoded record
     * @return the reading, or empty for events and unknown records
     */
    public static Optional<Reading> reading(TelemetryRecord record) {
        Reading.Builder b;
        if (record instanceof SinglePhaseInverterRecord r) {
            b = inverter(r, r.uptime(), r.interval(), r.temperature(), r.energyToday(), r.energyInterval());
            add(b, Metrics.AC_VOLTAGE_L1, r.acVoltage());
            add(b, Metrics.AC_CURRENT_L1, r.acCurrent());
            add(b, Metrics.AC_FREQUENCY, r.frequency());
            add(b, DC_VOLTAGE, r.dcVoltage());
            add(b, Metrics.PV_ENERGY_TOTAL, r.energyTotal());
            add(b, Metrics.AC_POWER, r.acPower());
        } else if (record instanceof ThreePhaseInverterRecord r) {
            b = inverter(r, r.uptime(), r.interval(), r.temperature(), r.energyToday(), r.energyInterval());
            add(b, Metrics.AC_VOLTAGE_L1, r.acVoltage1());
            add(b, Metrics.AC_VOLTAGE_L2, r.acVoltage2());
            add(b, Metrics.AC_VOLTAGE_L3, r.acVoltage3());
            add(b, Metrics.AC_CURRENT_L1, r.acCurrent1());
            add(b, Metrics.AC_CURRENT_L2, r.acCurrent2());
            add(b, Metrics.AC_CURRENT_L3, r.acCurrent3());
            add(b, Metrics.AC_FREQUENCY, r.frequency1());
            add(b, FREQUENCY_L2, r.frequency2());
            add(b, FREQUENCY_L3, r.frequency3());
            add(b, POWER_FACTOR_L1, r.cosPhi1());
            add(b, POWER_FACTOR_L2, r.cosPhi2());
            add(b, POWER_FACTOR_L3, r.cosPhi3());
            add(b, DC_VOLTAGE, r.dcVoltage());
            add(b, Metrics.PV_ENERGY_TOTAL, r.energyTotal());
            add(b, GROUND_FAULT_RESISTANCE, r.groundFaultResistance());
            b.state("solaredge.mode", modeName(r.mode()));
        } else if (record instanceof LegacyOptimizerRecord r) {
            b = builder(r, r.deviceId(), "optimizer", r.inverterId(), null);
            add(b, Metrics.UPTIME, r.uptime());
            optimizer(b, r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
            add(b, Metrics.PV_ENERGY_TODAY, r.energyToday());
            add(b, OPTIMIZER_TEMPERATURE, r.temperature());
        } else if (record instanceof PackedOptimizerRecord r) {
            b = builder(r, r.deviceId(), "optimizer", null, null);
            add(b, Metrics.UPTIME, r.uptime());
            optimizer(b, r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
            add(b, Metrics.PV_ENERGY_TODAY, r.energyToday());
            add(b, OPTIMIZER_TEMPERATURE, r.temperature());
        } else if (record instanceof S440OptimizerRecord r) {
            b = builder(r, r.deviceId(), "optimizer", null, null);
            add(b, Metrics.UPTIME, r.uptime());
            optimizer(b, r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
        } else if (record instanceof BatteryRecord r) {
            b = builder(r, batteryDeviceId(r), "battery", r.deviceId(), r.batteryId());
            battery(b, r);
        } else if (record instanceof MeterRecord r) {
            b = builder(r, r.deviceId() + "." + r.recordTypeLabel(), "meter", r.deviceId(), null);
            meter(b, r);
        } else {
            return Optional.empty();
        }
        return Optional.of(b.build());
    }

    private static Reading.Builder builder(TelemetryRecord r, String id, String kind, String parentId, String serial) {
        DeviceInfo info = DeviceInfo.builder(id, kind)
                .vendor(VENDOR)
                .protocol(PROTOCOL)
                .serial(serial == null ? id : serial)
                .parentId(parentId)
                .build();
        return Reading.builder(info, r.time());
    }

    private static Reading.Builder inverter(
            TelemetryRecord r, long uptime, long interval, double temperature, double eday, double eac) {
        Reading.Builder b = builder(r, r.deviceId(), "inverter", null, null);
        add(b, Metrics.UPTIME, uptime);
        add(b, INTERVAL, interval);
        add(b, Metrics.TEMPERATURE_INVERTER, temperature);
        add(b, Metrics.PV_ENERGY_TODAY, eday);
        add(b, ENERGY_INTERVAL, eac);
        return b;
    }

    private static void optimizer(Reading.Builder b, double vmod, double vopt, double imod) {
        add(b, Metrics.DC_VOLTAGE_PV1, vmod);
        add(b, OPTIMIZER_OUTPUT_VOLTAGE, vopt);
        add(b, Metrics.DC_CURRENT_PV1, imod);
        add(b, Metrics.DC_POWER_PV1, vmod * imod);
    }

    private static void battery(Reading.Builder b, BatteryRecord r) {
        add(b, Metrics.BATTERY_VOLTAGE, r.dcVoltage());
        // SolarEdge reports a negative current while charging, as solarwire's battery.current does.
        add(b, Metrics.BATTERY_CURRENT, r.dcCurrent());
        add(b, Metrics.BATTERY_POWER, r.dcVoltage() * r.dcCurrent());
        add(b, Metrics.BATTERY_TEMPERATURE, r.temperature());
        add(b, Metrics.BATTERY_CAPACITY, r.capacityActual());
        add(b, BATTERY_CAPACITY_NOMINAL, r.capacityNominal());
        add(b, BATTERY_STORED, r.charge());
        if (r.capacityActual() > 0) {
            add(b, Metrics.BATTERY_SOC, Math.min(100.0, 100.0 * r.charge() / r.capacityActual()));
        }
        add(b, Metrics.BATTERY_CHARGE_ENERGY_TOTAL, r.totalEnergyIn());
        add(b, Metrics.BATTERY_DISCHARGE_ENERGY_TOTAL, r.totalEnergyOut());
        add(b, INTERVAL, r.interval());
        add(b, BATTERY_IN_INTERVAL, r.energyIn());
        add(b, BATTERY_OUT_INTERVAL, r.energyOut());
        b.state("solaredge.battery.status", batteryStatus(r.chargingStatus()));
    }

    private static void meter(Reading.Builder b, MeterRecord r) {
        add(b, INTERVAL, r.interval());
        add(b, METER_POWER_TO, r.powerToX());
        add(b, METER_POWER_FROM, r.powerFromX());
        add(b, METER_ENERGY_TO, r.energyToX());
        add(b, METER_ENERGY_FROM, r.energyFromX());
        switch (r.recordType()) {
            case 3 -> add(b, Metrics.LOAD_POWER, r.powerFromX());
            case 5 -> {
                add(b, Metrics.GRID_POWER, r.powerFromX() - r.powerToX());
                if (REPORTED.equals(r.flag12())) {
                    add(b, Metrics.GRID_EXPORT_ENERGY_TOTAL, r.totalToGrid());
                }
                if (REPORTED.equals(r.flag20())) {
                    add(b, Metrics.GRID_IMPORT_ENERGY_TOTAL, r.totalFromGrid());
                }
            }
            case 9 -> add(b, Metrics.PV_POWER, r.powerToX());
            default -> {
                // the other record types have no well-known meaning yet
            }
        }
    }

    private static String batteryDeviceId(BatteryRecord r) {
        StringBuilder s = new StringBuilder();
        String serial = r.batteryId();
        for (int i = 0; i < serial.length(); i++) {
            char c = serial.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
            s.append(ok ? c : '_');
        }
        if (s.length() == 0 || !Character.isLetterOrDigit(s.charAt(0))) {
            s.insert(0, r.deviceId() + ".battery");
        }
        return s.toString();
    }

    private static void add(Reading.Builder b, Metric metric, double value) {
        if (value > NOT_REPORTED) {
            b.addIfFinite(metric, value);
        }
    }

    /**
     * The name of a three-phase inverter's operating mode.
     *
     * @param mode the raw mode
     * @return {@code off}, {@code sleeping}, {@code starting}, {@code mppt}, {@code shutting_down},
     *     {@code standby}, or {@code mode_<n>}
     */
    public static String modeName(long mode) {
        return switch ((int) Math.min(mode, Integer.MAX_VALUE)) {
            case 1 -> "off";
            case 2 -> "sleeping";
            case 3 -> "starting";
            case 4 -> "mppt";
            case 6 -> "shutting_down";
            case 8 -> "standby";
            default -> "mode_" + mode;
        };
    }

    private static String batteryStatus(int status) {
        return switch (status) {
            case 3 -> "charging";
            case 4 -> "discharging";
            case 6 -> "holding";
            default -> "status_" + status;
        };
    }
}
