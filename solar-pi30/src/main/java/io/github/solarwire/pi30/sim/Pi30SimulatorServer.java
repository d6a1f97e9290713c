package io.github.solarwire.pi30.sim;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts a {@link SimulatedPi30} on a wire: the device end of a pty (as a serial port at a given
 * baud rate, or as a USB HID device in 8-byte reports) or a loopback TCP port (as a serial
 * bridge). One thread reads requests up to their CR and writes the replies.
 *
 * <p>On a serial wire the reply leaves at the line rate: one byte every {@code 10 / baud} seconds
 * (start bit, 8 data bits, stop bit), as a real inverter's UART sends it, and only after the
 * request would have arrived at that rate, so a test or benchmark sees real wire times. As HID, each reply goes out in 8-byte reports padded with NUL, one
 * report every {@code reportInterval}.
 */
public final class Pi30SimulatorServer implements Closeable {

    /** How the bytes travel. */
    public enum Wire {
        /** A serial line: bytes paced at the baud rate. */
        SERIAL,
        /** USB HID: 8-byte reports, NUL-padded. */
        HID,
        /** A TCP bridge: the reply in one write. */
        TCP
    }

    private final SimulatedPi30 inverter;
    private final Wire wire;
    private final long nanosPerUnit;
    private final Closeable resource;
    private final Thread thread;
    private volatile boolean closed;
    private volatile int port;
    private volatile Socket connection;

    private Pi30SimulatorServer(
            SimulatedPi30 inverter, Wire wire, long nanosPerUnit, Closeable resource, Runnable loop, String name) {
        this.inverter = inverter;
        this.wire = wire;
        this.nanosPerUnit = nanosPerUnit;
        this.resource = resource;
        this.thread = new Thread(loop, name);
        this.thread.setDaemon(true);
    }

    /**
     * Serves on the device end of a pty as a serial port.
     *
     * @param inverter the simulated inverter
     * @param deviceEnd the pty end the simulator owns
     * @param baud the line rate the replies are paced at, e.g. 2400; 0 for no pacing
     * @return the running server
     * @throws IOException when the pty cannot be opened
     */
    public static Pi30SimulatorServer serial(SimulatedPi30 inverter, Path deviceEnd, int baud) throws IOException {
        return onPty(inverter, deviceEnd, Wire.SERIAL, baud > 0 ? 10_000_000_000L / baud : 0);
    }

    /**
     * Serves on the device end of a pty as a USB HID device.
     *
     * @param inverter the simulated inverter
     * @param deviceEnd the pty end the simulator owns
     * @param reportIntervalMicros the time between two reports; 0 to send them back to back
     * @return the running server
     * @throws IOException when the pty cannot be opened
     */
    public static Pi30SimulatorServer hid(SimulatedPi30 inverter, Path deviceEnd, long reportIntervalMicros)
            throws IOException {
        return onPty(inverter, deviceEnd, Wire.HID, reportIntervalMicros * 1000);
    }

    private static Pi30SimulatorServer onPty(SimulatedPi30 inverter, Path deviceEnd, Wire wire, long nanosPerUnit)
            throws IOException {
        Objects.requireNonNull(inverter, "inverter");
        // Two channels: one FileChannel would let a blocked read hold up the writes.
        FileChannel in = FileChannel.open(deviceEnd, StandardOpenOption.READ);
        FileChannel out = FileChannel.open(deviceEnd, StandardOpenOption.WRITE);
        Closeable both = () -> {
            try {
                out.close();
            } finally {
                in.close();
            }
        };
        Pi30SimulatorServer[] self = new Pi30SimulatorServer[1];
        self[0] = new Pi30SimulatorServer(
                inverter,
                wire,
                nanosPerUnit,
                both,
                () -> self[0].serve(Channels.newInputStream(in), Channels.newOutputStream(out)),
                "pi30-sim-" + deviceEnd);
        self[0].thread.start();
        return self[0];
    }

    /**
     * Serves on a loopback TCP port, one connection at a time, as a serial bridge would.
     *
     * @param inverter the simulated inverter
     * @param port the port, or 0 for a free one ({@link #port()} tells which)
     * @return the running server
     * @throws IOException when the port cannot be bound
     */
    public static Pi30SimulatorServer tcp(SimulatedPi30 inverter, int port) throws IOException {
        Objects.requireNonNull(inverter, "inverter");
        ServerSocket server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        Pi30SimulatorServer[] self = new Pi30SimulatorServer[1];
        self[0] = new Pi30SimulatorServer(
                inverter,
                Wire.TCP,
                0,
                server,
                () -> {
                    while (!self[0].closed) {
                        try (Socket s = server.accept()) {
                            self[0].connection = s;
                            s.setTcpNoDelay(true);
                            self[0].serve(s.getInputStream(), s.getOutputStream());
                        } catch (IOException e) {
                            // the client went away, or the server closed: accept the next, or stop
                        }
                    }
                },
                "pi30-sim-tcp-" + server.getLocalPort());
        self[0].port = server.getLocalPort();
        self[0].thread.start();
        return self[0];
    }

    /**
     * The TCP port served on, for {@link #tcp}.
     *
     * @return the port, or 0 for a pty
     */
    public int port() {
        return port;
    }

    private void serve(InputStream in, OutputStream out) {
        ByteArrayOutputStream request = new ByteArrayOutputStream(32);
        try {
            int b;
            while (!closed && (b = in.read()) >= 0) {
                if (b == 0 && wire == Wire.HID) {
                    continue; // report padding
                }
                request.write(b);
                if (b == '\r') {
                    SimulatedPi30.Reply reply = inverter.respond(request.toByteArray());
                    if (wire == Wire.SERIAL && nanosPerUnit > 0) {
                        // A pty delivers the request at once; at the line rate its last byte would
                        // only now have arrived, so the reply starts one request's wire time later.
                        waitUntil(System.nanoTime(), nanosPerUnit * (request.size() - 1));
                    }
                    request.reset();
                    send(out, reply);
                } else if (request.size() > 512) {
                    request.reset(); // line noise: no request is this long
                }
            }
        } catch (IOException e) {
            // the other end closed, or this server did
        }
    }

    private void send(OutputStream out, SimulatedPi30.Reply reply) throws IOException {
        byte[] bytes = reply.bytes();
        if (bytes.length == 0) {
            return;
        }
        long pace = reply.slow() ? Math.max(nanosPerUnit, 4_166_667L) * 10 : nanosPerUnit;
        if (wire == Wire.HID) {
            byte[] reports = java.util.Arrays.copyOf(bytes, (bytes.length + 7) / 8 * 8);
            long next = System.nanoTime();
            for (int at = 0; at < reports.length; at += 8) {
                next = waitUntil(next, pace);
                out.write(reports, at, 8);
                out.flush();
            }
            return;
        }
        if (pace == 0) {
            out.write(bytes);
            out.flush();
            return;
        }
        long next = System.nanoTime();
        for (byte b : bytes) {
            next = waitUntil(next, pace);
            out.write(b);
            out.flush();
        }
    }

    /** Waits until {@code next + pace} (an absolute schedule, so the pacing does not drift). */
    private static long waitUntil(long next, long pace) {
        long due = next + pace;
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return due;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        Socket s = connection;
        if (s != null) {
            s.close(); // the client sees the bridge go away
        }
        resource.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
