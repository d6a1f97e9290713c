package io.github.solarwire.pi30.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * A PI30 inverter's RS-232 port through jSerialComm: 2400 baud (or what the caller says), 8 data
 * bits, no parity, 1 stop bit, no flow control. Bytes are handed on as the driver delivers them,
 * so a reply is complete the moment its CR arrives.
 */
public final class SerialLink extends StreamLink {

    /** The PI30 default. */
    public static final int DEFAULT_BAUD = 2400;

    private final SerialPort port;

    private SerialLink(String description, SerialPort port) {
        super(description);
        this.port = port;
    }

    /**
     * Opens a serial port at 8N1.
     *
     * @param device the port, e.g. {@code /dev/ttyUSB0}
     * @param baud the baud rate, normally {@value #DEFAULT_BAUD}
     * @return the open link
     * @throws IOException when the port does not exist or cannot be opened
     */
    public static SerialLink open(String device, int baud) throws IOException {
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud must be 50 to 4000000, was " + baud);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(device + ": not a serial port: " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        // Reads return what has arrived, or nothing after 100 ms, so the reader can notice a close.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 0);
        if (!port.openPort()) {
            throw new IOException(device + ": cannot open (error " + port.getLastErrorCode()
                    + "); does it exist, and may this user read and write it?");
        }
        SerialLink link = new SerialLink(device + "@" + baud, port);
        link.startReader();
        return link;
    }

    @Override
    int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0 && port.isOpen()) {
            throw new IOException("read failed (error " + port.getLastErrorCode() + ")");
        }
        return Math.max(n, 0) == 0 && !port.isOpen() ? -1 : Math.max(n, 0);
    }

    @Override
    void write(byte[] request) throws IOException {
        int at = 0;
        while (at < request.length) {
            int n = port.writeBytes(request, request.length - at, at);
            if (n < 0) {
                throw new IOException("write failed (error " + port.getLastErrorCode() + ")");
            }
            at += n;
        }
    }

    @Override
    void closeChannel() {
        port.closePort();
    }
}
