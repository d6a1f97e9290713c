/**
 * SunPower / SunStrong PVS5 and PVS6 supervisors: pure decoders for the telemetry WebSocket {@code
 * power} notification, varserver {@code /vars} responses, the legacy {@code dl_cgi} DeviceList and
 * {@code supervisor/info}, and their mapping to solarwire readings.
 */
module io.github.solarwire.pvs {
    requires transitive io.github.solarwire.core;
    requires com.fasterxml.jackson.core;

    exports io.github.solarwire.pvs.codec;
}
