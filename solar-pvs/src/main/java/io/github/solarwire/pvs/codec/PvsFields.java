package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.MetricKind;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.util.List;
import java.util.Map;

/**
 * The one table of PVS device fields: each DeviceList (snake_case) and varserver (camelCase) name,
 * the metric it becomes and the factor to its canonical unit, so both APIs map alike.
 */
final class PvsFields {

    /** One field. */
    private record Field(String dlName, String varName, Metric metric, double scale) {}

    /** One text field that becomes a reading state. */
    private record State(String dlName, String varName, String key) {}

    private static final double KILO = 1000.0;
    private static final double PERCENT = 100.0;

    private static final List<Field> INVERTER = List.of(
            new Field("p_3phsum_kw", "p3phsumKw", Metrics.AC_POWER, KILO),
            new Field("vln_3phavg_v", "vln3phavgV", Metrics.AC_VOLTAGE_L1, 1),
            new Field("i_3phsum_a", "i3phsumA", Metrics.AC_CURRENT_L1, 1),
            new Field("freq_hz", "freqHz", Metrics.AC_FREQUENCY, 1),
            new Field("ltea_3phsum_kwh", "ltea3phsumKwh", Metrics.PV_ENERGY_TOTAL, KILO),
            new Field("p_mppt1_kw", "pMppt1Kw", Metrics.DC_POWER_PV1, KILO),
            new Field("v_mppt1_v", "vMppt1V", Metrics.DC_VOLTAGE_PV1, 1),
            new Field("i_mppt1_a", "iMppt1A", Metrics.DC_CURRENT_PV1, 1),
            new Field("p_mpptsum_kw", "pMpptsumKw", gauge("pvs.dc.power.sum", Unit.WATT), KILO),
            new Field("t_htsnk_degc", "tHtsnkDegc", Metrics.TEMPERATURE_HEATSINK, 1));

    private static final List<Field> METER = List.of(
            new Field("p_3phsum_kw", "p3phsumKw", Metrics.AC_POWER, KILO),
            new Field("q_3phsum_kvar", "q3phsumKvar", Metrics.AC_REACTIVE_POWER, KILO),
            new Field("s_3phsum_kva", "s3phsumKva", Metrics.AC_APPARENT_POWER, KILO),
            new Field("tot_pf_rto", "totPfRto", Metrics.AC_POWER_FACTOR, 1),
            new Field("freq_hz", "freqHz", Metrics.AC_FREQUENCY, 1),
            new Field("net_ltea_3phsum_kwh", "netLtea3phsumKwh", total("pvs.meter.energy.net.total"), KILO),
            new Field("pos_ltea_3phsum_kwh", "posLtea3phsumKwh", total("pvs.meter.energy.positive.total"), KILO),
            new Field("neg_ltea_3phsum_kwh", "negLtea3phsumKwh", total("pvs.meter.energy.negative.total"), KILO),
            new Field("p1_kw", "p1Kw", Metrics.AC_POWER_L1, KILO),
            new Field("p2_kw", "p2Kw", Metrics.AC_POWER_L2, KILO),
            new Field("i1_a", "i1A", Metrics.AC_CURRENT_L1, 1),
            new Field("i2_a", "i2A", Metrics.AC_CURRENT_L2, 1),
            new Field("i_a", "iA", gauge("pvs.meter.current", Unit.AMPERE), 1),
            new Field("v1n_v", "v1nV", Metrics.AC_VOLTAGE_L1, 1),
            new Field("v2n_v", "v2nV", Metrics.AC_VOLTAGE_L2, 1),
            new Field("v12_v", "v12V", gauge("pvs.ac.voltage.l1_l2", Unit.VOLT), 1),
            new Field("ct_scl_fctr", "ctSclFctr", gauge("pvs.meter.ct_rating", Unit.AMPERE), 1),
            new Field("CAL0", "cal0", gauge("pvs.meter.cal0", Unit.AMPERE), 1));

    private static final List<Field> SUPERVISOR = List.of(
            new Field("dl_uptime", "uptime", Metrics.UPTIME, 1),
            new Field("dl_cpu_load", "cpuLoad", gauge("pvs.cpu_load", Unit.NONE), 1),
            new Field("dl_mem_used", "memUsed", gauge("pvs.memory_used_kib", Unit.NONE), 1),
            new Field("dl_flash_avail", "flashAvail", gauge("pvs.flash_available_kib", Unit.NONE), 1),
            new Field("dl_untransmitted", "untransmitted", gauge("pvs.untransmitted", Unit.NONE), 1),
            new Field("dl_err_count", "errCount", gauge("pvs.error_count", Unit.NONE), 1),
            new Field("dl_comm_err", "commErr", gauge("pvs.comm_errors", Unit.NONE), 1),
            new Field("dl_skipped_scans", "skippedScans", gauge("pvs.skipped_scans", Unit.NONE), 1),
            new Field("dl_scan_time", "scanTime", gauge("pvs.scan_time", Unit.SECOND), 1));

    private static final List<Field> BATTERY = List.of(
            new Field("soc_val", "socVal", Metrics.BATTERY_SOC, PERCENT),
            new Field("customer_soc_val", "customerSocVal", gauge("pvs.battery.customer_soc", Unit.PERCENT), PERCENT),
            new Field("soh_val", "sohVal", gauge("pvs.battery.soh", Unit.PERCENT), PERCENT),
            new Field("p_3phsum_kw", "p3phsumKw", Metrics.BATTERY_POWER, KILO),
            new Field("v_batt_v", "vBattV", Metrics.BATTERY_VOLTAGE, 1),
            new Field("pos_ltea_3phsum_kwh", "posLtea3phsumKwh", total("pvs.battery.energy.positive.total"), KILO),
            new Field("neg_ltea_3phsum_kwh", "negLtea3phsumKwh", total("pvs.battery.energy.negative.total"), KILO),
            new Field("t_invtr_degc", "tInvtrDegc", Metrics.TEMPERATURE_INVERTER, 1),
            new Field(
                    "max_t_batt_cell_degc",
                    "maxTBattCellDegc",
                    gauge("pvs.battery.cell.temperature.max", Unit.CELSIUS),
                    1),
            new Field(
                    "min_t_batt_cell_degc",
                    "minTBattCellDegc",
                    gauge("pvs.battery.cell.temperature.min", Unit.CELSIUS),
                    1),
            new Field("max_v_batt_cell_v", "maxVBattCellV", gauge("pvs.battery.cell.voltage.max", Unit.VOLT), 1),
            new Field("min_v_batt_cell_v", "minVBattCellV", gauge("pvs.battery.cell.voltage.min", Unit.VOLT), 1),
            new Field("chrg_limit_pmax_kw", "chrgLimitPmaxKw", gauge("pvs.battery.charge_limit", Unit.WATT), KILO),
            new Field("dischrg_lim_pmax_kw", "dischrgLimPmaxKw", gauge("pvs.battery.discharge_limit", Unit.WATT), KILO),
            new Field("v1n_v", "v1nV", Metrics.AC_VOLTAGE_L1, 1),
            new Field("v2n_v", "v2nV", Metrics.AC_VOLTAGE_L2, 1));

    private static final List<Field> TRANSFER_SWITCH = List.of(
            new Field("t_degc", "tDegc", gauge("pvs.temperature", Unit.CELSIUS), 1),
            new Field("v1n_grid_v", "v1nGridV", gauge("pvs.grid.voltage.l1", Unit.VOLT), 1),
            new Field("v2n_grid_v", "v2nGridV", gauge("pvs.grid.voltage.l2", Unit.VOLT), 1),
            new Field("v1n_v", "v1nV", Metrics.AC_VOLTAGE_L1, 1),
            new Field("v2n_v", "v2nV", Metrics.AC_VOLTAGE_L2, 1),
            new Field("v_spply_v", "vSpplyV", gauge("pvs.supply.voltage", Unit.VOLT), 1));

    private static final List<State> STATES = List.of(
            new State("STATE", "state", "status"),
            new State("STATEDESCR", "stateDescr", "pvs.state_description"),
            new State("TYPE", "type", "pvs.type"),
            new State("subtype", "subtype", "pvs.meter.subtype"),
            new State("PANEL", "panel", "pvs.panel"),
            new State("stat_ind", "statInd", "pvs.stat_ind"),
            new State("panid", "panid", "pvs.panid"),
            new State("op_mode", "opMode", "pvs.ess.op_mode"),
            new State("mid_st_enum", "midStEnum", "pvs.mid_state"),
            new State("pvd1_st_enum", "pvd1StEnum", "pvs.pvd1_state"));

    private PvsFields() {}

    private static Metric gauge(String key, Unit unit) {
        return Metric.gauge(key, unit);
    }

    private static Metric total(String key) {
        return new Metric(key, Unit.WATT_HOUR, MetricKind.TOTAL, null);
    }

    /** The solarwire device kind for a PVS device type (DeviceList {@code DEVICE_TYPE} or varserver path). */
    static String kind(String pvsType) {
        return switch (pvsType) {
            case "PVS", "supervisor" -> "supervisor";
            case "Power Meter", "meter" -> "meter";
            case "Inverter", "inverter" -> "inverter";
            case "ess", "ESS" -> "battery";
            case "transfer_switch" -> "transfer_switch";
            default -> "device";
        };
    }

    /** A DeviceInfo id from a serial: characters outside {@code [A-Za-z0-9_.-]} become {@code _}. */
    static String id(String serial) {
        StringBuilder s = new StringBuilder(Math.min(serial.length(), 120));
        for (int i = 0; i < serial.length() && s.length() < 120; i++) {
            char c = serial.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
            s.append(ok ? c : '_');
        }
        if (s.length() == 0 || !Character.isLetterOrDigit(s.charAt(0))) {
            s.insert(0, "pvs");
        }
        return s.toString();
    }

    /** The device info for a PVS device. */
    static DeviceInfo device(String id, String kind, String model, String serial, String firmware, String parentId) {
        return DeviceInfo.builder(id, kind)
                .vendor("SunPower")
                .protocol("pvs")
                .model(model)
                .serial(serial)
                .firmware(firmware)
                .parentId(parentId)
                .build();
    }

    /**
     * Adds every known field of one device to a reading.
     *
     * @param varserver true for camelCase varserver names, false for DeviceList names
     */
    static void addAll(Reading.Builder b, String kind, Map<String, String> fields, boolean varserver, String where)
            throws ProtocolException {
        List<Field> table = switch (kind) {
            case "inverter" -> INVERTER;
            case "meter" -> METER;
            case "supervisor" -> SUPERVISOR;
            case "battery" -> BATTERY;
            case "transfer_switch" -> TRANSFER_SWITCH;
            default -> List.of();
        };
        for (Field f : table) {
            String name = varserver ? f.varName() : f.dlName();
            Double v = Values.number(fields.get(name), where + " field " + name);
            if (v != null) {
                double scaled = v * f.scale();
                if (!Double.isFinite(scaled)) {
                    throw new ProtocolException(
                            "value of " + where + " field " + name + " is out of range",
                            -1,
                            "a finite number",
                            fields.get(name));
                }
                b.add(f.metric(), scaled);
            }
        }
        for (State s : STATES) {
            String text = fields.get(varserver ? s.varName() : s.dlName());
            if (text != null && !text.isBlank()) {
                b.state(s.key(), text.strip());
            }
        }
    }
}
