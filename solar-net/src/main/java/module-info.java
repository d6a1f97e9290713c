/** Network pieces shared by the device modules: an HTTP client on Netty. */
module io.github.solarwire.net {
    requires transitive io.github.solarwire.core;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;

    exports io.github.solarwire.net;
}
