/**
 * Tesla Powerwall 2/+/3 local TEDAPI: the protobuf envelope and signed queries, the legacy API
 * views, an HTTPS client and a gateway simulator.
 */
module io.github.solarwire.tedapi {
    requires transitive io.github.solarwire.core;
    requires transitive io.github.solarwire.net;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.google.protobuf;

    exports io.github.solarwire.tedapi.codec;
    exports io.github.solarwire.tedapi.transport;
}
