package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Computes {@link MeterAggregates} from a {@link Site} (see {@link LegacyViews#aggregates}). */
final class Aggregates {

    private static final long TIMEOUT = 1_500_000_000L;
    private static final long SOLAR_TIMEOUT = 1_000_000_000L;

    private Aggregates() {}

    static MeterAggregates of(Site site) {
        String time = Trees.text(site.status, "system", "time");
        JsonNode bus = Trees.at(site.status, "esCan", "bus");
        JsonNode island = Trees.at(bus, "ISLANDER", "ISLAND_AcMeasurements");
        return new MeterAggregates(
                site(site, time, bus, island),
                battery(site, time, bus),
                load(site, time, island),
                solar(site, time, bus));
    }

    /**
     * Line-to-line voltage from up to three line-to-neutral voltages (null = absent). Only legs
     * above 100 V count: none gives the plain sum, one that leg, two their sum (split phase),
     * three the mean of the 120° line-to-line voltages.
     */
    static double lineToLine(Double v1, Double v2, Double v3) {
        double a = v1 == null ? 0 : v1;
        double b = v2 == null ? 0 : v2;
        double c = v3 == null ? 0 : v3;
        double[] active = new double[3];
        int n = 0;
        for (double v : new double[] {a, b, c}) {
            if (Math.abs(v) > 100) {
                active[n++] = v;
            }
        }
        switch (n) {
            case 0:
                return a + b + c;
            case 1:
                return active[0];
            case 2:
                return active[0] + active[1];
            default:
                return (Math.sqrt(a * a + b * b + a * b)
                                + Math.sqrt(b * b + c * c + b * c)
                                + Math.sqrt(c * c + a * a + c * a))
                        / 3;
        }
    }

    private static Double nonZero(double v) {
        return v == 0 ? null : v;
    }

    private static Double divide(Double power, Double voltage) {
        return power == null || voltage == null ? null : power / voltage;
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }

    /** A CT current, negative when that CT's real power is. */
    private static double ct(JsonNode meter, String prefix, char phase) {
        double i = orZero(Trees.number(meter, prefix + "CT" + phase + "_I"));
        Double p = Trees.number(meter, prefix + "CT" + phase + "_InstRealPower");
        return p != null && p < 0 ? -Math.abs(i) : i;
    }

    private static MeterAggregates.Meter site(Site site, String time, JsonNode bus, JsonNode island) {
        Double power = site.power("site");
        JsonNode meterX = Trees.object(Trees.at(bus, "SYNC", "METER_X_AcMeasurements"));
        JsonNode meterZ = Trees.object(Trees.at(bus, "MSA", "METER_Z_AcMeasurements"));
        double[] i = new double[3];
        Double[] v = new Double[3];
        String used = "unknown";
        JsonNode meter = null;
        String prefix = null;
        if (meterX != null && meterX.size() > 0 && !Trees.truthy(meterX.get("isMIA"))) {
            meter = meterX;
            prefix = "METER_X_";
            used = "Meter X";
        } else if (meterZ != null && meterZ.size() > 0 && !Trees.truthy(meterZ.get("isMIA"))) {
            meter = meterZ;
            prefix = "METER_Z_";
            used = "Meter Z";
        }
        if (meter != null) {
            for (int k = 0; k < 3; k++) {
                v[k] = Trees.number(island, "ISLAND_VL" + (k + 1) + "N_Main");
                i[k] = ct(meter, prefix, (char) ('A' + k));
            }
        } else if (!Trees.elements(site.status, "neurio", "readings").isEmpty()) {
            used = "Neurio";
            neurioSite(site, v, i);
        }
        if (v[2] != null && v[2] == 0) {
            v[2] = null;
        }
        Double voltage = nonZero(lineToLine(v[0], v[1], v[2]));
        Double current = divide(power, voltage);
        return new MeterAggregates.Meter(
                time, power, voltage, current, i[0], i[1], i[2], 1, TIMEOUT, "site: voltage/current from " + used);
    }

    /** Neurio CTs that config places at the site, in order, fill the legs. */
    private static void neurioSite(Site site, Double[] v, double[] i) {
        int leg = 0;
        for (JsonNode reading : Trees.elements(site.status, "neurio", "readings")) {
            String serial = Trees.text(reading, "serial");
            JsonNode meter = null;
            for (JsonNode m : Trees.elements(site.config, "meters")) {
                if (serial != null && serial.equals(Trees.text(m, "connection", "device_serial"))) {
                    meter = m;
                }
            }
            List<JsonNode> cts = Trees.elements(meter, "cts");
            List<JsonNode> data = Trees.elements(reading, "dataRead");
            for (int k = 0; k < data.size() && k < cts.size() && leg < 3; k++) {
                if (!Trees.truthy(cts.get(k)) || !"site".equals(Trees.text(meter, "location"))) {
                    continue;
                }
                JsonNode d = data.get(k);
                double current = orZero(Trees.number(d, "currentA"));
                double real = orZero(Trees.number(d, "realPowerW"));
                i[leg] = Math.copySign(current, real);
                v[leg] = Trees.number(d, "voltageV");
                leg++;
            }
        }
    }

    private static MeterAggregates.Meter load(Site site, String time, JsonNode island) {
        Double power = site.power("load");
        Double voltage = nonZero(lineToLine(
                Trees.number(island, "ISLAND_VL1N_Load"),
                Trees.number(island, "ISLAND_VL2N_Load"),
                Trees.number(island, "ISLAND_VL3N_Load")));
        return new MeterAggregates.Meter(
                time,
                power,
                voltage,
                divide(power, voltage),
                0,
                0,
                0,
                1,
                TIMEOUT,
                "load: voltage from ISLAND_AcMeasurements, current calculated from power");
    }

    /** The AC voltage of each PW3 (its PCH drives both the PV and the battery side). */
    private static List<Double> pw3AcVoltages(Site site) {
        List<Double> volts = new ArrayList<>();
        site.pw3Units.forEach(u -> volts.add(u.acVoltage()));
        return volts;
    }

    /** Devices that report no voltage (null or 0) are left out of the average. */
    private static int nonZeroCount(List<Double> volts) {
        return (int) volts.stream().filter(v -> v != null && v != 0).count();
    }

    private static double nonZeroSum(List<Double> volts) {
        return volts.stream()
                .filter(v -> v != null && v != 0)
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static MeterAggregates.Meter solar(Site site, String time, JsonNode bus) {
        Double power = site.power("solar");
        List<Double> volts = pw3AcVoltages(site);
        for (JsonNode p : Trees.elements(bus, "PVAC")) {
            if (Trees.truthy(Trees.at(p, "packageSerialNumber"))) {
                volts.add(Trees.number(p, "PVAC_Status", "PVAC_Vout"));
            }
        }
        int count = nonZeroCount(volts);
        double voltage = count > 0 ? nonZeroSum(volts) / count : 0;
        JsonNode meterY = Trees.at(bus, "SYNC", "METER_Y_AcMeasurements");
        if (voltage == 0) {
            voltage = lineToLine(
                    Trees.number(meterY, "METER_Y_VL1N"),
                    Trees.number(meterY, "METER_Y_VL2N"),
                    Trees.number(meterY, "METER_Y_VL3N"));
        }
        Double v = nonZero(voltage);
        return new MeterAggregates.Meter(
                time,
                power,
                v,
                divide(power, v),
                orZero(Trees.number(meterY, "METER_Y_CTA_I")),
                orZero(Trees.number(meterY, "METER_Y_CTB_I")),
                orZero(Trees.number(meterY, "METER_Y_CTC_I")),
                count,
                SOLAR_TIMEOUT,
                "solar: voltage from PVAC, calculated current from power");
    }

    private static MeterAggregates.Meter battery(Site site, String time, JsonNode bus) {
        Double power = site.power("battery");
        List<Double> volts = pw3AcVoltages(site);
        for (JsonNode p : Trees.elements(bus, "PINV")) {
            volts.add(Trees.number(p, "PINV_Status", "PINV_Vout"));
        }
        int count = nonZeroCount(volts);
        Double voltage = count > 0 ? nonZero(nonZeroSum(volts) / count) : null;
        return new MeterAggregates.Meter(
                time,
                power,
                voltage,
                divide(power, voltage),
                0,
                0,
                0,
                count,
                TIMEOUT,
                "battery: voltage from PINV, calculated current from power");
    }
}
