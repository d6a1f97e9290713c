package io.github.solarwire.solaredge.pcap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One end of a TCP connection: an IPv4 address and a port.
 *
 * @param address the IPv4 address as a big-endian u32 ({@code 192.168.1.2} is {@code 0xC0A80102})
 * @param port the TCP port, 0..65535
 */
public record Endpoint(int address, int port) {

    /**
     * Checks the port.
     *
     * @param address the IPv4 address as a big-endian u32
     * @param port the TCP port, 0..65535
     */
    public Endpoint {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /**
     * An endpoint from an address object.
     *
     * @param address the IPv4 address
     * @param port the TCP port
     * @return the endpoint
     */
    public static Endpoint of(Inet4Address address, int port) {
        return new Endpoint(toInt(address), port);
    }

    /**
     * The address as an object.
     *
     * @return the IPv4 address
     */
    public Inet4Address inetAddress() {
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** Dotted quad and port, e.g. {@code 192.168.1.2:22222}. */
    @Override
    public String toString() {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF)
                + ":" + port;
    }
}
