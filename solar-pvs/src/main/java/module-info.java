/**
 * SunPower / SunStrong PVS5 and PVS6 supervisors: pure decoders for the telemetry WebSocket {@code
 * power} notification, varserver {@code /vars} responses, the legacy {@code dl_cgi} DeviceList and
 * {@code supervisor/info}, and their mapping to solarwire readings; the device over every firmware
 * path; a simulated supervisor serving them over loopback HTTP, HTTPS and WebSocket; and the
 * SunVault ESS over Modbus TCP.
 */
module io.github.solarwire.pvs {
    requires transitive io.github.solarwire.core;
    requires com.fasterxml.jackson.core;
    requires transitive io.github.solarwire.net;
    requires org.slf4j;
    requires com.digitalpetri.modbus;
    requires com.digitalpetri.modbus.tcp;
    requires io.netty.codec.http;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires transitive io.netty.handler;

    exports io.github.solarwire.pvs;
    exports io.github.solarwire.pvs.codec;
    exports io.github.solarwire.pvs.ess;
    exports io.github.solarwire.pvs.sim;
    exports io.github.solarwire.pvs.transport;
}
