package io.github.solarwire.tedapi.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.solarwire.tedapi.codec.FirmwareInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A made-up Powerwall site as its gateway reports it over TEDAPI: the config file, the status
 * (basic and controller queries), the PW3 components of each unit and the firmware info.
 *
 * <p>A PW2 site is a Backup Gateway 2 with Powerwall 2 batteries, a solar inverter (PVAC/PVS), a
 * SYNC and a Backup Switch (MSA) meter. A PW3 site is a leader Powerwall 3 (the gateway is built
 * in) with followers and optional DC expansions. The JSON follows the shapes of the gateway's
 * answers; the values are generated: solar follows the sun (UTC, 06:00 to 18:00), the load
 * wanders, the battery covers the difference and its charge follows the day. The same instant
 * always gives the same values. Energies in Wh (config and status) or kWh (PW3 BMS signals),
 * power in W.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulatedGateway {

    /** The kind of site. */
    public enum Model {
        /** Powerwall 2/+ with a Backup Gateway 2: {@code GET /} answers 200. */
        PW2,
        /** Powerwall 3 leader (and followers): {@code GET /} answers 403. */
        PW3
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final double PW2_WH = 13_500;
    private static final double PW3_WH = 13_700;
    private static final double EXPANSION_WH = 13_700;

    private final Model model;
    private final String din;
    private final String password;
    private final List<String> units;
    private final int expansions;
    private final double solarPeakW;
    private final String firmwareVersion;

    private SimulatedGateway(Builder b) {
        this.model = b.model;
        this.din = b.din != null ? b.din : (model == Model.PW2 ? "1232100-00-E--TG123456789ABC" : unitDin(0));
        this.password = b.password;
        List<String> dins = new ArrayList<>();
        if (model == Model.PW3) {
            dins.add(din);
            for (int i = 1; i < b.units; i++) {
                dins.add(unitDin(i));
            }
        } else {
            for (int i = 0; i < b.units; i++) {
                dins.add(String.format(Locale.ROOT, "2012170-25-E--TG%012X", 0x123456789DEFL + i));
            }
        }
        this.units = List.copyOf(dins);
        this.expansions = b.expansions;
        this.solarPeakW = b.solarPeakW;
        this.firmwareVersion = b.firmwareVersion != null
                ? b.firmwareVersion
                : (model == Model.PW2 ? "24.4.0 0fe780c9" : "25.10.1-PW3 8bf6ff08");
    }

    private static String unitDin(int i) {
        return String.format(Locale.ROOT, "1707000-11-J--TG%012X", 0x1234567890ABL + i);
    }

    /**
     * A builder.
     *
     * @param model the kind of site
     * @return a builder with the defaults: two batteries (PW2) or one leader and one follower
     *     (PW3), password {@code ABCDEFGHIJ}
     */
    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /**
     * A PW2 site with two Powerwall 2 batteries.
     *
     * @return the site
     */
    public static SimulatedGateway pw2() {
        return builder(Model.PW2).build();
    }

    /**
     * A PW3 site: a leader and a follower, the leader with one DC expansion.
     *
     * @return the site
     */
    public static SimulatedGateway pw3() {
        return builder(Model.PW3).build();
    }

    /**
     * The kind of site.
     *
     * @return PW2 or PW3
     */
    public Model model() {
        return model;
    }

    /**
     * The gateway DIN ({@code GET /tedapi/din}); on a PW3 the leader's.
     *
     * @return the DIN
     */
    public String din() {
        return din;
    }

    /**
     * The gateway password (the QR sticker's), for Basic auth as {@code Tesla_Energy_Device}.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * The battery DINs: on a PW3 the units that answer components queries, leader first; on a PW2
     * the Powerwall 2 batteries.
     *
     * @return the DINs
     */
    public List<String> batteryDins() {
        return units;
    }

    /**
     * Whether a DIN names a PW3 unit that answers {@code /tedapi/device/<din>/v1}.
     *
     * @param din a DIN
     * @return true for a PW3 unit of this site
     */
    public boolean isUnit(String din) {
        return model == Model.PW3 && units.contains(din);
    }

    /**
     * The firmware info ({@code getSystemInfo}).
     *
     * @return the info
     */
    public FirmwareInfo firmware() {
        int split = din.indexOf("--");
        String part = split < 0 ? din : din.substring(0, split);
        String serial = split < 0 ? "" : din.substring(split + 2);
        int space = firmwareVersion.indexOf(' ');
        String hash = space < 0 ? "" : firmwareVersion.substring(space + 1);
        return new FirmwareInfo(
                din,
                part,
                serial,
                firmwareVersion,
                hash,
                4,
                1,
                List.of(new FirmwareInfo.Radio("Quectel", "BG95-M2", "XMR2020BG95M2", "10224A-2020BG95M2")));
    }

    /**
     * The site's {@code config.json}.
     *
     * @return the JSON text
     */
    public String configJson() {
        ObjectNode config = NODES.objectNode();
        config.put("vin", din);
        config.put("default_real_mode", "self_consumption");
        ObjectNode site = config.putObject("site_info");
        site.put("site_name", model == Model.PW2 ? "Simulated PW2 Site" : "Simulated PW3 Site");
        site.put("timezone", "UTC");
        site.put("backup_reserve_percent", 24.0);
        site.put("nominal_system_energy_ac", round(fullWh() / 1000, 1));
        site.put("nominal_system_power_ac", units.size() * (model == Model.PW2 ? 5.0 : 11.5));
        ArrayNode blocks = config.putArray("battery_blocks");
        for (int i = 0; i < units.size(); i++) {
            ObjectNode block = blocks.addObject();
            block.put("vin", units.get(i));
            if (model == Model.PW2) {
                block.put("type", "Powerwall2");
                block.putArray("disabled_reasons");
                block.put("nominal_energy_remaining", PW2_WH);
                block.put("nominal_full_pack_energy", PW2_WH);
            } else {
                block.put("type", i == 0 ? "Powerwall3" : "Powerwall3Follower");
                ArrayNode exp = block.putArray("battery_expansions");
                if (i == 0) {
                    for (int e = 0; e < expansions; e++) {
                        exp.addObject().put("din", expansionDin(e));
                    }
                }
            }
        }
        ArrayNode meters = config.putArray("meters");
        if (model == Model.PW2) {
            ObjectNode meter = meters.addObject();
            meter.put("type", "neurio_w2_tcp");
            meter.put("location", "solar");
            meter.putArray("cts").add(true).add(true).add(false).add(false);
            meter.put("inverted", false);
            meter.putObject("connection").put("device_serial", "V1234567890");
            meter.put("real_power_scale_factor", 1);
        }
        ObjectNode solar = config.putArray("solars").addObject();
        solar.put("brand", "Tesla");
        solar.put("power_rating_watts", (int) solarPeakW);
        return config.toString();
    }

    /**
     * The answer to the basic status query ({@code DeviceControllerQuery}, 2024 basic role).
     *
     * @param at the instant the values are for
     * @return the JSON text
     */
    public String statusJson(Instant at) {
        return status(at).toString();
    }

    /**
     * The answer to the controller query: the status plus {@code components.msa} (fan speeds and
     * battery temperatures on a PW2).
     *
     * @param at the instant the values are for
     * @return the JSON text
     */
    public String controllerJson(Instant at) {
        ObjectNode status = status(at);
        ArrayNode msa = status.putObject("components").putArray("msa");
        if (model == Model.PW2) {
            Flows f = flows(at);
            ObjectNode pvac = component(msa, "1538100-00-F", "C123456789JKL");
            double rpm = Math.round(1200 + 1800 * f.daylight);
            signal(pvac, "PVAC_Fan_Speed_Actual_RPM", rpm, null);
            signal(pvac, "PVAC_Fan_Speed_Target_RPM", rpm, null);
            for (String unit : units) {
                ObjectNode thc = component(msa, part(unit), serial(unit));
                signal(thc, "THC_AmbientTemp", round(20 + 5 * f.daylight, 1), null);
            }
        }
        return status.toString();
    }

    /**
     * The answer to a PW3 components query ({@code ComponentsQuery} / {@code PW3Query}) for one
     * unit.
     *
     * @param unitDin a DIN of {@link #batteryDins()} on a PW3 site
     * @param at the instant the values are for
     * @return the JSON text
     * @throws IllegalArgumentException when the DIN is not a PW3 unit of this site
     */
    public String componentsJson(String unitDin, Instant at) {
        if (!isUnit(unitDin)) {
            throw new IllegalArgumentException("not a PW3 unit of this site: " + unitDin);
        }
        Flows f = flows(at);
        String time = time(at);
        int index = units.indexOf(unitDin);
        ObjectNode root = NODES.objectNode();
        root.putObject("pw3Can")
                .putObject("firmwareUpdate")
                .put("isUpdating", false)
                .putNull("progress");
        ObjectNode components = root.putObject("components");
        ObjectNode pws = components.putArray("pws").addObject();
        timed(signal(pws, "PWS_SelfTest", null, "PWS_SelfTestState_Passed"), time);
        pws.putArray("activeAlerts");
        ObjectNode pch = components.putArray("pch").addObject();
        timed(signal(pch, "PCH_State", null, "Pch_Active"), time);
        double unitSolar = f.solarW / units.size();
        for (char s = 'A'; s <= 'F'; s++) {
            boolean used = s - 'A' < 3;
            double volts = used && unitSolar > 0 ? round(360 + 40 * f.daylight, 1) : 0.0;
            double amps = used && volts > 0 ? round(unitSolar / 3 / volts, 2) : 0.0;
            timed(signal(pch, "PCH_PvState_" + s, null, used && amps > 0 ? "Pv_Active" : "Pv_Standby"), time);
            timed(signal(pch, "PCH_PvVoltage" + s, volts, null), time);
            timed(signal(pch, "PCH_PvCurrent" + s, amps, null), time);
        }
        timed(signal(pch, "PCH_AcFrequency", 60.0, null), time);
        timed(signal(pch, "PCH_AcVoltageAN", 120.4, null), time);
        timed(signal(pch, "PCH_AcVoltageBN", 120.2, null), time);
        timed(signal(pch, "PCH_AcVoltageAB", 240.6, null), time);
        timed(signal(pch, "PCH_BatteryPower", Math.round(f.batteryW / units.size()), null), time);
        timed(signal(pch, "PCH_AcMode", null, "AcMode_GridFollowing"), time);
        pch.putArray("activeAlerts");
        ArrayNode bms = components.putArray("bms");
        ArrayNode hvp = components.putArray("hvp");
        List<String> packs = new ArrayList<>();
        packs.add(unitDin);
        if (index == 0) {
            for (int e = 0; e < expansions; e++) {
                packs.add(expansionDin(e));
            }
        }
        for (String pack : packs) {
            ObjectNode b = bms.addObject();
            timed(signal(b, "BMS_nominalEnergyRemaining", round(f.soe * PW3_WH / 1000, 2), null), time);
            timed(signal(b, "BMS_nominalFullPackEnergy", PW3_WH / 1000, null), time);
            b.putArray("activeAlerts");
            ObjectNode h = hvp.addObject();
            h.put("partNumber", part(pack));
            h.put("serialNumber", serial(pack));
            timed(signal(h, "HVP_State", null, "HVP_State_Active"), time);
            h.putArray("activeAlerts");
        }
        ObjectNode baggr = components.putArray("baggr").addObject();
        timed(signal(baggr, "BAGGR_State", null, "BAGGR_STATE_ACTIVE"), time);
        timed(signal(baggr, "BAGGR_NumBatteriesConnected", packs.size(), null), time);
        baggr.putArray("activeAlerts");
        return root.toString();
    }

    private ObjectNode status(Instant at) {
        Flows f = flows(at);
        ObjectNode root = NODES.objectNode();
        ObjectNode control = root.putObject("control");
        ObjectNode system = control.putObject("systemStatus");
        system.put("nominalFullPackEnergyWh", Math.round(fullWh()));
        system.put("nominalEnergyRemainingWh", Math.round(fullWh() * f.soe));
        ObjectNode islanding = control.putObject("islanding");
        islanding.put("customerIslandMode", "Wait");
        islanding.put("contactorClosed", true);
        islanding.put("microGridOK", true);
        islanding.put("gridOK", true);
        ArrayNode aggregates = control.putArray("meterAggregates");
        aggregate(aggregates, "SITE", f.siteW);
        aggregate(aggregates, "BATTERY", f.batteryW);
        aggregate(aggregates, "LOAD", f.loadW);
        aggregate(aggregates, "SOLAR", f.solarW);
        control.putObject("alerts").putArray("active").add("SystemConnectedToGrid");
        ObjectNode shutdown = control.putObject("siteShutdown");
        shutdown.put("isShutDown", false);
        shutdown.putArray("reasons");
        ArrayNode blocks = control.putArray("batteryBlocks");
        for (String unit : units) {
            ObjectNode block = blocks.addObject();
            block.put("din", unit);
            block.putArray("disableReasons");
        }
        control.putArray("pvInverters");
        ObjectNode sys = root.putObject("system");
        sys.put("time", time(at));
        sys.putObject("sitemanagerStatus").put("isRunning", true);
        ObjectNode neurio = root.putObject("neurio");
        neurio.put("isDetectingWiredMeters", false);
        ArrayNode readings = neurio.putArray("readings");
        if (model == Model.PW2) {
            ObjectNode reading = readings.addObject();
            reading.put("serial", "V1234567890");
            ObjectNode data = reading.putArray("dataRead").addObject();
            data.put("voltageV", 240.5);
            data.put("realPowerW", Math.round(f.solarW));
            data.put("reactivePowerVAR", -100);
            data.put("currentA", round(f.solarW / 240.5, 1));
            reading.put("timestamp", at.getEpochSecond());
        }
        neurio.putArray("pairings");
        root.putObject("pw3Can")
                .putObject("firmwareUpdate")
                .put("isUpdating", false)
                .putNull("progress");
        ObjectNode bus = root.putObject("esCan").putObject("bus");
        if (model == Model.PW2) {
            pw2Bus(bus, f);
        } else {
            for (String list : List.of("PVAC", "PINV", "PVS", "THC", "POD")) {
                bus.putArray(list);
            }
            bus.putObject("SYNC");
        }
        ObjectNode islander = bus.putObject("ISLANDER");
        islander.putObject("ISLAND_GridConnection").put("ISLAND_GridConnected", "ISLAND_GridConnected_Connected");
        ObjectNode ac = islander.putObject("ISLAND_AcMeasurements");
        ac.put("ISLAND_VL1N_Main", round(120.4 + f.wiggle, 1));
        ac.put("ISLAND_VL2N_Main", round(120.2 - f.wiggle, 1));
        ac.put("ISLAND_FreqL1_Main", round(60.0 + f.wiggle / 50, 3));
        ac.put("ISLAND_FreqL2_Main", round(60.0 + f.wiggle / 50, 3));
        ac.put("ISLAND_GridState", "ISLAND_GridState_Grid_Compliant");
        return root;
    }

    private void pw2Bus(ObjectNode bus, Flows f) {
        ObjectNode pvac = bus.putArray("PVAC").addObject();
        pvac.put("packagePartNumber", "1538100-00-F");
        pvac.put("packageSerialNumber", "C123456789JKL");
        ObjectNode pvacStatus = pvac.putObject("PVAC_Status");
        pvacStatus.put("isMIA", false);
        pvacStatus.put("PVAC_Pout", Math.round(f.solarW));
        pvacStatus.put("PVAC_State", f.solarW > 0 ? "PVAC_Active" : "PVAC_Standby");
        pvacStatus.put("PVAC_Vout", 240.5);
        pvacStatus.put("PVAC_Fout", 60.0);
        ObjectNode logging = pvac.putObject("PVAC_Logging");
        double volts = f.solarW > 0 ? round(360 + 40 * f.daylight, 1) : 0;
        for (char s = 'A'; s <= 'D'; s++) {
            boolean used = s != 'B';
            logging.put("PVAC_PVCurrent_" + s, used && volts > 0 ? round(f.solarW / 3 / volts, 2) : 0.0);
            logging.put("PVAC_PVMeasuredVoltage_" + s, used ? volts : -1.0);
        }
        logging.put("PVAC_VL1Ground", 120.2);
        logging.put("PVAC_VL2Ground", 120.3);
        pvac.putObject("alerts").putArray("active");
        ObjectNode pvsStatus = bus.putArray("PVS").addObject().putObject("PVS_Status");
        pvsStatus.put("isMIA", false);
        pvsStatus.put("PVS_State", "PVS_Active");
        pvsStatus.put("PVS_vLL", 240.5);
        for (char s = 'A'; s <= 'D'; s++) {
            pvsStatus.put("PVS_String" + s + "_Connected", s != 'B');
        }
        ArrayNode pinv = bus.putArray("PINV");
        ArrayNode pod = bus.putArray("POD");
        ArrayNode thc = bus.putArray("THC");
        for (String unit : units) {
            ObjectNode inv = pinv.addObject();
            ObjectNode st = inv.putObject("PINV_Status");
            st.put("isMIA", false);
            st.put("PINV_Fout", 60.0);
            st.put("PINV_Pout", round(f.batteryW / units.size() / 1000, 3));
            st.put("PINV_Vout", 240.5);
            st.put("PINV_State", "PINV_GridFollowing");
            st.put("PINV_GridState", "PINV_GridState_Compliant");
            inv.putObject("PINV_PowerCapability").put("PINV_Pnom", 5000);
            inv.putObject("alerts").putArray("active");
            ObjectNode battery = pod.addObject();
            ObjectNode energy = battery.putObject("POD_EnergyStatus");
            battery.putObject("alerts").putArray("active");
            energy.put("isMIA", false);
            energy.put("POD_nom_energy_remaining", Math.round(PW2_WH * f.soe));
            energy.put("POD_nom_full_pack_energy", Math.round(PW2_WH));
            ObjectNode t = thc.addObject();
            t.put("packagePartNumber", part(unit));
            t.put("packageSerialNumber", serial(unit));
            t.putObject("alerts").putArray("active");
        }
        ObjectNode sync = bus.putObject("SYNC");
        sync.put("packagePartNumber", "1493315-01-F");
        sync.put("packageSerialNumber", "J123456789MNO");
        ObjectNode x = sync.putObject("METER_X_AcMeasurements");
        x.put("METER_X_CTA_InstRealPower", Math.round(f.siteW / 2));
        x.put("METER_X_CTB_InstRealPower", Math.round(f.siteW / 2));
        x.put("METER_X_VL1N", 120.2);
        x.put("METER_X_VL2N", 120.3);
        ObjectNode msa = bus.putObject("MSA");
        msa.put("packagePartNumber", "1538000-00-E");
        msa.put("packageSerialNumber", "M123456789PQR");
        ObjectNode z = msa.putObject("METER_Z_AcMeasurements");
        z.put("METER_Z_CTA_InstRealPower", Math.round(-f.loadW / 2));
        z.put("METER_Z_CTB_InstRealPower", Math.round(-f.loadW / 2));
        z.put("METER_Z_VL1G", 120.2);
        z.put("METER_Z_VL2G", 120.3);
    }

    private double fullWh() {
        return model == Model.PW2 ? units.size() * PW2_WH : units.size() * PW3_WH + expansions * EXPANSION_WH;
    }

    /** Power flows at an instant, in W; the battery is positive when discharging. */
    private record Flows(
            double solarW, double loadW, double batteryW, double siteW, double soe, double daylight, double wiggle) {}

    private Flows flows(Instant at) {
        double hours = (at.getEpochSecond() % 86_400) / 3600.0;
        double daylight = hours > 6 && hours < 18 ? Math.sin(Math.PI * (hours - 6) / 12) : 0;
        double wiggle = Math.sin(2 * Math.PI * (at.getEpochSecond() % 300) / 300.0);
        double solar = Math.round(solarPeakW * daylight * (0.95 + 0.05 * wiggle));
        double load = Math.round(650 + 450 * (1 + Math.sin(2 * Math.PI * (hours - 13) / 24)) + 120 * wiggle);
        double maxBattery = units.size() * 5000.0;
        double battery = Math.round(Math.max(-maxBattery, Math.min(maxBattery, (load - solar) * 0.9)));
        double site = load - solar - battery;
        double soe = 0.55 + 0.35 * Math.sin(2 * Math.PI * (hours - 9) / 24);
        return new Flows(solar, load, battery, site, soe, daylight, wiggle);
    }

    private String expansionDin(int e) {
        return String.format(Locale.ROOT, "1807000-10-B--TG%012X", 0x125035000A5EL + e);
    }

    private static void aggregate(ArrayNode aggregates, String location, double watts) {
        ObjectNode a = aggregates.addObject();
        a.put("location", location);
        a.put("realPowerW", Math.round(watts));
    }

    private static ObjectNode component(ArrayNode list, String part, String serial) {
        ObjectNode c = list.addObject();
        c.put("partNumber", part);
        c.put("serialNumber", serial);
        c.putArray("signals");
        c.putArray("activeAlerts");
        return c;
    }

    private static ObjectNode signal(ObjectNode component, String name, Number value, String text) {
        JsonNode existing = component.get("signals");
        ArrayNode signals = existing instanceof ArrayNode a ? a : component.putArray("signals");
        ObjectNode s = signals.addObject();
        s.put("name", name);
        if (value == null) {
            s.putNull("value");
        } else {
            s.put("value", value.doubleValue());
        }
        if (text == null) {
            s.putNull("textValue");
        } else {
            s.put("textValue", text);
        }
        s.putNull("boolValue");
        s.putNull("timestamp");
        return s;
    }

    private static void timed(ObjectNode signal, String time) {
        signal.put("timestamp", time);
    }

    private static String time(Instant at) {
        return TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private static String part(String din) {
        int split = din.indexOf("--");
        return split < 0 ? din : din.substring(0, split);
    }

    private static String serial(String din) {
        int split = din.indexOf("--");
        return split < 0 ? din : din.substring(split + 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Options of a {@link SimulatedGateway}. Not thread-safe. */
    public static final class Builder {
        private final Model model;
        private String din;
        private String password = "ABCDEFGHIJ";
        private int units;
        private int expansions;
        private double solarPeakW;
        private String firmwareVersion;

        private Builder(Model model) {
            this.model = Objects.requireNonNull(model, "model");
            this.units = 2;
            this.expansions = model == Model.PW3 ? 1 : 0;
            this.solarPeakW = model == Model.PW2 ? 6500 : 8000;
        }

        /**
         * The gateway (PW3: leader) DIN.
         *
         * @param din letters, digits and {@code -}, e.g. {@code 1232100-00-E--TG123456789ABC}
         * @return this builder
         */
        public Builder din(String din) {
            Objects.requireNonNull(din, "din");
            if (!din.matches("[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("not a DIN: " + din);
            }
            this.din = din;
            return this;
        }

        /**
         * The gateway password.
         *
         * @param password not empty (default {@code ABCDEFGHIJ})
         * @return this builder
         */
        public Builder password(String password) {
            if (Objects.requireNonNull(password, "password").isEmpty()) {
                throw new IllegalArgumentException("empty password");
            }
            this.password = password;
            return this;
        }

        /**
         * How many batteries: Powerwall 2s (PW2) or PW3 units, leader included (PW3).
         *
         * @param units 1 to 10 (default 2)
         * @return this builder
         */
        public Builder batteries(int units) {
            if (units < 1 || units > 10) {
                throw new IllegalArgumentException("1 to 10 batteries: " + units);
            }
            this.units = units;
            return this;
        }

        /**
         * How many DC expansions the PW3 leader has.
         *
         * @param expansions 0 to 3 (default 1 on a PW3)
         * @return this builder
         */
        public Builder expansions(int expansions) {
            if (expansions < 0 || expansions > 3 || (expansions > 0 && model != Model.PW3)) {
                throw new IllegalArgumentException("0 to 3 expansions, PW3 only: " + expansions);
            }
            this.expansions = expansions;
            return this;
        }

        /**
         * The solar peak at noon.
         *
         * @param watts 0 or more (default 6500 W on a PW2, 8000 W on a PW3)
         * @return this builder
         */
        public Builder solarPeak(double watts) {
            if (!(watts >= 0)) {
                throw new IllegalArgumentException("solar peak must be 0 or more: " + watts);
            }
            this.solarPeakW = watts;
            return this;
        }

        /**
         * The firmware version text, e.g. {@code 24.12.6-PW3-AFCI 008bf6ff}: the version, a space
         * and the git hash.
         *
         * @param version the text
         * @return this builder
         */
        public Builder firmwareVersion(String version) {
            this.firmwareVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Makes the site.
         *
         * @return the site
         */
        public SimulatedGateway build() {
            return new SimulatedGateway(this);
        }
    }
}
