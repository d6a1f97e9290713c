/**
 * Tesla Powerwall 2/+/3 local TEDAPI: the protobuf envelope and signed queries, the legacy API
 * views, an HTTPS client and a gateway simulator.
 */
module io.github.solarwire.tedapi {
    requires transitive io.github.solarwire.core;
    requires transitive io.github.solarwire.net;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.google.protobuf;
    requires io.netty.codec.http;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires transitive io.netty.handler;

    exports io.github.solarwire.tedapi;
    exports io.github.solarwire.tedapi.codec;
    exports io.github.solarwire.tedapi.sim;
    exports io.github.solarwire.tedapi.transport;
    exports io.github.solarwire.tedapi.view;
}
