package io.github.solarwire.pi30.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A PI30 inverter behind a serial-to-Ethernet bridge (ser2net, an ESP-link, a Waveshare box): the
 * frames travel unchanged over one TCP connection. Unlike a single {@code recv(1024)}, replies are
 * read until their CR however the network splits them.
 */
public final class TcpLink extends StreamLink {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private TcpLink(String description, Socket socket) throws IOException {
        super(description);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a bridge.
     *
     * @param host the bridge's host name or address
     * @param port its TCP port
     * @param connectTimeout how long the TCP connect may take
     * @return the open link
     * @throws IOException when the connection cannot be made
     */
    public static TcpLink open(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw new IOException(host + ":" + port + ": cannot connect: " + e.getMessage(), e);
        }
        TcpLink link = new TcpLink(host + ":" + port, socket);
        link.startReader();
        return link;
    }

    @Override
    int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    @Override
    void write(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    @Override
    void closeChannel() throws IOException {
        socket.close();
    }
}
