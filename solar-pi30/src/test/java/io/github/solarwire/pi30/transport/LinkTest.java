package io.github.solarwire.pi30.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.SocatPty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every link against a raw peer on the other end of a real pty or socket. */
class LinkTest {

    private static final byte[] QPIGS = {'Q', 'P', 'I', 'G', 'S', (byte) 0xb7, (byte) 0xa9, 0x0d};
    private static final byte[] REPLY =
            "(230.0 50.0 229.9 50.0 0183 0161 003 351 25.50 000 100 0028 0000 000.0 00.00 00000 00010000 00 00 00000 010\u00ab\u00cd\r"
                    .getBytes(StandardCharsets.ISO_8859_1);
    private static final LinkTimeouts QUICK =
            new LinkTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5));

    /** A link under test and the device-side streams of its peer. */
    enum Kind {
        HIDRAW,
        SERIAL,
        TCP
    }

    @TempDir
    Path dir;

    private SocatPty pty;
    private ServerSocket server;
    private Socket accepted;
    private FileChannel deviceIn;
    private FileChannel deviceOut;
    private Pi30Link link;
    private InputStream peerIn;
    private OutputStream peerOut;

    @AfterEach
    void tearDown() throws IOException {
        if (link != null) {
            link.close();
        }
        if (deviceIn != null) {
            deviceIn.close();
            deviceOut.close();
        }
        if (accepted != null) {
            accepted.close();
        }
        if (server != null) {
            server.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private void open(Kind kind) throws IOException {
        if (kind == Kind.TCP) {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            link = TcpLink.open("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
            accepted = server.accept();
            peerIn = accepted.getInputStream();
            peerOut = accepted.getOutputStream();
            return;
        }
        pty = SocatPty.start(dir.resolve("pty"));
        // Two channels: one FileChannel would make a blocked read hold up every write.
        deviceIn = FileChannel.open(pty.deviceEnd(), StandardOpenOption.READ);
        deviceOut = FileChannel.open(pty.deviceEnd(), StandardOpenOption.WRITE);
        peerIn = Channels.newInputStream(deviceIn);
        peerOut = Channels.newOutputStream(deviceOut);
        link = kind == Kind.HIDRAW
                ? HidrawLink.open(pty.hostEnd())
                : SerialLink.open(pty.hostDevice().toString(), 2400);
    }

    /** Reads what the link wrote, up to its CR, and any padding up to a multiple of 8 for HID. */
    private byte[] readRequest(Kind kind) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        int b;
        while ((b = peerIn.read()) >= 0) {
            request.write(b);
            if (b == 0x0d) {
                break;
            }
        }
        if (kind == Kind.HIDRAW) {
            while (request.size() % 8 != 0) {
                request.write(peerIn.read());
            }
        }
        return request.toByteArray();
    }

    /** Answers one request in pieces, from another thread, as a device would. */
    private Thread answer(Kind kind, byte[] reply, int piece, boolean padReports) {
        Thread t = new Thread(() -> {
            try {
                readRequest(kind);
                byte[] wire = padReports ? HidrawLink.reports(reply) : reply;
                for (int at = 0; at < wire.length; at += piece) {
                    peerOut.write(wire, at, Math.min(piece, wire.length - at));
                    peerOut.flush();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReplyInPiecesIsReturnedWholeUpToItsCr(Kind kind) throws Exception {
        open(kind);
        Thread peer = answer(kind, REPLY, 8, kind == Kind.HIDRAW);
        byte[] reply = link.exchange(QPIGS, LinkTimeouts.SERIAL);
        peer.join();
        assertArrayEquals(REPLY, reply);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRequestReachesTheDeviceAsTheLinkSendsIt(Kind kind) throws Exception {
        open(kind);
        byte[][] seen = new byte[1][];
        Thread peer = new Thread(() -> {
            try {
                seen[0] = readRequest(kind);
                peerOut.write("(NAKss\r".getBytes(StandardCharsets.US_ASCII));
                peerOut.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        peer.start();
        byte[] qmchgcr = "QMCHGCR\u00d8U\r".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals("(NAKss\r".getBytes(StandardCharsets.US_ASCII), link.exchange(qmchgcr, LinkTimeouts.SERIAL));
        peer.join();
        byte[] expected = kind == Kind.HIDRAW ? Arrays.copyOf(qmchgcr, 16) : qmchgcr;
        assertArrayEquals(expected, seen[0], "HID pads the last 8-byte report with NUL");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSilentDeviceTimesOutWithNothingReceived(Kind kind) throws Exception {
        open(kind);
        LinkTimeoutException e = assertThrows(LinkTimeoutException.class, () -> link.exchange(QPIGS, QUICK));
        assertEquals(0, e.received());
        assertTrue(e.getMessage().contains("no reply within 300 ms"), e.getMessage());
        assertTrue(e.getMessage().startsWith(link.describe()), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReplyThatStallsTimesOutWithWhatArrived(Kind kind) throws Exception {
        open(kind);
        Thread peer = answer(kind, Arrays.copyOf(REPLY, 40), 40, false);
        LinkTimeoutException e = assertThrows(LinkTimeoutException.class, () -> link.exchange(QPIGS, QUICK));
        peer.join();
        assertEquals(40, e.received());
        assertTrue(e.getMessage().contains("stalled"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLateReplyIsNotTakenForTheNextOne(Kind kind) throws Exception {
        open(kind);
        Thread peer = new Thread(() -> {
            try {
                readRequest(kind); // the first request: answered too late
                readRequest(kind); // the second: answered at once
                peerOut.write("(LATE\r".getBytes(StandardCharsets.US_ASCII));
                peerOut.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        peer.start();
        assertThrows(LinkTimeoutException.class, () -> link.exchange(QPIGS, QUICK));
        byte[] reply = link.exchange(QPIGS, LinkTimeouts.SERIAL);
        peer.join();
        assertArrayEquals("(LATE\r".getBytes(StandardCharsets.US_ASCII), reply);
        // And a reply that arrives between exchanges (here: with the previous one) is discarded.
        Thread twice = new Thread(() -> {
            try {
                readRequest(kind);
                peerOut.write("(ONE\r(STRAY\r".getBytes(StandardCharsets.US_ASCII));
                peerOut.flush();
                readRequest(kind);
                peerOut.write("(TWO\r".getBytes(StandardCharsets.US_ASCII));
                peerOut.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        twice.start();
        assertArrayEquals("(ONE\r".getBytes(StandardCharsets.US_ASCII), link.exchange(QPIGS, LinkTimeouts.SERIAL));
        assertArrayEquals("(TWO\r".getBytes(StandardCharsets.US_ASCII), link.exchange(QPIGS, LinkTimeouts.SERIAL));
        twice.join();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExchangeOnAClosedLinkFailsClearly(Kind kind) throws Exception {
        open(kind);
        link.close();
        IOException e = assertThrows(IOException.class, () -> link.exchange(QPIGS, QUICK));
        assertTrue(e.getMessage().endsWith("closed"), e.getMessage());
    }
}
