package io.github.solarwire.solaredge.pcap;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Filters that pick the inverter ↔ monitoring server connections out of a capture.
 *
 * <p>The inverter is the TCP client of the SolarEdge server, which listens on port 22222 (seen in
 * captures; semonitor's network mode also listens on 22221 and 80). The peer's old {@code
 * seextract -s host} kept only packets sent to the server's address; {@link #withServer} keeps
 * both directions.
 */
public final class SolarEdgeTraffic {

    /** The monitoring server's port in captures. */
    public static final int SERVER_PORT = 22222;

    private SolarEdgeTraffic() {}

    /**
     * Both directions of connections to or from the server port 22222.
     *
     * @return the filter
     */
    public static Predicate<TcpSegment> serverPort() {
        return onPort(SERVER_PORT);
    }

    /**
     * Both directions of connections with one end on a port.
     *
     * @param port the TCP port
     * @return the filter
     */
    public static Predicate<TcpSegment> onPort(int port) {
        return s -> s.source().port() == port || s.destination().port() == port;
    }

    /**
     * Both directions of connections with one end at an address.
     *
     * @param server the server's IPv4 address
     * @return the filter
     */
    public static Predicate<TcpSegment> withServer(Inet4Address server) {
        int address = Endpoint.toInt(Objects.requireNonNull(server, "server"));
        return s -> s.source().address() == address || s.destination().address() == address;
    }

    /**
     * Only the inverter → server direction of {@link #serverPort()} connections.
     *
     * @return the filter
     */
    public static Predicate<TcpSegment> toServerPort() {
        return s -> s.destination().port() == SERVER_PORT;
    }

    /**
     * Every TCP segment.
     *
     * @return the filter
     */
    public static Predicate<TcpSegment> all() {
        return s -> true;
    }
}
