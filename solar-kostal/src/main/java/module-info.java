/**
 * Kostal PIKO first-generation inverters: the status page ({@code index.fhtml}), the binary
 * protocol on TCP port 81, the PIKO MP plus {@code all.xml}, the {@code LogDaten.dat} history, the
 * mapping to solarwire readings and the kostal2mqtt document; a device read over HTTP; and a
 * simulator of the inverter's web server.
 */
module io.github.solarwire.kostal {
    requires transitive io.github.solarwire.core;
    requires io.github.solarwire.net;
    requires org.jsoup;
    requires io.netty.codec.http;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;

    exports io.github.solarwire.kostal;
    exports io.github.solarwire.kostal.codec;
    exports io.github.solarwire.kostal.sim;
    exports io.github.solarwire.kostal.transport;
}
