package io.github.solarwire.solaredge.pcap;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes one side of a TCP connection sent, in order, as reassembled from a capture.
 *
 * @param source the sending endpoint
 * @param destination the receiving endpoint
 * @param bytes the data in sequence order, retransmissions counted once
 * @param missingBytes how many bytes the capture lacked (gaps in the sequence space, skipped)
 */
public record TcpStream(Endpoint source, Endpoint destination, byte[] bytes, long missingBytes) {

    /**
     * Copies the bytes.
     *
     * @param source the sending endpoint
     * @param destination the receiving endpoint
     * @param bytes the data; copied
     * @param missingBytes how many bytes the capture lacked
     */
    public TcpStream {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        bytes = bytes.clone();
    }

    /**
     * The data in sequence order.
     *
     * @return a fresh copy
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Equal when the endpoints, the data and the missing count are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TcpStream that
                && source.equals(that.source)
                && destination.equals(that.destination)
                && Arrays.equals(bytes, that.bytes)
                && missingBytes == that.missingBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, destination, missingBytes) * 31 + Arrays.hashCode(bytes);
    }

    /** Endpoints and sizes; not the data. */
    @Override
    public String toString() {
        return "TcpStream[" + source + " -> " + destination + ", " + bytes.length + " bytes, " + missingBytes
                + " missing]";
    }
}
