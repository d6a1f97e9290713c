/**
 * The SolarEdge proprietary inverter protocol: framing and CRC, function codes, the 0x0500
 * telemetry, the key and session cipher, and pcap capture reading.
 */
module io.github.solarwire.solaredge {
    requires transitive io.github.solarwire.core;

    exports io.github.solarwire.solaredge.codec;
    exports io.github.solarwire.solaredge.telemetry;
    exports io.github.solarwire.solaredge.crypto;
    exports io.github.solarwire.solaredge.pcap;
}
