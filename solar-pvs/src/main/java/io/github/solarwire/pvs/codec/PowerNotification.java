package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.MetricKind;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The site totals the PVS publishes as the telemetry {@code power} notification and as the
 * varserver {@code /sys/livedata/*} variables, in SI units.
 *
 * <p>Kilowatts and kilowatt-hours are converted to W and Wh once, here. A field that is missing,
 * JSON null, empty or {@code "nan"} (what the PVS sends for battery fields without storage) is
 * {@code null}, never zero. {@link #raw()} keeps every field exactly as received, for republishing.
 *
 * <p>Sign conventions as the PVS reports them: {@code netPower} is positive when importing and
 * negative when exporting; {@code essPower} is positive when the battery discharges.
 *
 * @param time the {@code time} field: Unix seconds, or milliseconds when the value is at least
 *     10<sup>11</sup> (no plausible second count is that large); null when absent
 * @param pvPower {@code pv_p}: PV production, W
 * @param pvEnergy {@code pv_en}: lifetime PV production, Wh
 * @param netPower {@code net_p}: grid power, W, positive when importing
 * @param netEnergy {@code net_en}: lifetime net grid energy, Wh, negative for a net exporter
 * @param siteLoadPower {@code site_load_p}: house consumption, W
 * @param siteLoadEnergy {@code site_load_en}: lifetime house consumption, Wh
 * @param essPower {@code ess_p}: battery power, W, positive when discharging
 * @param essEnergy {@code ess_en}: lifetime net battery energy, Wh
 * @param soc {@code soc}: battery state of charge, % (the PVS sends a 0–1 fraction)
 * @param backupTimeRemaining {@code backupTimeRemaining}: minutes of backup left
 * @param midstate {@code midstate}: the transfer-switch state number (undocumented enum)
 * @param raw every {@code params} field in arrival order, as its JSON text (a string's content
 *     or a number exactly as written; JSON null is the text {@code null})
 */
public record PowerNotification(
        Instant time,
        Double pvPower,
        Double pvEnergy,
        Double netPower,
        Double netEnergy,
        Double siteLoadPower,
        Double siteLoadEnergy,
        Double essPower,
        Double essEnergy,
        Double soc,
        Double backupTimeRemaining,
        Long midstate,
        Map<String, String> raw)
        implements TelemetryMessage {

    /** Net lifetime grid energy, Wh (negative for a net exporter). */
    public static final Metric GRID_ENERGY_NET_TOTAL =
            new Metric("pvs.grid.energy.net.total", Unit.WATT_HOUR, MetricKind.TOTAL, "Net grid energy");
    /** Lifetime net battery energy, Wh. */
    public static final Metric BATTERY_ENERGY_NET_TOTAL =
            new Metric("pvs.battery.energy.net.total", Unit.WATT_HOUR, MetricKind.TOTAL, "Net battery energy");
    /** Backup time remaining, s. */
    public static final Metric BACKUP_TIME_REMAINING = Metric.gauge("pvs.backup_time_remaining", Unit.SECOND);

    /** Times at or above this are milliseconds: as seconds they would be after the year 5000. */
    private static final double MILLIS_FROM = 1e11;
    /** Larger times (year 5138 in milliseconds) are not times. */
    static final double MAX_MILLIS = 1e14;

    /**
     * Makes the raw map immutable (a copy, unless it is the decoder's own immutable map).
     *
     * @param time see the record description
     * @param pvPower see the record description
     * @param pvEnergy see the record description
     * @param netPower see the record description
     * @param netEnergy see the record description
     * @param siteLoadPower see the record description
     * @param siteLoadEnergy see the record description
     * @param essPower see the record description
     * @param essEnergy see the record description
     * @param soc see the record description
     * @param backupTimeRemaining see the record description
     * @param midstate see the record description
     * @param raw see the record description
     */
    public PowerNotification {
        raw = raw instanceof RawFields
                ? raw
                : Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(raw, "raw")));
    }

    @Override
    public String type() {
        return "power";
    }

    /**
     * The site totals as a core reading: {@code pv.power}, {@code grid.power}, {@code load.power},
     * their lifetime energies, and battery power and state of charge when the site has storage.
     *
     * @param site the site device the reading is for
     * @param fallback the timestamp to use when the message has no {@code time}
     * @return the reading; absent fields are left out
     */
    public Reading toReading(DeviceInfo site, Instant fallback) {
        Reading.Builder b = Reading.builder(site, time != null ? time : fallback);
        add(b, Metrics.PV_POWER, pvPower);
        add(b, Metrics.PV_ENERGY_TOTAL, pvEnergy);
        add(b, Metrics.GRID_POWER, netPower);
        add(b, GRID_ENERGY_NET_TOTAL, netEnergy);
        add(b, Metrics.LOAD_POWER, siteLoadPower);
        add(b, Metrics.LOAD_ENERGY_TOTAL, siteLoadEnergy);
        add(b, Metrics.BATTERY_POWER, essPower);
        add(b, BATTERY_ENERGY_NET_TOTAL, essEnergy);
        add(b, Metrics.BATTERY_SOC, soc);
        add(b, BACKUP_TIME_REMAINING, backupTimeRemaining == null ? null : backupTimeRemaining * 60);
        if (midstate != null) {
            b.state("pvs.midstate", Long.toString(midstate));
        }
        return b.build();
    }

    private static void add(Reading.Builder b, Metric metric, Double value) {
        if (value != null) {
            b.add(metric, value);
        }
    }

    /** Decodes the twelve fields from a map of field name to JSON value. */
    static PowerNotification fromFields(Map<String, Object> fields, String where) throws ProtocolException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String text = Values.raw(e.getValue(), where + " field " + e.getKey());
            raw.put(e.getKey(), text == null ? "null" : text);
        }
        Double time = number(fields, "time", where);
        Instant instant = null;
        if (time != null) {
            if (time < 0 || time >= MAX_MILLIS) {
                throw new ProtocolException(
                        "time of " + where + " is out of range", -1, "Unix seconds or milliseconds", raw.get("time"));
            }
            instant = instant(time);
        }
        Double midstate = number(fields, "midstate", where);
        if (midstate != null && (midstate != Math.rint(midstate) || Math.abs(midstate) > 1e9)) {
            throw new ProtocolException(
                    "midstate of " + where + " is not a small integer", -1, "an integer", raw.get("midstate"));
        }
        return new PowerNotification(
                instant,
                kilo(fields, "pv_p", where),
                kilo(fields, "pv_en", where),
                kilo(fields, "net_p", where),
                kilo(fields, "net_en", where),
                kilo(fields, "site_load_p", where),
                kilo(fields, "site_load_en", where),
                kilo(fields, "ess_p", where),
                kilo(fields, "ess_en", where),
                percent(number(fields, "soc", where)),
                number(fields, "backupTimeRemaining", where),
                midstate == null ? null : midstate.longValue(),
                raw);
    }

    /** A {@code time} value in range (0 to {@link #MAX_MILLIS}) as an instant: seconds or milliseconds. */
    static Instant instant(double time) {
        return time >= MILLIS_FROM
                ? Instant.ofEpochMilli(Math.round(time))
                : Instant.ofEpochSecond(
                        (long) Math.floor(time), Math.round((time - Math.floor(time)) * 1e9) % 1_000_000_000);
    }

    private static Double number(Map<String, Object> fields, String name, String where) throws ProtocolException {
        Object value = fields.get(name);
        return value == null
                ? null
                : Values.number(Values.raw(value, where + " field " + name), where + " field " + name);
    }

    private static Double kilo(Map<String, Object> fields, String name, String where) throws ProtocolException {
        Double v = number(fields, name, where);
        if (v != null && Math.abs(v) > 1e300) {
            throw new ProtocolException(
                    "value of " + where + " field " + name + " is out of range", -1, "a finite number", v.toString());
        }
        return v == null ? null : v * 1000.0;
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : fraction * 100.0;
    }
}
