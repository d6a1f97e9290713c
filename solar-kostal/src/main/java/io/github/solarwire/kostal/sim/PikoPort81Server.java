package io.github.solarwire.kostal.sim;

import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Request;
import io.github.solarwire.kostal.codec.Port81Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The PIKO's binary protocol on a loopback TCP port (port 81 on the device) for a {@link
 * SimulatedPiko}: it answers the 8-byte request frames for status, energies, technical data and
 * model, at one RS485 address, with frames built by the codec's {@link Port81Response#encode}. A
 * request with a wrong checksum, another address or an unknown command gets a {@code 0xFF} byte,
 * as a device with no valid answer sends. One connection at a time.
 */
public final class PikoPort81Server implements Closeable {

    private final SimulatedPiko piko;
    private final int address;
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket connection;
    private volatile boolean closed;

    private PikoPort81Server(SimulatedPiko piko, int address, int port) throws IOException {
        this.piko = Objects.requireNonNull(piko, "piko");
        this.address = address;
        this.server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::acceptLoop, "piko-port81-" + server.getLocalPort());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts a server on a free loopback port at RS485 address 255.
     *
     * @param piko the inverter
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static PikoPort81Server start(SimulatedPiko piko) throws IOException {
        return new PikoPort81Server(piko, 255, 0);
    }

    /**
     * The port served on.
     *
     * @return the port
     */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket s = server.accept()) {
                connection = s;
                s.setTcpNoDelay(true);
                serve(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                // the client went away, or the server closed
            }
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        byte[] request = new byte[Port81Request.LENGTH];
        while (!closed) {
            int n = in.readNBytes(request, 0, request.length);
            if (n < request.length) {
                return;
            }
            out.write(answer(request));
            out.flush();
        }
    }

    /** The answer to one request frame. */
    byte[] answer(byte[] request) {
        Port81Command command;
        try {
            command = Port81Command.of(request[5] & 0xff);
        } catch (IllegalArgumentException e) {
            return new byte[] {(byte) 0xff};
        }
        int addr = request[1] & 0xff;
        if (Port81Request.sum(request, 0, 7) != 0 || addr != address || (request[3] & 0xff) != address) {
            return new byte[] {(byte) 0xff};
        }
        try {
            byte[] payload = payload(command);
            return payload == null ? new byte[] {(byte) 0xff} : Port81Response.encode(address, command, payload);
        } catch (IllegalArgumentException e) {
            return new byte[] {(byte) 0xff}; // never let one request end the connection
        }
    }

    private byte[] payload(Port81Command command) {
        SimulatedPiko.Snapshot s = piko.snapshot();
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        switch (command) {
            case STATUS -> b.put((byte) (s.night() ? 0 : 3)).put((byte) 0).putShort((short) 0);
            case TOTAL_ENERGY -> b.putInt((int) Math.round(s.totalWh()));
            case TODAY_ENERGY -> b.putInt((int) Math.round(s.dailyWh()));
            case TECHNICAL_DATA -> {
                for (int k = 0; k < 3; k++) {
                    double watts = s.stringVolts()[k] * s.stringAmps()[k];
                    b.putShort((short) Math.round(s.stringVolts()[k] * 10))
                            .putShort((short) Math.round(s.stringAmps()[k] * 100))
                            .putShort((short) Math.round(watts))
                            .putShort((short) 0xA000)
                            .putShort((short) (k < s.strings() ? 1 : 0));
                }
                for (int k = 0; k < 3; k++) {
                    double volts = k < s.phases() ? s.phaseVolts()[k] : 0;
                    double watts = s.night() ? 0 : s.phaseWatts()[k];
                    b.putShort((short) Math.round(volts * 10))
                            .putShort((short) Math.round(volts > 0 ? watts / volts * 100 : 0))
                            .putShort((short) Math.round(watts))
                            .putShort((short) 0xA000);
                }
                b.putShort((short) 0); // frame bytes 59-60: not described
                b.putShort((short) (s.night() ? 0 : 0x1F)); // AC status bits at frame byte 61
            }
            case MODEL -> {
                byte[] name = Arrays.copyOf(piko.model().getBytes(StandardCharsets.US_ASCII), 16);
                b.put(name);
                byte[] rest = new byte[8];
                rest[0] = (byte) s.strings();
                rest[7] = (byte) s.phases();
                b.put(rest);
            }
            default -> {
                return null;
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Socket s = connection;
        if (s != null) {
            s.close();
        }
        server.close();
    }
}
