package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pypowerwall-compatible legacy local API, computed from one {@link GatewaySnapshot}: each
 * view as a typed value and as the JSON bytes pypowerwall's library and proxy (t97) return, with
 * the same keys, nesting and value types. Pure functions: no I/O, no clock, no shared state, so
 * safe from any thread. Missing data gives null fields or a JSON {@code null} view, never an
 * exception.
 *
 * <p>Where pypowerwall is wrong these views are right, and say so: {@link #siteInfo} reads {@code
 * site_info} (pypowerwall returns only nulls), {@link #alerts} is sorted (pypowerwall's order is
 * a set's), and {@link #pod} pairs each battery with its own TEPOD by serial (pypowerwall pairs
 * them by position, mixing up PW3 followers and expansions).
 */
public final class LegacyViews {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private LegacyViews() {}

    private static byte[] bytes(JsonNode node) {
        return node == null ? NULL.clone() : Trees.bytes(node);
    }

    // ---------------------------------------------------------------- aggregates

    /**
     * {@code /api/meters/aggregates}. Powers in W from {@code control.meterAggregates}. Voltages
     * are line-to-line: site from the ISLANDER main-side voltages when a Meter X (SYNC) or Meter Z
     * (Backup Switch) is present, with that meter's CT currents; load from the ISLANDER load-side
     * voltages; solar the average AC voltage of the PV inverters (PW3 PCH and PW2 PVAC), else
     * Meter Y; battery the average inverter voltage (PW3 PCH and PW2 PINV). Currents are power /
     * voltage. Legs count only above 100 V: one leg gives that leg, two give their sum (split
     * phase), three the mean of the 120° line-to-line voltages.
     *
     * @param snapshot the gateway data
     * @return the aggregates, or empty without a status
     */
    public static Optional<MeterAggregates> aggregates(GatewaySnapshot snapshot) {
        Site site = new Site(snapshot);
        if (site.status == null) {
            return Optional.empty();
        }
        return Optional.of(Aggregates.of(site));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #aggregates} as pypowerwall JSON ({@code null} without a status)
     */
    public static byte[] aggregatesJson(GatewaySnapshot snapshot) {
        return aggregates(snapshot).map(MeterAggregates::toJsonBytes).orElse(NULL.clone());
    }

    // ---------------------------------------------------------------- SOE

    /**
     * The raw state of energy in percent: {@code nominalEnergyRemainingWh / nominalFullPackEnergyWh
     * × 100} (pypowerwall {@code level()}, the proxy's {@code /soe}).
     *
     * @param snapshot the gateway data
     * @return the raw percentage, or empty when either energy is missing or 0
     */
    public static OptionalDouble rawSoe(GatewaySnapshot snapshot) {
        Double raw = new Site(snapshot).rawSoe();
        return raw == null ? OptionalDouble.empty() : OptionalDouble.of(raw);
    }

    /**
     * The state of energy on the Tesla app scale, as the proxy's {@code /api/system_status/soe}
     * returns it: {@code raw/0.95 − 5/0.95}, so raw 5 % is app 0 %; never below 0.
     *
     * @param snapshot the gateway data
     * @return the app-scaled percentage, or empty when unknown
     */
    public static OptionalDouble soe(GatewaySnapshot snapshot) {
        Double app = Site.appScale(new Site(snapshot).rawSoe());
        return app == null ? OptionalDouble.empty() : OptionalDouble.of(app);
    }

    /**
     * @param snapshot the gateway data
     * @return {@code /api/system_status/soe} (app scale): {@code {"percentage": …}} or {@code null}
     */
    public static byte[] soeJson(GatewaySnapshot snapshot) {
        return percentage(soe(snapshot));
    }

    /**
     * @param snapshot the gateway data
     * @return the proxy's {@code /soe} (raw scale): {@code {"percentage": …}} or {@code null}
     */
    public static byte[] rawSoeJson(GatewaySnapshot snapshot) {
        return percentage(rawSoe(snapshot));
    }

    private static byte[] percentage(OptionalDouble value) {
        if (value.isEmpty()) {
            return NULL.clone();
        }
        ObjectNode n = Trees.NODES.objectNode();
        n.put("percentage", value.getAsDouble());
        return bytes(n);
    }

    // ---------------------------------------------------------------- simple /api views

    /**
     * {@code /api/system_status/grid_status}: connected when the gateway's active alerts hold
     * {@code SystemConnectedToGrid} or {@code ISLAND_GridConnected} is {@code
     * ISLAND_GridConnected_Connected}; islanded for any other non-empty value.
     *
     * @param snapshot the gateway data
     * @return the grid status, or empty when the status says nothing about the grid
     */
    public static Optional<GridStatus> gridStatus(GatewaySnapshot snapshot) {
        return Optional.ofNullable(new Site(snapshot).gridStatus()).map(GridStatus::new);
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #gridStatus} as pypowerwall JSON, or {@code null}
     */
    public static byte[] gridStatusJson(GatewaySnapshot snapshot) {
        return bytes(gridStatus(snapshot).map(GridStatus::toJson).orElse(null));
    }

    /**
     * {@code /api/site_info} from config {@code site_info}; energies in kWh and powers in kW as
     * the config holds them. pypowerwall reads these keys from the top level of config and so
     * returns only nulls; this view returns the values.
     *
     * @param snapshot the gateway data
     * @return the site info, or empty without a config
     */
    public static Optional<SiteInfo> siteInfo(GatewaySnapshot snapshot) {
        JsonNode config = snapshot.configTree();
        if (config == null) {
            return Optional.empty();
        }
        JsonNode s = Trees.at(config, "site_info");
        return Optional.of(new SiteInfo(
                Trees.number(s, "nominal_system_energy_ac"),
                Trees.number(s, "nominal_system_power_ac"),
                Trees.text(s, "site_name"),
                Trees.text(s, "timezone"),
                Trees.number(s, "max_site_meter_power_ac"),
                Trees.number(s, "min_site_meter_power_ac"),
                Trees.number(s, "nominal_system_energy_ac"),
                Trees.number(s, "nominal_system_power_ac"),
                Trees.number(s, "panel_max_current"),
                Trees.text(s, "grid_code"),
                Trees.text(s, "country"),
                Trees.text(s, "state"),
                Trees.text(s, "utility")));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #siteInfo} as JSON, or {@code null}
     */
    public static byte[] siteInfoJson(GatewaySnapshot snapshot) {
        return bytes(siteInfo(snapshot).map(SiteInfo::toJson).orElse(null));
    }

    /**
     * {@code /api/status}: the DIN from config, the commission date and the firmware version.
     *
     * @param snapshot the gateway data
     * @return the status, or empty without a config (as pypowerwall)
     */
    public static Optional<GatewayStatus> status(GatewaySnapshot snapshot) {
        JsonNode config = snapshot.configTree();
        if (config == null) {
            return Optional.empty();
        }
        FirmwareInfo fw = snapshot.firmware();
        return Optional.of(new GatewayStatus(
                Trees.text(config, "vin"),
                Trees.text(config, "site_info", "battery_commission_date"),
                fw == null ? null : fw.versionText()));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #status} as JSON, or {@code null}
     */
    public static byte[] statusJson(GatewaySnapshot snapshot) {
        return bytes(status(snapshot).map(GatewayStatus::toJson).orElse(null));
    }

    /**
     * The proxy's {@code /version}: {@code {"version": text, "vint": number}} (see {@link
     * FirmwareInfo#versionNumber}), or {@code null} without firmware info.
     *
     * @param snapshot the gateway data
     * @return the JSON bytes
     */
    public static byte[] versionJson(GatewaySnapshot snapshot) {
        FirmwareInfo fw = snapshot.firmware();
        if (fw == null) {
            return NULL.clone();
        }
        ObjectNode n = Trees.NODES.objectNode();
        n.put("version", fw.versionText());
        n.put("vint", fw.versionNumber());
        return bytes(n);
    }

    /**
     * {@code /api/operation}: {@code real_mode} from config {@code default_real_mode} and {@code
     * backup_reserve_percent} on the <em>raw</em> scale, as the gateway stores it.
     *
     * @param snapshot the gateway data
     * @return the JSON bytes, {@code null} without a config
     */
    public static byte[] operationJson(GatewaySnapshot snapshot) {
        JsonNode config = snapshot.configTree();
        if (config == null) {
            return NULL.clone();
        }
        ObjectNode n = Trees.NODES.objectNode();
        n.set("real_mode", Trees.copyOrNull(Trees.at(config, "default_real_mode")));
        n.set("backup_reserve_percent", Trees.copyOrNull(Trees.at(config, "site_info", "backup_reserve_percent")));
        return bytes(n);
    }

    /**
     * {@code /api/powerwalls}. pypowerwall answers a canned sample (another site's DINs); this
     * view keeps that shape but lists this site's Powerwalls from config {@code battery_blocks}.
     * Diagnostics are not available over TEDAPI and are null.
     *
     * @param snapshot the gateway data
     * @return the view as a JSON object
     */
    public static ObjectNode powerwalls(GatewaySnapshot snapshot) {
        Site site = new Site(snapshot);
        ObjectNode n = Trees.NODES.objectNode();
        for (String k : new String[] {
            "bubble_shedding", "checking_if_offgrid", "enumerating", "grid_code_validating", "grid_qualifying"
        }) {
            n.put(k, false);
        }
        n.put("gateway_din", site.vin());
        n.putNull("msa");
        n.put("on_grid_check_error", "on grid check not run");
        n.put("phase_detection_last_error", "no phase information");
        n.put("phase_detection_not_available", true);
        ArrayNode list = n.putArray("powerwalls");
        for (JsonNode block : Trees.elements(site.config, "battery_blocks")) {
            String[] din = Site.splitDin(Trees.text(block, "vin"));
            ObjectNode p = list.addObject();
            p.set("PackagePartNumber", Trees.textOrNull(din[0]));
            p.set("PackageSerialNumber", Trees.textOrNull(din[1]));
            p.put("Type", "");
            p.putNull("bc_type");
            p.putNull("commissioning_diagnostic");
            p.putNull("grid_reconnection_time_seconds");
            p.putNull("grid_state");
            p.put("in_config", true);
            p.set("type", Trees.copyOrNull(Trees.at(block, "type")));
            p.put("under_phase_detection", false);
            p.putNull("update_diagnostic");
            p.put("updating", false);
        }
        n.put("running_phase_detection", false);
        n.putNull("states");
        n.putNull("sync");
        n.put("updating", false);
        return n;
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #powerwalls} as JSON bytes
     */
    public static byte[] powerwallsJson(GatewaySnapshot snapshot) {
        return bytes(powerwalls(snapshot));
    }

    // ---------------------------------------------------------------- vitals and friends

    /**
     * {@code /vitals}: device blocks synthesized from the full device-controller query (the basic
     * status when the full one was not fetched), config and the PW3 ComponentsQuery results.
     * Units are the gateway's, with one conversion pypowerwall also makes: PW3 {@code
     * TEPINV.PINV_Pout} is kW ({@code PCH_BatteryPower}/1000) while PW3 {@code PVAC.PVAC_Pout} is
     * W. PW3 TEPOD energies are Wh (BMS kWh × 1000, rounded). The {@code VITALS} block carries
     * the snapshot time (epoch seconds) and the gateway DIN where pypowerwall puts its host and
     * version.
     *
     * @param snapshot the gateway data
     * @return the vitals
     */
    public static Vitals vitals(GatewaySnapshot snapshot) {
        return new Vitals(VitalsSynthesizer.build(new Site(snapshot)));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #vitals} as JSON bytes, keys sorted
     */
    public static byte[] vitalsJson(GatewaySnapshot snapshot) {
        return bytes(vitals(snapshot).toJson());
    }

    /**
     * {@code /strings}: every PV string of every {@code PVAC--} vitals block in key order, named
     * by its letter plus the device's index ({@code A}…{@code F} for the first, {@code A1}… for
     * the second, up to 8). DC values: A, V, W.
     *
     * @param snapshot the gateway data
     * @return the strings by name, in order
     */
    public static Map<String, PvString> strings(GatewaySnapshot snapshot) {
        return StringsView.of(vitals(snapshot));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #strings} as JSON bytes
     */
    public static byte[] stringsJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        strings(snapshot).forEach((k, v) -> n.set(k, v.toJson()));
        return bytes(n);
    }

    /**
     * {@code /temps}: THC ambient temperature in °C per {@code TETHC--} block (PW2 with the full
     * query; empty on PW3, which has no THC).
     *
     * @param snapshot the gateway data
     * @return temperatures by device key, in key order; a value may be null
     */
    public static Map<String, Double> temps(GatewaySnapshot snapshot) {
        Map<String, Double> temps = new LinkedHashMap<>();
        vitals(snapshot).blocks().forEach((k, v) -> {
            if (k.startsWith("TETHC--")) {
                temps.put(k, Trees.number(v.get("THC_AmbientTemp")));
            }
        });
        return temps;
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #temps} as JSON bytes
     */
    public static byte[] tempsJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        temps(snapshot).forEach((k, v) -> n.set(k, Trees.numberOrNull(v)));
        return bytes(n);
    }

    /**
     * @param snapshot the gateway data
     * @return the proxy's {@code /temps/pw}: {@code {"PW1_temp": …}} in {@link #temps} order
     */
    public static byte[] tempsPwJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        int i = 1;
        for (Double t : temps(snapshot).values()) {
            n.set("PW" + i++ + "_temp", Trees.numberOrNull(t));
        }
        return bytes(n);
    }

    /**
     * {@code /alerts}: the union of every vitals block's alerts, plus {@code
     * SystemConnectedToGrid} when the grid is up or {@code SystemIslandedActive} when islanded.
     * Sorted alphabetically, so the order is stable (pypowerwall's comes from a set and varies).
     *
     * @param snapshot the gateway data
     * @return the alert names, sorted, without duplicates
     */
    public static List<String> alerts(GatewaySnapshot snapshot) {
        TreeSet<String> alerts = new TreeSet<>();
        vitals(snapshot).blocks().values().forEach(b -> alerts.addAll(Trees.texts(b.get("alerts"))));
        String grid = new Site(snapshot).gridStatus();
        if (grid != null) {
            alerts.add("SystemGridConnected".equals(grid) ? "SystemConnectedToGrid" : grid);
        }
        return List.copyOf(alerts);
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #alerts} as a JSON array
     */
    public static byte[] alertsJson(GatewaySnapshot snapshot) {
        ArrayNode a = Trees.NODES.arrayNode();
        alerts(snapshot).forEach(a::add);
        return bytes(a);
    }

    /**
     * @param snapshot the gateway data
     * @return the proxy's {@code /alerts/pw}: {@code {"<alert>": 1, …}} in {@link #alerts} order
     */
    public static byte[] alertsPwJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        alerts(snapshot).forEach(a -> n.put(a, 1));
        return bytes(n);
    }

    /**
     * {@code /fans}: PV inverter fan speeds from the full query's {@code components.msa}, keyed
     * {@code PVAC--part--serial} and sorted.
     *
     * @param snapshot the gateway data
     * @return fan speeds by device key
     */
    public static Map<String, FanSpeed> fans(GatewaySnapshot snapshot) {
        Map<String, FanSpeed> fans = new TreeMap<>();
        for (JsonNode c : Trees.elements(snapshot.controllerTree(), "components", "msa")) {
            Double actual = null;
            Double target = null;
            boolean any = false;
            for (JsonNode s : Trees.elements(c, "signals")) {
                String name = Trees.text(s, "name");
                if ("PVAC_Fan_Speed_Actual_RPM".equals(name)) {
                    actual = Trees.number(s, "value");
                    any = true;
                } else if ("PVAC_Fan_Speed_Target_RPM".equals(name)) {
                    target = Trees.number(s, "value");
                    any = true;
                }
            }
            if (any) {
                fans.put(
                        "PVAC--" + Trees.text(c, "partNumber") + "--" + Trees.text(c, "serialNumber"),
                        new FanSpeed(actual, target));
            }
        }
        return fans;
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #fans} as JSON bytes
     */
    public static byte[] fansJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        fans(snapshot).forEach((k, v) -> {
            ObjectNode f = n.putObject(k);
            f.set("PVAC_Fan_Speed_Actual_RPM", Trees.numberOrNull(v.actualRpm()));
            f.set("PVAC_Fan_Speed_Target_RPM", Trees.numberOrNull(v.targetRpm()));
        });
        return bytes(n);
    }

    /**
     * @param snapshot the gateway data
     * @return the proxy's {@code /fans/pw}: {@code FAN<n>_actual}/{@code _target} in key order
     */
    public static byte[] fansPwJson(GatewaySnapshot snapshot) {
        ObjectNode n = Trees.NODES.objectNode();
        int i = 1;
        for (FanSpeed f : fans(snapshot).values()) {
            n.set("FAN" + i + "_actual", Trees.numberOrNull(f.actualRpm()));
            n.set("FAN" + i++ + "_target", Trees.numberOrNull(f.targetRpm()));
        }
        return bytes(n);
    }

    // ---------------------------------------------------------------- batteries

    /**
     * The battery blocks: one per {@code TEPINV--} vitals block (in key order), energies from the
     * TEPOD block of the same device, then one per PW3 DC expansion in config order.
     *
     * @param snapshot the gateway data
     * @return the blocks
     */
    public static List<BatteryBlock> batteryBlocks(GatewaySnapshot snapshot) {
        return BatteryViews.blocks(new Site(snapshot), vitals(snapshot));
    }

    /**
     * The battery view (pypowerwall {@code battery_blocks()}, proxy {@code /pw/battery_blocks}):
     * the {@link #batteryBlocks} keyed by serial, each with {@code THC_State} and {@code
     * temperature} (°C) where a THC exists.
     *
     * @param snapshot the gateway data
     * @return the JSON bytes
     */
    public static byte[] batteryJson(GatewaySnapshot snapshot) {
        return bytes(BatteryViews.bySerial(batteryBlocks(snapshot)));
    }

    /**
     * {@code /api/system_status}: pypowerwall's template with the energies (Wh) from {@code
     * control.systemStatus}, the grid status, the block count and {@link #batteryBlocks}.
     *
     * @param snapshot the gateway data
     * @return the view, or null without a status or config (as pypowerwall)
     */
    public static ObjectNode systemStatus(GatewaySnapshot snapshot) {
        Site site = new Site(snapshot);
        if (site.status == null || site.config == null) {
            return null;
        }
        return BatteryViews.systemStatus(site, batteryBlocks(snapshot));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #systemStatus} as JSON bytes
     */
    public static byte[] systemStatusJson(GatewaySnapshot snapshot) {
        return bytes(systemStatus(snapshot));
    }

    /**
     * The proxy's {@code /freq}: per battery block {@code PW<n>_…} the inverter frequency (Hz) and
     * split-phase voltages (V) of its own TEPINV block, then every {@code ISLAND_*} and {@code
     * METER_*} value of the TESYNC and TEMSA blocks, and {@code grid_status} 1 (up), 0 (down) or
     * null.
     *
     * @param snapshot the gateway data
     * @return the flat view
     */
    public static ObjectNode freq(GatewaySnapshot snapshot) {
        return BatteryViews.freq(new Site(snapshot));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #freq} as JSON bytes
     */
    public static byte[] freqJson(GatewaySnapshot snapshot) {
        return bytes(freq(snapshot));
    }

    /**
     * The proxy's {@code /pod}: per battery block {@code PW<n>_…} its TEPOD values (flags as 0/1,
     * energies in Wh) and inverter values, then the system energies (Wh), {@code
     * time_remaining_hours} (energy left / load) and {@code backup_reserve_percent} on the app
     * scale. Each block is paired with the TEPOD of the same serial (pypowerwall pairs by
     * position, which mixes up PW3 followers and expansions).
     *
     * @param snapshot the gateway data
     * @return the flat view
     */
    public static ObjectNode pod(GatewaySnapshot snapshot) {
        return BatteryViews.pod(new Site(snapshot));
    }

    /**
     * @param snapshot the gateway data
     * @return {@link #pod} as JSON bytes
     */
    public static byte[] podJson(GatewaySnapshot snapshot) {
        return bytes(pod(snapshot));
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The proxy's {@code /csv}: {@code Grid,Home,Solar,Battery,BatteryLevel} (W, W, W, W, raw %).
     *
     * @param snapshot the gateway data
     * @param headers whether to start with the header line ({@code ?headers})
     * @param negativeSolar false for {@code PW_NEG_SOLAR=no} (see {@link
     *     MeterAggregates#withoutNegativeSolar})
     * @return the text, ending in a newline
     */
    public static String csv(GatewaySnapshot snapshot, boolean headers, boolean negativeSolar) {
        return CsvView.v1(aggregates(snapshot).orElse(null), boxed(rawSoe(snapshot)), headers, negativeSolar);
    }

    /**
     * The proxy's {@code /csv/v2}: {@link #csv} plus {@code GridStatus} (1 up, else 0) and {@code
     * Reserve} (app-scale percent, truncated).
     *
     * @param snapshot the gateway data
     * @param headers whether to start with the header line
     * @param negativeSolar false for {@code PW_NEG_SOLAR=no}
     * @return the text, ending in a newline
     */
    public static String csvV2(GatewaySnapshot snapshot, boolean headers, boolean negativeSolar) {
        Site site = new Site(snapshot);
        return CsvView.v2(
                aggregates(snapshot).orElse(null),
                site.rawSoe(),
                "SystemGridConnected".equals(site.gridStatus()),
                Site.appScale(site.rawReserve()),
                headers,
                negativeSolar);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
