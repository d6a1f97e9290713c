package io.github.solarwire.solaredge.pcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.testkit.TestVectors;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapReaderTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static CaptureBuilder conversation() {
        return new CaptureBuilder()
                .tcp(CaptureBuilder.INVERTER, 40000, CaptureBuilder.SERVER, 22222, 999, TcpSegment.SYN, new byte[0])
                .tcp(CaptureBuilder.SERVER, 22222, CaptureBuilder.INVERTER, 40000, 4999, 0x12, new byte[0])
                .up(1000, ascii("hello "))
                .down(5000, ascii("ack"))
                .tcp(CaptureBuilder.INVERTER, 50000, CaptureBuilder.SERVER, 80, 1, 0x18, ascii("GET /"))
                .up(1006, ascii("server"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap-le", "pcap-be", "pcap-ns", "pcapng-le", "pcapng-be", "pcapng-spb"})
    void readsEveryFormat(String format) throws Exception {
        CaptureBuilder c = conversation();
        byte[] capture = switch (format) {
            case "pcap-le" -> c.pcap(ByteOrder.LITTLE_ENDIAN, false);
            case "pcap-be" -> c.pcap(ByteOrder.BIG_ENDIAN, false);
            case "pcap-ns" -> c.pcap(ByteOrder.LITTLE_ENDIAN, true);
            case "pcapng-le" -> c.pcapng(ByteOrder.LITTLE_ENDIAN, false);
            case "pcapng-be" -> c.pcapng(ByteOrder.BIG_ENDIAN, false);
            default -> c.pcapng(ByteOrder.LITTLE_ENDIAN, true);
        };
        List<TcpSegment> segments = PcapReader.read(capture);
        assertEquals(6, segments.size());
        assertEquals(segments, PcapReader.read(capture.clone()));
        assertEquals(
                PcapReader.streams(capture, SolarEdgeTraffic.all()),
                PcapReader.streams(capture, SolarEdgeTraffic.all()));
        assertEquals("192.168.1.23:40000", segments.get(2).source().toString());
        if (!format.equals("pcapng-spb")) {
            assertEquals(
                    Instant.ofEpochSecond(1_700_000_000L, 1000), segments.get(0).timestamp());
        }
        List<TcpStream> streams = PcapReader.streams(capture, SolarEdgeTraffic.serverPort());
        assertEquals(2, streams.size());
        assertArrayEquals(ascii("hello server"), streams.get(0).bytes());
        assertEquals(22222, streams.get(0).destination().port());
        assertArrayEquals(ascii("ack"), streams.get(1).bytes());
        assertEquals(0, streams.get(0).missingBytes());
    }

    @Test
    void reassemblesOutOfOrderAndRetransmittedSegmentsInAVlan() throws Exception {
        byte[] message = new byte[3000];
        new Random(1).nextBytes(message);
        List<long[]> cuts = new ArrayList<>();
        for (int at = 0; at < message.length; at += 100) {
            cuts.add(new long[] {at, Math.min(message.length, at + 100)});
        }
        Collections.shuffle(cuts, new Random(2));
        cuts.add(cuts.get(3)); // a retransmission
        cuts.add(new long[] {50, 250}); // a retransmission that spans segments
        CaptureBuilder c = new CaptureBuilder().vlan(7);
        long isn = 0xFFFF_FF00L; // the sequence numbers wrap
        c.tcp(CaptureBuilder.INVERTER, 40000, CaptureBuilder.SERVER, 22222, isn, TcpSegment.SYN, new byte[0]);
        for (long[] cut : cuts) {
            c.up((isn + 1 + cut[0]) & 0xFFFF_FFFFL, Arrays.copyOfRange(message, (int) cut[0], (int) cut[1]));
        }
        List<TcpStream> streams = PcapReader.streams(c.pcap(ByteOrder.LITTLE_ENDIAN, false), SolarEdgeTraffic.all());
        assertEquals(1, streams.size());
        assertArrayEquals(message, streams.get(0).bytes());
        assertEquals(0, streams.get(0).missingBytes());
    }

    @Test
    void aCapturedStreamOfTheVectorComesBackWhole() throws Exception {
        byte[] dat = Files.readAllBytes(TestVectors.directory("solaredge").resolve("synthetic_encrypted_7f104920.dat"));
        CaptureBuilder c = new CaptureBuilder();
        Random random = new Random(3);
        List<int[]> cuts = new ArrayList<>();
        for (int at = 0; at < dat.length; ) {
            int end = Math.min(dat.length, at + 1 + random.nextInt(120));
            cuts.add(new int[] {at, end});
            at = end;
        }
        Collections.swap(cuts, 1, 2);
        for (int[] cut : cuts) {
            c.up(77 + cut[0], Arrays.copyOfRange(dat, cut[0], cut[1]));
        }
        List<TcpStream> streams =
                PcapReader.streams(c.pcapng(ByteOrder.BIG_ENDIAN, false), SolarEdgeTraffic.toServerPort());
        assertArrayEquals(dat, streams.get(0).bytes());
    }

    @Test
    void selectsByServerAddress() throws Exception {
        byte[] capture = conversation()
                .tcp(0x0A000001, 1234, 0x0A000002, 22222, 1, 0x18, ascii("other"))
                .pcap(ByteOrder.LITTLE_ENDIAN, false);
        byte[] server = {62, (byte) 156, 12, 10};
        List<TcpStream> streams = PcapReader.streams(
                capture, SolarEdgeTraffic.withServer((Inet4Address) InetAddress.getByAddress(server)));
        assertEquals(3, streams.size()); // up and down on 22222, and the port-80 request
        assertEquals(4, PcapReader.streams(capture, SolarEdgeTraffic.all()).size());
    }

    @Test
    void countsWhatTheCaptureLacks() throws Exception {
        byte[] capture =
                new CaptureBuilder().up(100, ascii("abc")).up(110, ascii("xyz")).pcap(ByteOrder.LITTLE_ENDIAN, false);
        TcpStream stream = PcapReader.streams(capture, SolarEdgeTraffic.all()).get(0);
        assertArrayEquals(ascii("abcxyz"), stream.bytes());
        assertEquals(7, stream.missingBytes());
    }

    @Test
    void aNewSynStartsANewStream() throws Exception {
        byte[] capture = new CaptureBuilder()
                .tcp(CaptureBuilder.INVERTER, 40000, CaptureBuilder.SERVER, 22222, 10, TcpSegment.SYN, new byte[0])
                .up(11, ascii("one"))
                .tcp(CaptureBuilder.INVERTER, 40000, CaptureBuilder.SERVER, 22222, 900, TcpSegment.SYN, new byte[0])
                .up(901, ascii("two"))
                .pcap(ByteOrder.LITTLE_ENDIAN, false);
        List<TcpStream> streams = PcapReader.streams(capture, SolarEdgeTraffic.all());
        assertEquals(2, streams.size());
        assertArrayEquals(ascii("two"), streams.get(1).bytes());
    }

    @Test
    void skipsOtherTrafficAndIgnoresACutLastRecord() throws Exception {
        byte[] arp = new byte[42];
        arp[12] = 0x08;
        arp[13] = 0x06;
        byte[] capture = conversation().raw(arp).raw(new byte[5]).pcap(ByteOrder.LITTLE_ENDIAN, false);
        assertEquals(6, PcapReader.read(capture).size());
        assertEquals(
                6, PcapReader.read(Arrays.copyOf(capture, capture.length - 3)).size());
    }

    @Test
    void rejectsWhatIsNotACapture() {
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> PcapReader.read(new byte[] {0x12, 0x34, 0x56, 0x79, 0, 0}));
        assertTrue(e.getMessage().contains("not a capture"), e.getMessage());
        assertThrows(ProtocolException.class, () -> PcapReader.read(new byte[3]));
        assertThrows(
                ProtocolException.class,
                () -> PcapReader.read(new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1}));
        byte[] badBlock = new CaptureBuilder().pcapng(ByteOrder.LITTLE_ENDIAN, false);
        badBlock[4] = 13;
        assertThrows(ProtocolException.class, () -> PcapReader.read(badBlock));
    }
}
