package io.github.solarwire.kostal.transport;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Request;
import io.github.solarwire.kostal.codec.Port81Response;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The PIKO's binary protocol over TCP (port 81 on the device): one request at a time, to any RS485
 * address behind the inverter the connection goes to. The protocol has no length field, so a
 * response is read until it checks (the codec's {@link Port81Response#parse}), a {@code 0xFF} says
 * there is no answer, or the timeout passes. Bytes left over from an earlier answer are dropped
 * before each request.
 */
public final class Port81Client implements Closeable {

    private final String description;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Duration timeout;

    private Port81Client(String description, Socket socket, Duration timeout) throws IOException {
        this.description = description;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.timeout = timeout;
    }

    /**
     * Connects.
     *
     * @param host the inverter's host name or address
     * @param port its port, 81 on the device
     * @param timeout the connect timeout and the longest wait for an answer
     * @return the client
     * @throws IOException when the connection cannot be made
     */
    public static Port81Client open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw new IOException(host + ":" + port + ": cannot connect: " + e.getMessage(), e);
        }
        return new Port81Client(host + ":" + port, socket, timeout);
    }

    /**
     * Sends one request and returns the checked response frame.
     *
     * @param address the RS485 address, 0 to 255 (255 by default on the device)
     * @param command the command
     * @return the whole response frame, checksum verified
     * @throws ProtocolException when the inverter has no answer ({@code 0xFF}) or the answer does
     *     not check within the timeout
     * @throws IOException when the connection failed
     */
    public synchronized byte[] request(int address, Port81Command command) throws IOException {
        while (in.available() > 0) {
            in.skip(in.available()); // a late answer to an earlier request
        }
        out.write(Port81Request.frame(address, command));
        out.flush();
        ByteArrayOutputStream frame = new ByteArrayOutputStream(64);
        byte[] buffer = new byte[256];
        long deadline = System.nanoTime() + timeout.toNanos();
        ProtocolException last = null;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw last != null
                        ? last
                        : new ProtocolException(
                                description + " " + command + " answer", frame.size(), "a response", "nothing in time");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                throw new IOException(description + ": the inverter closed the connection");
            }
            frame.write(buffer, 0, n);
            byte[] bytes = frame.toByteArray();
            if ((bytes[0] & 0xff) == 0xff) {
                throw new ProtocolException(
                        description + " " + command + " answer", 0, "a response", "0xFF (no answer)");
            }
            try {
                Port81Response.parse(bytes, address, command);
                return bytes;
            } catch (ProtocolException e) {
                last = e; // maybe not all of it yet
                if (bytes.length >= Port81Response.MAX_FRAME) {
                    throw e;
                }
            }
        }
    }

    /**
     * What the client is connected to.
     *
     * @return {@code host:port}
     */
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
