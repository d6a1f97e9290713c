package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.solaredge.codec.FunctionCode;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.testkit.TestVectors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar seextract}: a capture of a vector's stream, cut up badly, gives the stream back. */
class SeextractCommandTest {

    private static final int INVERTER = 0xC0A80117; // 192.168.1.23
    private static final int SERVER = 0x3E9C0C0A; // 62.156.12.10

    private static Path vector(String name) {
        return TestVectors.directory("solaredge").resolve(name);
    }

    /** A little-endian microsecond pcap of Ethernet packets, written byte by byte. */
    static final class Capture {
        private final ByteArrayOutputStream packets = new ByteArrayOutputStream();
        private int count;

        Capture tcp(int src, int srcPort, int dst, int dstPort, long seq, int flags, boolean vlan, byte[] data) {
            int options = count % 2 == 0 ? 12 : 0; // every other segment carries TCP timestamps
            ByteBuffer b = ByteBuffer.allocate(14 + (vlan ? 4 : 0) + 20 + 20 + options + data.length);
            b.put(new byte[] {0, 0x27, 0x02, 1, 2, 3, 0, 0x27, 0x02, 4, 5, 6});
            if (vlan) {
                b.putShort((short) 0x8100).putShort((short) 7);
            }
            b.putShort((short) 0x0800);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + options + data.length));
            b.putShort((short) 1)
                    .putShort((short) 0x4000)
                    .put((byte) 64)
                    .put((byte) 6)
                    .putShort((short) 0);
            b.putInt(src).putInt(dst);
            b.putShort((short) srcPort)
                    .putShort((short) dstPort)
                    .putInt((int) seq)
                    .putInt(0);
            b.put((byte) ((20 + options) / 4 << 4))
                    .put((byte) flags)
                    .putShort((short) 65535)
                    .putInt(0);
            if (options > 0) {
                b.put(new byte[] {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2});
            }
            b.put(data);
            byte[] p = b.array();
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + count).putInt(0).putInt(p.length).putInt(p.length);
            packets.writeBytes(record.array());
            packets.writeBytes(p);
            count++;
            return this;
        }

        byte[] pcap() {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4);
            header.putInt(0).putInt(0).putInt(65535).putInt(1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header.array());
            out.writeBytes(packets.toByteArray());
            return out.toByteArray();
        }
    }

    /**
     * The vector stream sent inverter -> server in 700-byte segments, shuffled, one sent twice, in a
     * VLAN; an ACK stream back; and unrelated traffic on port 80.
     */
    static byte[] captureOf(byte[] stream, byte[] reply) {
        List<int[]> cuts = new ArrayList<>();
        for (int at = 0; at < stream.length; at += 700) {
            cuts.add(new int[] {at, Math.min(stream.length, at + 700)});
        }
        Collections.shuffle(cuts, new Random(5));
        cuts.add(1, cuts.get(cuts.size() / 2)); // a retransmission
        Capture c = new Capture()
                .tcp(INVERTER, 40000, SERVER, 22222, 999, 0x02, false, new byte[0])
                .tcp(SERVER, 22222, INVERTER, 40000, 4999, 0x12, false, new byte[0]);
        boolean replied = false;
        for (int[] cut : cuts) {
            c.tcp(
                    INVERTER,
                    40000,
                    SERVER,
                    22222,
                    1000L + cut[0],
                    0x18,
                    true,
                    Arrays.copyOfRange(stream, cut[0], cut[1]));
            if (!replied) {
                c.tcp(SERVER, 22222, INVERTER, 40000, 5000, 0x18, true, reply);
                c.tcp(
                        INVERTER,
                        50000,
                        SERVER,
                        80,
                        1,
                        0x18,
                        false,
                        "GET / HTTP/1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                replied = true;
            }
        }
        return c.pcap();
    }

    static final byte[] ACK =
            new SeFrame(0x0102, SeFrame.MASTER_ADDRESS, 0x7F104920L, FunctionCode.ACK, new byte[0]).encode();

    @Test
    void theVectorStreamComesBackAndSemonitorGivesItsJsonByteForByte(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"synthetic_all_devices", "synthetic_edge_cases", "issue135_rs485_frames"}) {
            byte[] stream = Files.readAllBytes(vector(name + ".dat"));
            Path pcap = dir.resolve(name + ".pcap");
            Files.write(pcap, captureOf(stream, ACK));

            Path toServer = dir.resolve(name + ".up.dat");
            Run up = Run.of("seextract", "-s", "62.156.12.10", "-o", toServer.toString(), pcap.toString());
            assertEquals(0, up.code(), up.err());
            assertArrayEquals(stream, Files.readAllBytes(toServer), name + ": the inverter -> server stream, whole");

            Path both = dir.resolve(name + ".dat");
            Run run = Run.of("seextract", "-o", both.toString(), pcap.toString());
            assertEquals(0, run.code(), run.err());
            byte[] expectedBoth = Arrays.copyOf(stream, stream.length + ACK.length);
            System.arraycopy(ACK, 0, expectedBoth, stream.length, ACK.length);
            assertArrayEquals(expectedBoth, Files.readAllBytes(both), name + ": then the server -> inverter stream");

            Path json = dir.resolve(name + ".json");
            Run semonitor = Run.of("semonitor", "--timezone", "UTC", "-o", json.toString(), both.toString());
            assertEquals(0, semonitor.code(), semonitor.err());
            assertArrayEquals(Files.readAllBytes(vector(name + ".expected.json")), Files.readAllBytes(json), name);
        }
    }

    @Test
    void aDirectoryIsReadInNameOrder(@TempDir Path dir) throws Exception {
        byte[] first = Files.readAllBytes(vector("issue135_rs485_frames.dat"));
        byte[] second = Files.readAllBytes(vector("synthetic_all_devices.dat"));
        Path captures = Files.createDirectory(dir.resolve("captures"));
        Files.write(captures.resolve("b.pcap"), captureOf(second, new byte[0]));
        Files.write(captures.resolve("a.pcap"), captureOf(first, new byte[0]));
        Files.writeString(captures.resolve("notes.txt"), "not a capture");
        Path out = dir.resolve("all.dat");
        Run run = Run.of("seextract", "-p", "22222", "-o", out.toString(), captures.toString());
        assertEquals(0, run.code(), run.err());
        byte[] expected = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertArrayEquals(expected, Files.readAllBytes(out), "the two streams in name order");

        Run appended = Run.of(
                "seextract",
                "-a",
                "-o",
                out.toString(),
                captures.resolve("a.pcap").toString());
        assertEquals(0, appended.code(), appended.err());
        assertEquals(expected.length + first.length, Files.size(out), "-a appends");
    }

    @Test
    void aFileThatIsNotACaptureIsAClearError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.pcap");
        Files.writeString(bad, "hello, not a capture");
        Run run = Run.of("seextract", "-o", dir.resolve("x.dat").toString(), bad.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("bad.pcap") && run.err().contains("not a capture"), run.err());

        Run missing = Run.of("seextract", dir.resolve("nothing.pcap").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
