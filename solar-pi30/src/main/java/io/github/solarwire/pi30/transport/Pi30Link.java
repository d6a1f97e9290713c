package io.github.solarwire.pi30.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A byte link to one PI30 inverter: a serial port, a USB HID device or a TCP serial bridge. The
 * exchange is half duplex: write one request frame, read the reply up to and including its CR.
 * One exchange at a time; {@link #exchange} is synchronized.
 *
 * <p>Bytes that arrive outside an exchange (the tail of a reply that came too late, line noise) are
 * discarded before the next request is written, so a late reply is never mistaken for the next.
 */
public interface Pi30Link extends Closeable {

    /**
     * Writes a request and reads the reply.
     *
     * @param request the whole request frame, command + CRC + CR
     * @param timeouts how long to wait for the first byte, between bytes, and in all
     * @return the reply, from its first byte up to and including the first CR
     * @throws LinkTimeoutException when no CR arrived in time (with how many bytes did)
     * @throws IOException when the link failed or is closed
     */
    byte[] exchange(byte[] request, LinkTimeouts timeouts) throws IOException;

    /**
     * What the link is connected to, for messages: a device path or {@code host:port}.
     *
     * @return the description
     */
    String describe();
}
