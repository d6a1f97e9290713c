package io.github.solarwire.pvs.sim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The varserver namespace of a {@link SimulatedPvs} and its query language. A variable's value is
 * a {@code String} or, for the {@code …/data} device objects, a map of field to {@code String},
 * {@code Integer} or {@code Double}.
 */
final class Varserver {

    static final String TELEMETRY_ENABLE = "/sys/telemetryws/enable";
    private static final int MAX_CACHES = 64;

    private final SimulatedPvs pvs;
    private final Map<String, List<String>> caches = new LinkedHashMap<>();

    Varserver(SimulatedPvs pvs) {
        this.pvs = pvs;
    }

    synchronized VarsResponse answer(String query, Instant t) {
        VarsQuery q;
        try {
            q = VarsQuery.parse(query);
        } catch (IllegalArgumentException e) {
            return badRequest();
        }
        if (q.setName() != null) {
            boolean on = q.setValue().equals("1");
            if (!q.setName().equals(TELEMETRY_ENABLE)
                    || !(on || q.setValue().equals("0"))
                    || !pvs.setTelemetryEnabled(on)) {
                return badRequest();
            }
        }
        Map<String, Object> all = namespace(t);
        List<String> selected;
        if (q.setName() != null) {
            selected = List.of(q.setName());
        } else if (q.names() != null) {
            selected = q.names();
        } else if (q.match() != null) {
            selected = all.keySet().stream().filter(n -> n.contains(q.match())).toList();
        } else if (q.cache() != null) {
            selected = caches.get(q.cache());
        } else {
            selected = null;
        }
        if (selected == null || selected.isEmpty() || !all.keySet().containsAll(selected)) {
            return badRequest();
        }
        if (q.cache() != null && (q.names() != null || q.match() != null)) {
            if (caches.size() >= MAX_CACHES && !caches.containsKey(q.cache())) {
                caches.remove(caches.keySet().iterator().next());
            }
            caches.put(q.cache(), selected);
        }
        return new VarsResponse(200, render(all, selected, q.objectForm()));
    }

    private static VarsResponse badRequest() {
        return new VarsResponse(
                400,
                new JsonOut(64)
                        .open()
                        .number("status", 400)
                        .string("error", "Bad Request")
                        .string("path", "/vars")
                        .close()
                        .bytes());
    }

    private static byte[] render(Map<String, Object> all, List<String> names, boolean objectForm) {
        JsonOut j = new JsonOut(64 + 80 * names.size()).open();
        if (objectForm) {
            for (String n : names) {
                value(j, n, all.get(n));
            }
            return j.close().bytes();
        }
        j.openArray("values");
        for (String n : names) {
            j.open().string("name", n);
            value(j, "value", all.get(n));
            j.close();
        }
        return j.closeArray().number("count", names.size()).close().bytes();
    }

    private static void value(JsonOut j, String key, Object value) {
        if (value instanceof Map<?, ?> fields) {
            j.open(key);
            fields.forEach((k, v) -> {
                if (v instanceof Double d) {
                    j.number((String) k, d);
                } else if (v instanceof Integer n) {
                    j.number((String) k, n);
                } else {
                    j.string((String) k, (String) v);
                }
            });
            j.close();
        } else {
            j.string(key, (String) value);
        }
    }

    /** Every variable at an instant, in the order the real namespace lists them. */
    Map<String, Object> namespace(Instant t) {
        PvsState s = pvs.state(t);
        SiteDevices d = SiteDevices.of(pvs, s);
        Map<String, Object> v = new LinkedHashMap<>();
        String info = "/sys/info/";
        String mac = String.format(
                Locale.ROOT,
                "00:22:F2:%02X:%02X:%02X",
                (int) (pvs.noise(30, 0) * 256),
                (int) (pvs.noise(30, 1) * 256),
                (int) (pvs.noise(30, 2) * 256));
        long minute = Math.floorDiv(t.getEpochSecond(), 60);
        v.put(info + "serialnum", pvs.serial());
        v.put(info + "model", pvs.model().name() + " ");
        v.put(info + "hwrev", pvs.model() == PvsModel.PVS6 ? "6.02" : "5.3");
        v.put(info + "fwrev", " Major 2, Revision 0x00000001, Build 3");
        v.put(info + "sw_rev", pvs.swRevision());
        v.put(info + "sys_type", pvs.storage() ? "Storage" : "PV-only");
        v.put(info + "lmac", mac);
        v.put(info + "ssid", "SunPower" + pvs.password());
        v.put(info + "uptime", s.uptimeSeconds() + ".0");
        v.put(info + "cpu_usage", Integer.toString(3 + (int) (pvs.noise(31, minute) * 8)));
        v.put(info + "ram_usage", Integer.toString(30 + (int) (pvs.noise(32, minute) * 4)));
        v.put(info + "flash_usage", "42");
        String live = "/sys/livedata/";
        v.put(live + "time", Long.toString(t.getEpochSecond()));
        v.put(live + "pv_p", six(s.pvKw()));
        v.put(live + "pv_en", six(s.pvKwh()));
        v.put(live + "net_p", six(s.netKw()));
        v.put(live + "net_en", six(s.netKwh()));
        v.put(live + "site_load_p", six(s.siteLoadKw()));
        v.put(live + "site_load_en", six(s.siteLoadKwh()));
        v.put(live + "ess_en", pvs.storage() ? six(s.essKwh()) : "nan");
        v.put(live + "ess_p", pvs.storage() ? six(s.essKw()) : "nan");
        v.put(live + "soc", pvs.storage() ? six(s.soc()) : "nan");
        v.put(live + "backupTimeRemaining", Long.toString(s.backupMinutes()));
        v.put(live + "midstate", "2");
        String eps = s.time().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map.Entry<String, Map<String, Object>>> devices = new ArrayList<>();
        devices.add(Map.entry("meter", meter(d.production(), d, eps)));
        devices.add(Map.entry("meter", meter(d.consumption(), d, eps)));
        if (pvs.storage()) {
            devices.add(Map.entry("ess", ess(s, d, eps)));
            devices.add(Map.entry("transfer_switch", transferSwitch(d, eps)));
        }
        for (SiteDevices.Inverter inv : d.inverters()) {
            devices.add(Map.entry("inverter", inverter(inv, d, eps)));
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            String type = devices.get(i).getKey();
            Map<String, Object> fields = devices.get(i).getValue();
            if (pvs.layout() == VarsLayout.DATA_OBJECTS) {
                int id = type.equals("inverter") ? 21 + i - (devices.size() - pvs.inverters()) : 11 + i;
                v.put("/sys/devices/" + id + "/" + type + "/data", fields);
            } else {
                int index = indexes.merge(type, 1, Integer::sum) - 1;
                // The validity masks exist only inside the data objects.
                fields.remove("vldFldMsk");
                fields.forEach((k, x) -> v.put(
                        "/sys/devices/" + type + "/" + index + "/" + k,
                        x instanceof Double n ? JsonOut.fixed(n, 6) : String.valueOf(x)));
            }
        }
        if (pvs.hasTelemetrySocket()) {
            v.put(TELEMETRY_ENABLE, pvs.telemetryEnabled() ? "1" : "0");
        }
        v.put("/sys/pvs/flashwear_type_b", "0x02");
        return v;
    }

    private static String six(double value) {
        return JsonOut.fixed(value, 6);
    }

    private static Map<String, Object> meter(SiteDevices.Meter m, SiteDevices d, String eps) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ctSclFctr", m.ct());
        f.put("freqHz", d.hz());
        if (!m.production()) {
            f.put("i1A", m.i1());
            f.put("i2A", m.i2());
        }
        f.put("msmtEps", eps);
        if (!m.production()) {
            f.put("negLtea3phsumKwh", m.negKwh());
        }
        f.put("netLtea3phsumKwh", m.netKwh());
        if (!m.production()) {
            f.put("p1Kw", m.p1());
            f.put("p2Kw", m.p2());
        }
        f.put("p3phsumKw", m.kw());
        if (!m.production()) {
            f.put("posLtea3phsumKwh", m.posKwh());
        }
        f.put("prodMdlNm", m.model());
        f.put("q3phsumKvar", m.kvar());
        f.put("s3phsumKva", m.kva());
        f.put("sn", m.serial());
        f.put("totPfRto", m.pf());
        f.put("v12V", d.v12());
        if (!m.production()) {
            f.put("v1nV", d.v12() / 2);
            f.put("v2nV", d.v12() / 2);
        }
        f.put("vldFldMsk", m.production() ? "67174655" : "70239999");
        return f;
    }

    private static Map<String, Object> inverter(SiteDevices.Inverter inv, SiteDevices d, String eps) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (inv.metrics()) {
            f.put("freqHz", d.hz());
            f.put("i3phsumA", inv.amps());
            f.put("iMppt1A", inv.dcAmps());
            f.put("ltea3phsumKwh", inv.kwh());
            f.put("msmtEps", eps);
            f.put("p3phsumKw", inv.kw());
            f.put("pMppt1Kw", inv.dcKw());
        }
        f.put("prodMdlNm", "AC_Module_Type_E");
        f.put("sn", inv.serial());
        if (inv.metrics()) {
            f.put("tHtsnkDegc", inv.heatsinkC());
            f.put("vMppt1V", inv.dcVolts());
            f.put("vln3phavgV", inv.volts());
        }
        return f;
    }

    private static Map<String, Object> ess(PvsState s, SiteDevices d, String eps) {
        Map<String, Object> f = new LinkedHashMap<>();
        double charged = Math.max(0, -s.essKwh()) * 6 + 5000;
        f.put("chrgLimitPmaxKw", SimulatedPvs.ESS_MAX_KW);
        f.put("customerSocVal", s.soc());
        f.put("dischrgLimPmaxKw", SimulatedPvs.ESS_MAX_KW);
        f.put("msmtEps", eps);
        f.put("negLtea3phsumKwh", charged);
        f.put("opMode", "SELF_CONSUMPTION");
        f.put("p3phsumKw", s.essKw());
        f.put("posLtea3phsumKwh", charged + s.essKwh());
        f.put("prodMdlNm", "SPWR-Equinox-model");
        f.put("sn", "ESS-" + d.pvs().password());
        f.put("socVal", s.soc());
        f.put("sohVal", 1.0);
        f.put("v1nV", d.v12() / 2);
        f.put("v2nV", d.v12() / 2);
        f.put("vBattV", 50 + 4 * s.soc());
        return f;
    }

    private static Map<String, Object> transferSwitch(SiteDevices d, String eps) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("midStEnum", "MID_STATE_CLOSED");
        f.put("msmtEps", eps);
        f.put("prodMdlNm", "SunPower MIDC");
        f.put("pvd1StEnum", "PVD_STATE_CLOSED");
        f.put("sn", "MIDC-" + d.pvs().password());
        f.put("tDegc", 28.0);
        f.put("v1nGridV", d.v12() / 2);
        f.put("v1nV", d.v12() / 2);
        f.put("v2nGridV", d.v12() / 2);
        f.put("v2nV", d.v12() / 2);
        return f;
    }
}
