package io.github.solarwire.solaredge.telemetry;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one 0x0500 message nested as semonitor nests them in its JSON line: {@code
 * inverters}, {@code optimizers} and {@code events} (always present) map a device id to its
 * fields; {@code batteries_0x0030} maps inverter id → battery id → fields; {@code meters_0x0022}
 * maps inverter id → record type label → fields; {@code Unknown_device_0xNNNN} maps device id →
 * fields.
 *
 * <p>Field values are {@link String}, {@link Long}, {@link Integer} or {@link Double} (NaN where
 * the peer writes NaN), under the peer's key names. Every map is a {@link TreeMap}, so iteration
 * is in the sorted order semonitor writes. A later record with the same keys replaces the fields
 * of an earlier one, as in the peer. Stateless and thread-safe.
 */
public final class SemonitorView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private static final Integer ZERO = 0;

    private SemonitorView() {}

    /**
     * Nests the records of one message.
     *
     * @param records the message's records, in payload order
     * @param zone the time zone Date, Time and event times are written in (semonitor uses the
     *     machine's local zone)
     * @return category → id → fields (or a further level for batteries and meters), sorted
     */
    public static Map<String, Map<String, Object>> of(List<TelemetryRecord> records, ZoneId zone) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        out.put("inverters", new TreeMap<>());
        out.put("optimizers", new TreeMap<>());
        out.put("events", new TreeMap<>());
        for (TelemetryRecord record : records) {
            add(out, record, zone);
        }
        return out;
    }

    private static void add(Map<String, Map<String, Object>> out, TelemetryRecord record, ZoneId zone) {
        Map<String, Object> f = new TreeMap<>();
        if (!(record instanceof BatteryRecord || record instanceof MeterRecord || record instanceof UnknownRecord)) {
            ZonedDateTime t = Instant.ofEpochSecond(record.timestamp()).atZone(zone);
            f.put("Date", DATE.format(t));
            f.put("Time", TIME.format(t));
            f.put("ID", record.deviceId());
        }
        if (record instanceof SinglePhaseInverterRecord r) {
            f.put("Uptime", r.uptime());
            f.put("Interval", r.interval());
            f.put("Temp", r.temperature());
            f.put("Eday", r.energyToday());
            f.put("Eac", r.energyInterval());
            f.put("Vac", r.acVoltage());
            f.put("Iac", r.acCurrent());
            f.put("Freq", r.frequency());
            f.put("Vdc", r.dcVoltage());
            f.put("Etot", r.energyTotal());
            f.put("Pmax", r.pmax());
            f.put("Pac", r.acPower());
            out.get("inverters").put(r.deviceId(), f);
        } else if (record instanceof ThreePhaseInverterRecord r) {
            threePhase(f, r);
            out.get("inverters").put(r.deviceId(), f);
        } else if (record instanceof LegacyOptimizerRecord r) {
            optimizer(f, r.inverterId(), r.uptime(), r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
            f.put("Eday", r.energyToday());
            f.put("Temp", r.temperature());
            out.get("optimizers").put(r.deviceId(), f);
        } else if (record instanceof PackedOptimizerRecord r) {
            optimizer(f, ZERO, r.uptime(), r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
            f.put("Eday", r.energyToday());
            f.put("Temp", r.temperature());
            out.get("optimizers").put(r.deviceId(), f);
        } else if (record instanceof S440OptimizerRecord r) {
            optimizer(f, ZERO, r.uptime(), r.moduleVoltage(), r.outputVoltage(), r.moduleCurrent());
            f.put("Eday", ZERO);
            f.put("Temp", ZERO);
            out.get("optimizers").put(r.deviceId(), f);
        } else if (record instanceof EventRecord r) {
            f.put("Type", r.type());
            f.put("Event1", asctime(r.event1(), zone));
            if (r.type() == 0) {
                f.put("Event2", asctime(r.event2(), zone));
                f.put("Event3", r.event3());
            } else {
                f.put("Event2", (long) r.event2());
                f.put("Event3", asctime(r.event3(), zone));
            }
            out.get("events").put(r.deviceId(), f);
        } else if (record instanceof BatteryRecord r) {
            parsedDevice(f, r, r.length(), zone);
            battery(f, r);
            merge(out, "batteries_0x0030", r.deviceId(), r.batteryId(), f);
        } else if (record instanceof MeterRecord r) {
            parsedDevice(f, r, r.length(), zone);
            meter(f, r);
            merge(out, "meters_0x0022", r.deviceId(), r.recordTypeLabel(), f);
        } else if (record instanceof UnknownRecord r) {
            parsedDevice(f, r, r.length(), zone);
            undeciphered(f, r.data());
            merge(out, category(r.deviceType()), r.deviceId(), null, f);
        }
    }

    /** The fields every optimizer format has; the peer writes the integer 0 for an unknown inverter. */
    private static void optimizer(
            Map<String, Object> f, Object inverter, long uptime, double vmod, double vopt, double imod) {
        f.put("Inverter", inverter);
        f.put("Uptime", uptime);
        f.put("Vmod", vmod);
        f.put("Vopt", vopt);
        f.put("Imod", imod);
    }

    private static void threePhase(Map<String, Object> f, ThreePhaseInverterRecord r) {
        f.put("Uptime", r.uptime());
        f.put("Interval", r.interval());
        f.put("Temp", r.temperature());
        f.put("Eday", r.energyToday());
        f.put("Eac", r.energyInterval());
        f.put("Vac1", r.acVoltage1());
        f.put("Vac2", r.acVoltage2());
        f.put("Vac3", r.acVoltage3());
        f.put("Iac1", r.acCurrent1());
        f.put("Iac2", r.acCurrent2());
        f.put("Iac3", r.acCurrent3());
        f.put("Freq1", r.frequency1());
        f.put("Freq2", r.frequency2());
        f.put("Freq3", r.frequency3());
        f.put("EdayDC", r.edayDc());
        f.put("Edc", r.edc());
        f.put("Vdc", r.dcVoltage());
        f.put("Idc", r.idc());
        f.put("Etot", r.energyTotal());
        f.put("Irdc", r.irdc());
        f.put("data21", r.data21());
        f.put("data22", r.data22());
        f.put("data23", r.data23());
        f.put("CosPhi1", r.cosPhi1());
        f.put("CosPhi2", r.cosPhi2());
        f.put("CosPhi3", r.cosPhi3());
        f.put("mode", r.mode());
        f.put("GndFrR", r.groundFaultResistance());
        f.put("data29", r.data29());
        f.put("IoutDC", r.outputDcCurrent());
        f.put("data31", r.data31());
    }

    private static void battery(Map<String, Object> f, BatteryRecord r) {
        f.put("batteryId", r.batteryId());
        f.put("Vdc", r.dcVoltage());
        f.put("Idc", r.dcCurrent());
        f.put("BattCapacityNom", r.capacityNominal());
        f.put("BattCapacityActual", r.capacityActual());
        f.put("BattCharge", r.charge());
        f.put("TotalEnergyIn", r.totalEnergyIn());
        f.put("AlwaysZero_40_float", r.zero40());
        f.put("TotalEnergyOut", r.totalEnergyOut());
        f.put("AlwaysZero_48_float", r.zero48());
        f.put("HexConst_52", hex(r.hexConst52()));
        f.put("HexConst_56", hex(r.hexConst56()));
        f.put("Temp", r.temperature());
        f.put("BattChargingStatus", r.chargingStatus());
        f.put("AlwaysZero_66_float", r.zero66());
        f.put("AlwaysZero_70_float", r.zero70());
        f.put("Interval", r.interval());
        f.put("EIn", r.energyIn());
        f.put("EOut", r.energyOut());
        undeciphered(f, r.undeciphered());
    }

    private static void meter(Map<String, Object> f, MeterRecord r) {
        f.put("recType", r.recordType());
        f.put("onlyIntervalData", r.onlyIntervalData());
        f.put("TotalE2Grid", r.totalToGrid());
        f.put("AlwaysZero_off10_int2", r.zero10());
        f.put("Flag_off12_hex", hex(r.flag12()));
        f.put("TotalEfromGrid", r.totalFromGrid());
        f.put("AlwaysZero_off18_int2", r.zero18());
        f.put("Flag_off20_hex", hex(r.flag20()));
        f.put("Totaloff22_int4", r.total22());
        f.put("AlwaysZero_off26_int2", r.zero26());
        f.put("Flag_off28_hex", hex(r.flag28()));
        f.put("Totaloff30_int4", r.total30());
        f.put("AlwaysZero_off34_int2", r.zero34());
        f.put("Flag_off36_hex", hex(r.flag36()));
        f.put("Interval", r.interval());
        f.put("E2X", r.energyToX());
        f.put("EfromX", r.energyFromX());
        f.put("P2X", r.powerToX());
        f.put("PfromX", r.powerFromX());
        undeciphered(f, r.undeciphered());
    }

    /** The keys every table-driven record (battery, meter, unknown) carries. */
    private static void parsedDevice(Map<String, Object> f, TelemetryRecord r, int length, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochSecond(r.timestamp()).atZone(zone);
        f.put("Date", DATE.format(t));
        f.put("Time", TIME.format(t));
        f.put("dateTime", r.timestamp());
        f.put("seType", String.format(Locale.ROOT, "0x%04x", r.deviceType()));
        f.put("seId", r.deviceId());
        f.put("devLen", length);
        f.put("devType", category(r.deviceType()));
    }

    private static void undeciphered(Map<String, Object> f, String hex) {
        if (!hex.isEmpty()) {
            f.put("Undeciphered_data", hex(hex));
        }
    }

    /**
     * The top-level key semonitor files a device type under.
     *
     * @param type the device type code
     * @return e.g. {@code inverters}, {@code meters_0x0022} or {@code Unknown_device_0x0017}
     */
    public static String category(int type) {
        return switch (type) {
            case SinglePhaseInverterRecord.TYPE, ThreePhaseInverterRecord.TYPE -> "inverters";
            case LegacyOptimizerRecord.TYPE, PackedOptimizerRecord.TYPE, S440OptimizerRecord.TYPE -> "optimizers";
            case EventRecord.TYPE -> "events";
            case BatteryRecord.TYPE -> "batteries_0x0030";
            case MeterRecord.TYPE -> "meters_0x0022";
            default -> String.format(Locale.ROOT, "Unknown_device_0x%04x", type);
        };
    }

    @SuppressWarnings("unchecked")
    private static void merge(
            Map<String, Map<String, Object>> out, String category, String id, String subKey, Map<String, Object> f) {
        Map<String, Object> byId = out.computeIfAbsent(category, k -> new TreeMap<>());
        if (subKey == null) {
            ((Map<String, Object>) byId.computeIfAbsent(id, k -> new TreeMap<>())).putAll(f);
        } else {
            Map<String, Object> bySub = (Map<String, Object>) byId.computeIfAbsent(id, k -> new TreeMap<>());
            ((Map<String, Object>) bySub.computeIfAbsent(subKey, k -> new TreeMap<>())).putAll(f);
        }
    }

    /**
     * Renders plain hex as the peer does: byte pairs separated by spaces, {@code " | "} between
     * 16-byte lines.
     */
    static String hex(String plain) {
        StringBuilder s = new StringBuilder(plain.length() * 3 / 2);
        for (int i = 0; i < plain.length(); i += 2) {
            if (i > 0) {
                s.append(i % 32 == 0 ? " | " : " ");
            }
            s.append(plain, i, i + 2);
        }
        return s.toString();
    }

    private static String asctime(long epochSeconds, ZoneId zone) {
        return ASCTIME.format(Instant.ofEpochSecond(epochSeconds).atZone(zone));
    }
}
