package io.github.solarwire.pvs.sim;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders the legacy DeviceList: every metric a JSON string, times as {@code YYYY,MM,DD,hh,mm,ss}. */
final class DeviceListBody {

    private static final DateTimeFormatter DL_TIME =
            DateTimeFormatter.ofPattern("yyyy,MM,dd,HH,mm,ss").withZone(ZoneOffset.UTC);

    private DeviceListBody() {}

    static byte[] render(SiteDevices d) {
        SimulatedPvs pvs = d.pvs();
        PvsState s = d.state();
        String now = DL_TIME.format(s.time());
        // Measurements lag the response a little, as on the real supervisor.
        String measured = DL_TIME.format(s.time().minusSeconds(s.time().getEpochSecond() % 60));
        JsonOut j = new JsonOut(1200 + 900 * pvs.inverters()).open().openArray("devices");
        j.open()
                .string("DETAIL", "detail")
                .string("STATE", "working")
                .string("STATEDESCR", "Working")
                .string("SERIAL", pvs.serial())
                .string("MODEL", "PV Supervisor " + pvs.model().name())
                .string("HWVER", pvs.model() == PvsModel.PVS6 ? "6.02" : "5.3")
                .string("SWVER", pvs.swVersion())
                .string("DEVICE_TYPE", "PVS")
                .string("DATATIME", measured)
                .string("dl_err_count", "0")
                .string("dl_comm_err", Long.toString(100 + s.uptimeSeconds() / 600))
                .string("dl_skipped_scans", "0")
                .string("dl_scan_time", "24")
                .string("dl_untransmitted", "0")
                .string("dl_uptime", Long.toString(s.uptimeSeconds()))
                .string("dl_cpu_load", JsonOut.fixed(0.3 + 0.6 * pvs.noise(20, s.uptimeSeconds() / 60), 2))
                .string("dl_mem_used", "81080")
                .string("dl_flash_avail", "58953")
                .number("panid", 260754360)
                .string("CURTIME", now)
                .close();
        meter(j, d.production(), d, measured, now);
        meter(j, d.consumption(), d, measured, now);
        for (SiteDevices.Inverter inv : d.inverters()) {
            inverter(j, inv, d, measured, now);
        }
        return j.closeArray().string("result", "succeed").close().bytes();
    }

    private static void meter(JsonOut j, SiteDevices.Meter m, SiteDevices d, String measured, String now) {
        String subtypeKey = m.production() ? "production_subtype_enum" : "consumption_subtype_enum";
        String subtype = m.production() ? "GROSS_PRODUCTION_SITE" : "NET_CONSUMPTION_LOADSIDE";
        j.open()
                .bool("ISDETAIL", true)
                .string("SERIAL", m.serial())
                .string("TYPE", m.production() ? "PVS5-METER-P" : "PVS5-METER-C")
                .string("STATE", "working")
                .string("STATEDESCR", "Working")
                .string("MODEL", m.model())
                .string("DESCR", "Power Meter " + m.serial())
                .string("DEVICE_TYPE", "Power Meter")
                .string("interface", "mime")
                .string(subtypeKey, subtype)
                .string("subtype", subtype)
                .string("SWVER", "3000")
                .string("PORT", "")
                .string("DATATIME", measured)
                .string("ct_scl_fctr", Integer.toString(m.ct()))
                .string("net_ltea_3phsum_kwh", JsonOut.fixed(m.netKwh(), 2))
                .string("p_3phsum_kw", JsonOut.fixed(m.kw(), 4))
                .string("q_3phsum_kvar", JsonOut.fixed(m.kvar(), 4))
                .string("s_3phsum_kva", JsonOut.fixed(m.kva(), 4))
                .string("tot_pf_rto", JsonOut.fixed(m.pf(), 4))
                .string("freq_hz", JsonOut.fixed(d.hz(), 4));
        if (m.production()) {
            j.string("i_a", JsonOut.fixed(m.i1(), 4)).string("v12_v", JsonOut.fixed(d.v12(), 4));
        } else {
            j.string("i1_a", JsonOut.fixed(m.i1(), 4))
                    .string("i2_a", JsonOut.fixed(m.i2(), 4))
                    .string("v1n_v", JsonOut.fixed(d.v12() / 2, 4))
                    .string("v2n_v", JsonOut.fixed(d.v12() / 2, 4))
                    .string("v12_v", JsonOut.fixed(d.v12(), 4))
                    .string("p1_kw", JsonOut.fixed(m.p1(), 4))
                    .string("p2_kw", JsonOut.fixed(m.p2(), 4))
                    .string("neg_ltea_3phsum_kwh", JsonOut.fixed(m.negKwh(), 4))
                    .string("pos_ltea_3phsum_kwh", JsonOut.fixed(m.posKwh(), 4));
        }
        j.string("CAL0", Integer.toString(m.ct()))
                .string("origin", "data_logger")
                .string("OPERATION", "noop")
                .string("CURTIME", now)
                .close();
    }

    private static void inverter(JsonOut j, SiteDevices.Inverter inv, SiteDevices d, String measured, String now) {
        j.open()
                .bool("ISDETAIL", true)
                .string("SERIAL", inv.serial())
                .string("TYPE", "SOLARBRIDGE")
                .string("STATE", inv.working() ? "working" : "error")
                .string("STATEDESCR", inv.working() ? "Working" : "Error")
                .string("MODEL", "AC_Module_Type_E")
                .string("DESCR", "Inverter " + inv.serial())
                .string("DEVICE_TYPE", "Inverter")
                .string("hw_version", "4405")
                .string("interface", "mime")
                .string("PANEL", "SPR-X22-360-E-AC")
                .number("slave", 0)
                .string("SWVER", "4.40.1")
                .string("PORT", "")
                .string("MOD_SN", "")
                .string("NMPLT_SKU", "");
        if (inv.metrics()) {
            j.string("DATATIME", measured)
                    .string("ltea_3phsum_kwh", JsonOut.fixed(inv.kwh(), 4))
                    .string("p_3phsum_kw", JsonOut.fixed(inv.kw(), 4))
                    .string("vln_3phavg_v", JsonOut.fixed(inv.volts(), 2))
                    .string("i_3phsum_a", JsonOut.fixed(inv.amps(), 2))
                    .string("p_mppt1_kw", JsonOut.fixed(inv.dcKw(), 4))
                    .string("v_mppt1_v", JsonOut.fixed(inv.dcVolts(), 2))
                    .string("i_mppt1_a", JsonOut.fixed(inv.dcAmps(), 2))
                    .string("t_htsnk_degc", Integer.toString(inv.heatsinkC()))
                    .string("freq_hz", JsonOut.fixed(d.hz(), 2))
                    .string("stat_ind", "0");
        }
        j.string("origin", "data_logger")
                .string("OPERATION", "noop")
                .string("CURTIME", now)
                .close();
    }
}
