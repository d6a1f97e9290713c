package io.github.solarwire.solaredge.pcap;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One captured TCP segment of an IPv4 packet.
 *
 * @param timestamp when it was captured
 * @param source the sending endpoint
 * @param destination the receiving endpoint
 * @param sequence the TCP sequence number, a u32
 * @param flags the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10)
 * @param payload the segment's data as captured (shorter than sent if the capture cut it)
 */
public record TcpSegment(
        Instant timestamp, Endpoint source, Endpoint destination, long sequence, int flags, byte[] payload) {

    /** The SYN flag. */
    public static final int SYN = 0x02;

    /** The FIN flag. */
    public static final int FIN = 0x01;

    /**
     * Copies the payload.
     *
     * @param timestamp when it was captured
     * @param source the sending endpoint
     * @param destination the receiving endpoint
     * @param sequence the TCP sequence number, a u32
     * @param flags the TCP flags byte
     * @param payload the segment's data; copied
     */
    public TcpSegment {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        payload = payload.clone();
    }

    /**
     * The segment's data.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The data length.
     *
     * @return the number of payload bytes
     */
    public int length() {
        return payload.length;
    }

    /**
     * Whether the SYN flag is set: the segment opens a connection.
     *
     * @return true for SYN
     */
    public boolean syn() {
        return (flags & SYN) != 0;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    /** Equal when every field and the data are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TcpSegment that
                && timestamp.equals(that.timestamp)
                && source.equals(that.source)
                && destination.equals(that.destination)
                && sequence == that.sequence
                && flags == that.flags
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, source, destination, sequence, flags) * 31 + Arrays.hashCode(payload);
    }

    /** Endpoints, sequence number and length; not the data. */
    @Override
    public String toString() {
        return "TcpSegment[" + source + " -> " + destination + ", seq " + sequence + ", " + payload.length + " bytes]";
    }
}
