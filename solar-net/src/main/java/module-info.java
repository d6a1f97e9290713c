/**
 * Network pieces shared by the device modules, on Netty: an HTTP client, a WebSocket client, and
 * the TLS trust both use.
 */
module io.github.solarwire.net {
    requires transitive io.github.solarwire.core;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires org.slf4j;

    exports io.github.solarwire.net;
}
