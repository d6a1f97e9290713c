package io.github.solarwire.pvs.codec;

import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared PVS vectors ({@code shared/vectors/pvs}), read where they are: {@code -Dsolar.vectors}
 * (set by the build) or {@code ../shared/vectors} beside the project root. Never copied.
 */
final class Vectors {

    static final String WS_POWER = "websocket/power_notification.pvs_recorder.json";
    static final String DL_KRBAKER = "dl_cgi/devicelist.krbaker_hass-sunpower.2024-04-16.json";
    static final String DL_ESUNPOWER = "dl_cgi/devicelist.ha-esunpower.2025-07-20.json";
    static final String DL_EXPORTER = "dl_cgi/devicelist.sunpower-pvs-exporter.test.json";
    static final String DL_EXPORTER_ERROR = "dl_cgi/devicelist.sunpower-pvs-exporter.error_state.json";
    static final String DL_NOTES = "dl_cgi/sunpower_pvs_notes_examples/command_DeviceList.json";
    static final String START = "dl_cgi/sunpower_pvs_notes_examples/command_Start.json";
    static final String LOCALAPI = "varserver/localapi_doc_examples/";
    static final String LIVEDATA = LOCALAPI + "vars_match_livedata_fmt_obj_cache_ldata.json";
    static final String LIVEDATA_CACHED = LOCALAPI + "vars_cache_ldata_fmt_obj.json";
    static final String METER_DATA = LOCALAPI + "vars_match_meter_data_fmt_obj.json";
    static final String INVERTER_ELIDED = LOCALAPI + "vars_match_inverter_data_fmt_obj.elided.txt";
    static final String MATCH_REV = LOCALAPI + "vars_match_rev.json";
    static final String MATCH_REV_OBJ = LOCALAPI + "vars_match_rev_fmt_obj.json";
    static final String NAME_SW_REV_LMAC = LOCALAPI + "vars_name_sw_rev_lmac.json";
    static final String SET_TELEMETRY = LOCALAPI + "vars_set_telemetryws_enable.json";
    static final String PYPVS_SAMPLES = "varserver/pypvs_test_samples/test_varserver_models.samples.json";

    static final String[] ALL_JSON = {
        WS_POWER,
        DL_KRBAKER,
        DL_ESUNPOWER,
        DL_EXPORTER,
        DL_EXPORTER_ERROR,
        DL_NOTES,
        START,
        LIVEDATA,
        LIVEDATA_CACHED,
        METER_DATA,
        INVERTER_ELIDED,
        MATCH_REV,
        MATCH_REV_OBJ,
        NAME_SW_REV_LMAC,
        SET_TELEMETRY,
        PYPVS_SAMPLES
    };

    private Vectors() {}

    static Path directory() {
        return TestVectors.directory("pvs");
    }

    static byte[] bytes(String file) {
        Path path = directory().resolve(file);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (set -Dsolar.vectors=<dir>)", e);
        }
    }
}
