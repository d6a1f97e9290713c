package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the legacy {@code /vitals} device blocks from a {@link Site} (see {@link Vitals}). */
final class VitalsSynthesizer {

    private static final String[] PVAC_NULLS = {
        "PVAC_GridState",
        "PVAC_InvState",
        "PVAC_Iout",
        "PVAC_LifetimeEnergyPV_Total",
        "PVAC_Qout",
        "PVAC_VHvMinusChassisDC",
        "PVI-PowerStatusSetpoint"
    };
    private static final String[] PVAC_STATUS = {"PVAC_Fout", "PVAC_Pout", "PVAC_State", "PVAC_Vout"};
    private static final String[] POD_KEYS = {
        "POD_ActiveHeating",
        "POD_CCVhold",
        "POD_ChargeComplete",
        "POD_ChargeRequest",
        "POD_DischargeComplete",
        "POD_PermanentlyFaulted",
        "POD_PersistentlyFaulted",
        "POD_available_charge_power",
        "POD_available_dischg_power",
        "POD_enable_line",
        "POD_state"
    };
    private static final String[] PINV_KEYS = {
        "PINV_EnergyCharged",
        "PINV_EnergyDischarged",
        "PINV_Fout",
        "PINV_GridState",
        "PINV_HardwareEnableLine",
        "PINV_PllFrequency",
        "PINV_PllLocked",
        "PINV_Pnom",
        "PINV_Pout",
        "PINV_PowerLimiter",
        "PINV_Qout",
        "PINV_ReadyForGridForming",
        "PINV_State",
        "PINV_VSplit1",
        "PINV_VSplit2",
        "PINV_Vout"
    };
    private static final String[] ISLAND_KEYS = {
        "ISLAND_FreqL1_Load", "ISLAND_FreqL1_Main", "ISLAND_FreqL2_Load", "ISLAND_FreqL2_Main",
        "ISLAND_FreqL3_Load", "ISLAND_FreqL3_Main", "ISLAND_GridConnected", "ISLAND_GridState",
        "ISLAND_L1L2PhaseDelta", "ISLAND_L1L3PhaseDelta", "ISLAND_L1MicrogridOk", "ISLAND_L2L3PhaseDelta",
        "ISLAND_L2MicrogridOk", "ISLAND_L3MicrogridOk", "ISLAND_PhaseL1_Main_Load", "ISLAND_PhaseL2_Main_Load",
        "ISLAND_PhaseL3_Main_Load", "ISLAND_ReadyForSynchronization", "ISLAND_VL1N_Load", "ISLAND_VL1N_Main",
        "ISLAND_VL2N_Load", "ISLAND_VL2N_Main", "ISLAND_VL3N_Load", "ISLAND_VL3N_Main"
    };
    private static final String[] METER_SUFFIXES = {
        "CTA_I",
        "CTA_InstReactivePower",
        "CTA_InstRealPower",
        "CTB_I",
        "CTB_InstReactivePower",
        "CTB_InstRealPower",
        "CTC_I",
        "CTC_InstReactivePower",
        "CTC_InstRealPower",
        "LifetimeEnergyExport",
        "LifetimeEnergyImport",
        "VL1N",
        "VL2N",
        "VL3N"
    };

    private final Site site;
    private final JsonNode dc;
    private final JsonNode bus;
    private final String stsKey;
    private final Map<String, ObjectNode> out = new TreeMap<>();

    private VitalsSynthesizer(Site site) {
        this.site = site;
        this.dc = site.controller;
        this.bus = Trees.at(dc, "esCan", "bus");
        this.stsKey = "STSTSM--" + site.vin();
    }

    /** The device blocks keyed {@code TYPE--part--serial}, sorted by key. */
    static Map<String, ObjectNode> build(Site site) {
        VitalsSynthesizer s = new VitalsSynthesizer(site);
        s.vitals();
        s.neurio();
        s.pvac();
        s.gateway();
        s.batteries();
        s.sync();
        s.msa();
        s.pw3();
        return s.out;
    }

    private ObjectNode block(String key) {
        ObjectNode block = Trees.NODES.objectNode();
        out.put(key, block);
        return block;
    }

    private static void tesla(ObjectNode b, Integer ecuType, String part, String serial) {
        b.putNull("firmwareVersion");
        b.putNull("lastCommunicationTime");
        b.put("manufacturer", "TESLA");
        b.set("partNumber", Trees.textOrNull(part));
        b.set("serialNumber", Trees.textOrNull(serial));
        if (ecuType != null) {
            b.putObject("teslaEnergyEcuAttributes").put("ecuType", ecuType);
        }
    }

    /** All fields of an esCan entry and its sub-objects, one level deep. */
    private static Map<String, JsonNode> flat(JsonNode entry) {
        Map<String, JsonNode> map = new HashMap<>();
        if (entry != null && entry.isObject()) {
            entry.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    e.getValue().properties().forEach(f -> map.put(f.getKey(), f.getValue()));
                } else {
                    map.put(e.getKey(), e.getValue());
                }
            });
        }
        return map;
    }

    private static void copy(ObjectNode b, Map<String, JsonNode> from, String... keys) {
        for (String key : keys) {
            JsonNode v = from.get(key);
            b.set(key, v == null ? Trees.NODES.nullNode() : v.deepCopy());
        }
    }

    private static ArrayNode alerts(JsonNode entry) {
        ArrayNode a = Trees.NODES.arrayNode();
        Trees.texts(Trees.at(entry, "alerts", "active")).forEach(a::add);
        return a;
    }

    private void vitals() {
        ObjectNode b = block("VITALS");
        b.put("text", "Device vitals generated from Tesla Powerwall Gateway TEDAPI");
        b.put("timestamp", site.snapshot.takenAt().toEpochMilli() / 1000.0);
        b.put("gateway", site.snapshot.din());
    }

    private void neurio() {
        for (JsonNode reading : Trees.elements(dc, "neurio", "readings")) {
            String serial = Trees.text(reading, "serial");
            if (serial == null) {
                continue;
            }
            JsonNode meter = null;
            for (JsonNode m : Trees.elements(site.config, "meters")) {
                if ("neurio_w2_tcp".equals(Trees.text(m, "type"))
                        && serial.equals(Trees.text(m, "connection", "device_serial"))) {
                    meter = m;
                }
            }
            ObjectNode b = block("NEURIO--" + serial);
            List<JsonNode> cts = Trees.elements(meter, "cts");
            Double scale = Trees.number(meter, "real_power_scale_factor");
            List<JsonNode> data = Trees.elements(reading, "dataRead");
            for (int i = 0; i < data.size() && i < cts.size(); i++) {
                if (!Trees.truthy(cts.get(i))) {
                    continue;
                }
                JsonNode d = data.get(i);
                String ct = "NEURIO_CT" + i + "_";
                Double real = Trees.number(d, "realPowerW");
                b.set(
                        ct + "InstRealPower",
                        Trees.numberOrNull(real == null ? null : real * (scale == null ? 1 : scale)));
                b.set(ct + "InstReactivePower", Trees.copyOrNull(Trees.at(d, "reactivePowerVAR")));
                b.set(ct + "InstVoltage", Trees.copyOrNull(Trees.at(d, "voltageV")));
                b.set(ct + "InstCurrent", Trees.copyOrNull(Trees.at(d, "currentA")));
                b.set(ct + "Location", Trees.copyOrNull(Trees.at(meter, "location")));
            }
            b.put("componentParentDin", site.vin());
            b.putNull("firmwareVersion");
            b.set("lastCommunicationTime", Trees.copyOrNull(Trees.at(reading, "timestamp")));
            b.put("manufacturer", "NEURIO");
            b.putObject("meterAttributes").putArray("meterLocation");
            b.put("serialNumber", serial);
        }
    }

    private Map<String, JsonNode> msaSignals(String part, String serial) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode c : Trees.elements(dc, "components", "msa")) {
            boolean partOk = part == null || part.equals(Trees.text(c, "partNumber"));
            if (partOk && serial != null && serial.equals(Trees.text(c, "serialNumber"))) {
                for (JsonNode s : Trees.elements(c, "signals")) {
                    String name = Trees.text(s, "name");
                    if (name != null) {
                        map.put(name, s.get("value"));
                    }
                }
            }
        }
        return map;
    }

    private void pvac() {
        List<JsonNode> pvacs = Trees.elements(bus, "PVAC");
        List<JsonNode> pvss = Trees.elements(bus, "PVS");
        List<JsonNode> solars = Trees.elements(site.config, "solars");
        for (int i = 0; i < pvacs.size(); i++) {
            JsonNode p = pvacs.get(i);
            String part = Trees.text(p, "packagePartNumber");
            String serial = Trees.text(p, "packageSerialNumber");
            if (serial == null || serial.isEmpty()) {
                continue;
            }
            String key = "PVAC--" + part + "--" + serial;
            Map<String, JsonNode> f = flat(p);
            Map<String, JsonNode> pvs = flat(i < pvss.size() ? pvss.get(i) : null);
            ObjectNode b = block(key);
            copy(b, f, PVAC_STATUS);
            copy(b, f, "PVAC_VL1Ground", "PVAC_VL2Ground");
            for (char s = 'A'; s <= 'D'; s++) {
                JsonNode v = f.get("PVAC_PVMeasuredVoltage_" + s);
                JsonNode a = f.get("PVAC_PVCurrent_" + s);
                copy(b, f, "PVAC_PVCurrent_" + s, "PVAC_PVMeasuredVoltage_" + s);
                Double power =
                        Trees.number(v) == null || Trees.number(a) == null ? null : Trees.number(v) * Trees.number(a);
                b.set("PVAC_PVMeasuredPower_" + s, Trees.numberOrNull(power));
                boolean connected = Trees.truthy(pvs.get("PVS_String" + s + "_Connected"));
                b.put("PVAC_PvState_" + s, connected ? "PV_Active" : "PV_Disabled");
            }
            for (String k : PVAC_NULLS) {
                b.putNull(k);
            }
            Map<String, JsonNode> fans = msaSignals(part, serial);
            for (String fan : new String[] {"PVAC_Fan_Speed_Actual_RPM", "PVAC_Fan_Speed_Target_RPM"}) {
                if (fans.containsKey(fan)) {
                    b.set(fan, Trees.copyOrNull(fans.get(fan)));
                }
            }
            b.set("alerts", alerts(p));
            b.putNull("componentParentDin");
            tesla(b, 296, part, serial);

            if (i < pvss.size()) {
                ObjectNode v = block("PVS--" + part + "--" + serial);
                v.putNull("PVS_EnableOutput");
                copy(v, pvs, "PVS_SelfTestState", "PVS_State", "PVS_vLL");
                for (char s = 'A'; s <= 'D'; s++) {
                    copy(v, pvs, "PVS_String" + s + "_Connected");
                }
                v.set("alerts", alerts(pvss.get(i)));
                v.put("componentParentDin", key);
                tesla(v, 297, part, serial);
            }

            ObjectNode t = block("TESLA--" + part + "--" + serial);
            JsonNode solar = i < solars.size() ? solars.get(i) : null;
            String brand = Trees.text(solar, "brand");
            t.put("componentParentDin", stsKey);
            t.putNull("firmwareVersion");
            t.putNull("lastCommunicationTime");
            t.put("manufacturer", brand == null ? "TESLA" : brand.toUpperCase(java.util.Locale.ROOT));
            t.putObject("pvInverterAttributes")
                    .set("nameplateRealPowerW", Trees.copyOrNull(Trees.at(solar, "power_rating_watts")));
            t.put("serialNumber", part + "--" + serial);
        }
    }

    private void gateway() {
        String[] din = Site.splitDin(site.vin());
        ObjectNode b = block(stsKey);
        b.put("STSTSM-Location", "Gateway");
        ArrayNode a = b.putArray("alerts");
        Trees.texts(Trees.at(site.status, "control", "alerts", "active")).forEach(a::add);
        tesla(b, 207, din[0], din[1]);
    }

    private void batteries() {
        List<JsonNode> thcs = Trees.elements(bus, "THC");
        List<JsonNode> pods = Trees.elements(bus, "POD");
        List<JsonNode> pinvs = Trees.elements(bus, "PINV");
        for (int i = 0; i < thcs.size(); i++) {
            JsonNode thc = thcs.get(i);
            String part = Trees.text(thc, "packagePartNumber");
            String serial = Trees.text(thc, "packageSerialNumber");
            if (serial == null || serial.isEmpty()) {
                continue;
            }
            String suffix = part + "--" + serial;
            ObjectNode t = block("TETHC--" + suffix);
            t.set("THC_AmbientTemp", Trees.copyOrNull(msaSignals(null, serial).get("THC_AmbientTemp")));
            t.putNull("THC_State");
            t.set("alerts", alerts(thc));
            t.put("componentParentDin", stsKey);
            tesla(t, 224, part, serial);

            if (i < pods.size()) {
                Map<String, JsonNode> f = flat(pods.get(i));
                ObjectNode p = block("TEPOD--" + suffix);
                copy(p, f, POD_KEYS);
                Double remaining = Trees.number(f.get("POD_nom_energy_remaining"));
                Double full = Trees.number(f.get("POD_nom_full_pack_energy"));
                copy(p, f, "POD_nom_energy_remaining", "POD_nom_full_pack_energy");
                p.set(
                        "POD_nom_energy_to_be_charged",
                        remaining == null || full == null ? Trees.NODES.nullNode() : number(full - remaining));
                p.set("alerts", alerts(pods.get(i)));
                p.put("componentParentDin", "TETHC--" + suffix);
                tesla(p, 226, part, serial);
            }
            if (i < pinvs.size()) {
                ObjectNode v = block("TEPINV--" + suffix);
                copy(v, flat(pinvs.get(i)), PINV_KEYS);
                v.set("alerts", alerts(pinvs.get(i)));
                v.put("componentParentDin", "TETHC--" + suffix);
                tesla(v, 253, part, serial);
            }
        }
    }

    /** A whole number as an integer node (as the gateway sends Wh), else a double node. */
    static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
            return Trees.NODES.numberNode((long) value);
        }
        return Trees.NODES.numberNode(value);
    }

    private static void meter(ObjectNode b, Map<String, JsonNode> f, String prefix) {
        for (String suffix : METER_SUFFIXES) {
            copy(b, f, prefix + suffix);
        }
    }

    private void sync() {
        JsonNode sync = Trees.at(bus, "SYNC");
        Map<String, JsonNode> f = flat(sync);
        Map<String, JsonNode> island = flat(Trees.at(bus, "ISLANDER"));
        String part = Trees.text(sync, "packagePartNumber");
        String serial = Trees.text(sync, "packageSerialNumber");
        // pypowerwall emits this block even without a SYNC (PW3), keyed TESYNC--None--None.
        ObjectNode b = block("TESYNC--" + (part == null ? "None" : part) + "--" + (serial == null ? "None" : serial));
        copy(b, island, ISLAND_KEYS);
        meter(b, f, "METER_X_");
        meter(b, f, "METER_Y_");
        copy(b, f, "SYNC_ExternallyPowered", "SYNC_SiteSwitchEnabled");
        b.set("alerts", alerts(sync));
        b.put("componentParentDin", stsKey);
        tesla(b, 259, part, serial);
        b.remove("lastCommunicationTime");
    }

    private void msa() {
        JsonNode msa = Trees.at(bus, "MSA");
        String part = Trees.text(msa, "packagePartNumber");
        String serial = Trees.text(msa, "packageSerialNumber");
        Map<String, JsonNode> f = flat(msa);
        ArrayNode alerts = alerts(msa);
        if (serial == null || serial.isEmpty()) {
            // PW3: the Backup Switch meter is only in the full query's components.msa, as signals.
            f = new HashMap<>();
            serial = null;
            for (JsonNode c : Trees.elements(dc, "components", "msa")) {
                Map<String, JsonNode> signals = new HashMap<>();
                for (JsonNode s : Trees.elements(c, "signals")) {
                    String name = Trees.text(s, "name");
                    if (name != null && name.startsWith("METER_Z_")) {
                        signals.put(name.replaceAll("^METER_Z_VL(\\d)G$", "METER_Z_VL$1N"), s.get("value"));
                    }
                }
                if (!signals.isEmpty()) {
                    f = signals;
                    part = Trees.text(c, "partNumber");
                    serial = Trees.text(c, "serialNumber");
                    alerts = Trees.NODES.arrayNode();
                    for (JsonNode a : Trees.elements(c, "activeAlerts")) {
                        if (Trees.text(a, "name") != null) {
                            alerts.add(Trees.text(a, "name"));
                        }
                    }
                    break;
                }
            }
        }
        String meterSerial = serial;
        if (serial != null) {
            ObjectNode b = block("TEMSA--" + part + "--" + serial);
            meter(b, f, "METER_Z_");
            b.set("alerts", alerts);
            b.put("componentParentDin", stsKey);
            tesla(b, 300, part, serial);
            b.remove("lastCommunicationTime");
        } else {
            meterSerial = Trees.text(bus, "SYNC", "packageSerialNumber");
        }
        ObjectNode t = block("TESLA--" + (meterSerial == null ? "None" : meterSerial));
        t.put("componentParentDin", stsKey);
        t.putNull("lastCommunicationTime");
        t.put("manufacturer", "TESLA");
        t.putObject("meterAttributes").putArray("meterLocation").add(1);
        t.set("serialNumber", Trees.textOrNull(meterSerial));
    }

    private void pw3() {
        for (Pw3Unit unit : site.pw3Units) {
            String[] din = Site.splitDin(unit.din());
            ObjectNode p = block("PVAC--" + unit.din());
            p.set("PVAC_Fout", Trees.numberOrNull(unit.pch("PCH_AcFrequency")));
            for (char s : Pw3Unit.STRINGS.toCharArray()) {
                Double v = unit.stringVoltage(s);
                Double a = unit.stringCurrent(s);
                p.set("PVAC_PVCurrent_" + s, nullable(a));
                p.set("PVAC_PVMeasuredVoltage_" + s, nullable(v));
                p.set("PVAC_PVMeasuredPower_" + s, v == null || a == null ? Trees.NODES.nullNode() : nullable(v * a));
                p.put("PVAC_PvState_" + s, unit.stringState(s));
            }
            p.set("PVAC_Pout", Trees.numberOrNull(unit.batteryPowerW()));
            p.set("PVAC_State", Trees.textOrNull(unit.pchText("PCH_AcMode")));
            p.set("PVAC_VL1Ground", Trees.numberOrNull(unit.pch("PCH_AcVoltageAN")));
            p.set("PVAC_VL2Ground", Trees.numberOrNull(unit.pch("PCH_AcVoltageBN")));
            p.set("PVAC_Vout", Trees.numberOrNull(unit.acVoltage()));
            p.put("manufacturer", "TESLA");
            p.set("partNumber", Trees.textOrNull(din[0]));
            p.set("serialNumber", Trees.textOrNull(din[1]));

            ObjectNode v = block("PVS--" + unit.din());
            for (char s : Pw3Unit.STRINGS.toCharArray()) {
                v.put("PVS_String" + s + "_Connected", unit.stringConnected(s));
            }

            ObjectNode inv = block("TEPINV--" + unit.din());
            inv.set("PINV_Fout", Trees.numberOrNull(unit.pch("PCH_AcFrequency")));
            Double watts = unit.batteryPowerW();
            inv.set("PINV_Pout", Trees.numberOrNull(watts == null ? null : watts / 1000));
            inv.set("PINV_State", Trees.textOrNull(unit.pchText("PCH_AcMode")));
            inv.set("PINV_VSplit1", Trees.numberOrNull(unit.pch("PCH_AcVoltageAN")));
            inv.set("PINV_VSplit2", Trees.numberOrNull(unit.pch("PCH_AcVoltageBN")));
            inv.set("PINV_Vout", Trees.numberOrNull(unit.acVoltage()));

            pods(unit);
        }
    }

    /** A value that is 0 after clamping is written as integer 0, as pypowerwall does. */
    private static JsonNode nullable(Double value) {
        return value == null
                ? Trees.NODES.nullNode()
                : value == 0 ? Trees.NODES.numberNode(0) : Trees.NODES.numberNode(value);
    }

    private void pods(Pw3Unit unit) {
        List<String> expansions = new ArrayList<>();
        for (JsonNode block : Trees.elements(site.config, "battery_blocks")) {
            if (unit.din().equals(Trees.text(block, "vin"))) {
                for (JsonNode e : Trees.elements(block, "battery_expansions")) {
                    if (Trees.text(e, "din") != null) {
                        expansions.add(Trees.text(e, "din"));
                    }
                }
            }
        }
        List<Pw3Unit.Bms> slots = unit.bms();
        for (int i = 0; i < slots.size(); i++) {
            Pw3Unit.Bms bms = slots.get(i);
            if (bms.fullKwh() == null || bms.fullKwh() <= 0) {
                continue;
            }
            String din = i == 0 ? unit.din() : null;
            List<String> alerts = i == 0 ? unit.alerts() : bms.alerts();
            if (i > 0) {
                // A slot is a DC expansion only when its HVP serial names one from config; else phantom.
                for (String e : expansions) {
                    if (bms.hvpSerial() != null && bms.hvpSerial().equals(Site.splitDin(e)[1])) {
                        din = e;
                    }
                }
            }
            if (din == null) {
                continue;
            }
            long full = Math.round(bms.fullKwh() * 1000);
            long remaining = bms.remainingKwh() == null ? 0 : Math.round(bms.remainingKwh() * 1000);
            ObjectNode p = block("TEPOD--" + din);
            p.put("POD_nom_energy_remaining", remaining);
            p.put("POD_nom_energy_to_be_charged", full - remaining);
            p.put("POD_nom_full_pack_energy", full);
            ArrayNode a = p.putArray("alerts");
            alerts.forEach(a::add);
        }
    }
}
