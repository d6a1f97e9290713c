package io.github.solarwire.solaredge.pcap;

import io.github.solarwire.core.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the TCP segments of IPv4 packets from a capture file: classic pcap (either byte order,
 * microsecond or nanosecond timestamps) or pcapng (either byte order, several sections and
 * interfaces, enhanced and simple packet blocks).
 *
 * <p>Link types: Ethernet (with any number of 802.1Q / 802.1ad VLAN tags), raw IPv4 and Linux
 * cooked capture. Packets that are not TCP over IPv4, IP fragments and packets too short for
 * their headers are skipped: a capture holds other traffic too. A last record cut short (a
 * capture stopped while writing) is ignored. Packets from pcapng simple packet blocks, which carry
 * no time, have the epoch as their timestamp, as have corrupt timestamps. Bytes that are not a
 * capture at all are a {@link
 * ProtocolException}. Every length is checked against the bytes that are there before it is used.
 *
 * <p>Stateless and thread-safe.
 */
public final class PcapReader {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_RAW = 101;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_IPV4 = 228;

    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_IDB = 1;
    private static final int PCAPNG_SPB = 3;
    private static final int PCAPNG_EPB = 6;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;

    /** The year 10000: later timestamps are corrupt. */
    private static final long MAX_SECONDS = 253_402_300_800L;

    private PcapReader() {}

    /**
     * The TCP segments of a capture file.
     *
     * @param file a pcap or pcapng file
     * @return the segments in capture order
     * @throws IOException if the file cannot be read, or a {@link ProtocolException} if it is not
     *     a capture
     */
    public static List<TcpSegment> read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /**
     * The TCP segments of a capture.
     *
     * @param capture the bytes of a pcap or pcapng file
     * @return the segments in capture order
     * @throws ProtocolException if the bytes are not a capture
     */
    public static List<TcpSegment> read(byte[] capture) throws ProtocolException {
        if (capture.length < 4) {
            throw new ProtocolException("not a capture", 0, "a pcap or pcapng header", capture.length + " bytes");
        }
        int magic = Bytes.u32(capture, 0, false);
        List<TcpSegment> segments = new ArrayList<>();
        if (magic == PCAPNG_SHB) {
            readPcapng(capture, segments);
        } else {
            readPcap(capture, magic, segments);
        }
        return segments;
    }

    /**
     * Reads a capture and reassembles the TCP streams that the filter selects.
     *
     * @param capture the bytes of a pcap or pcapng file
     * @param filter which segments to keep, e.g. {@link SolarEdgeTraffic#onPort(int)}
     * @return the streams, one per connection and direction, in order of first appearance
     * @throws ProtocolException if the bytes are not a capture
     */
    public static List<TcpStream> streams(byte[] capture, Predicate<TcpSegment> filter) throws ProtocolException {
        return TcpReassembler.reassemble(read(capture), filter);
    }

    private static void readPcap(byte[] c, int magic, List<TcpSegment> out) throws ProtocolException {
        boolean little;
        boolean nanos;
        switch (magic) {
            case 0xD4C3B2A1 -> {
                little = true;
                nanos = false;
            }
            case 0xA1B2C3D4 -> {
                little = false;
                nanos = false;
            }
            case 0x4D3CB2A1 -> {
                little = true;
                nanos = true;
            }
            case 0xA1B23C4D -> {
                little = false;
                nanos = true;
            }
            default ->
                throw new ProtocolException(
                        "not a capture", 0, "pcap magic a1b2c3d4 or pcapng 0a0d0d0a", String.format("%08x", magic));
        }
        if (c.length < 24) {
            throw new ProtocolException("pcap header cut short", c.length, "24 bytes", c.length + " bytes");
        }
        int linkType = Bytes.u32(c, 20, little) & 0x0FFF_FFFF;
        int at = 24;
        while (at + 16 <= c.length) {
            long seconds = Bytes.u32(c, at, little) & 0xFFFF_FFFFL;
            long fraction = Bytes.u32(c, at + 4, little) & 0xFFFF_FFFFL;
            long captured = Bytes.u32(c, at + 8, little) & 0xFFFF_FFFFL;
            at += 16;
            if (captured > c.length - at) {
                return;
            }
            Instant time = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
            Packets.decode(c, at, (int) captured, linkType, time, out);
            at += (int) captured;
        }
    }

    private static void readPcapng(byte[] c, List<TcpSegment> out) throws ProtocolException {
        boolean little = true;
        List<int[]> interfaces = new ArrayList<>();
        int at = 0;
        while (at + 12 <= c.length) {
            int type = Bytes.u32(c, at, little);
            if (type == PCAPNG_SHB) {
                int order = Bytes.u32(c, at + 8, true);
                if (order == PCAPNG_BYTE_ORDER) {
                    little = true;
                } else if (order == Integer.reverseBytes(PCAPNG_BYTE_ORDER)) {
                    little = false;
                } else {
                    throw new ProtocolException(
                            "bad pcapng byte-order magic", at + 8, "1a2b3c4d", String.format("%08x", order));
                }
                interfaces.clear();
            }
            long length = Bytes.u32(c, at + 4, little) & 0xFFFF_FFFFL;
            if (length < 12 || length % 4 != 0) {
                throw new ProtocolException(
                        "bad pcapng block length", at + 4, "a multiple of 4, at least 12", Long.toString(length));
            }
            if (length > c.length - at) {
                return;
            }
            int end = at + (int) length - 4;
            switch (type) {
                case PCAPNG_IDB -> interfaces.add(interfaceOf(c, at, end, little));
                case PCAPNG_EPB -> enhancedPacket(c, at, end, little, interfaces, out);
                case PCAPNG_SPB -> simplePacket(c, at, end, little, interfaces, out);
                default -> {
                    // section headers are handled above; statistics, names and the rest carry no packets
                }
            }
            at += (int) length;
        }
    }

    /** Link type and timestamp resolution (a power of ten or two, as if_tsresol says). */
    private static int[] interfaceOf(byte[] c, int at, int end, boolean little) throws ProtocolException {
        if (end - at < 16) {
            throw new ProtocolException("pcapng interface block cut short", at, "16 bytes", (end - at) + " bytes");
        }
        int linkType = Bytes.u16(c, at + 8, little);
        int resolution = 6;
        int option = at + 16;
        while (option + 4 <= end) {
            int code = Bytes.u16(c, option, little);
            int length = Bytes.u16(c, option + 2, little);
            if (code == 0 || option + 4 + length > end) {
                break;
            }
            if (code == 9 && length >= 1) {
                resolution = c[option + 4] & 0xFF;
            }
            option += 4 + ((length + 3) & ~3);
        }
        return new int[] {linkType, resolution};
    }

    private static void enhancedPacket(
            byte[] c, int at, int end, boolean little, List<int[]> interfaces, List<TcpSegment> out)
            throws ProtocolException {
        if (end - at < 28) {
            throw new ProtocolException("pcapng packet block cut short", at, "28 bytes", (end - at) + " bytes");
        }
        long id = Bytes.u32(c, at + 8, little) & 0xFFFF_FFFFL;
        if (id >= interfaces.size()) {
            throw new ProtocolException(
                    "pcapng packet of an undeclared interface", at + 8, "< " + interfaces.size(), Long.toString(id));
        }
        long captured = Bytes.u32(c, at + 20, little) & 0xFFFF_FFFFL;
        if (captured > end - (at + 28)) {
            throw new ProtocolException(
                    "pcapng packet longer than its block", at + 20, "<= " + (end - at - 28), Long.toString(captured));
        }
        int[] iface = interfaces.get((int) id);
        long ticks =
                (Bytes.u32(c, at + 12, little) & 0xFFFF_FFFFL) << 32 | (Bytes.u32(c, at + 16, little) & 0xFFFF_FFFFL);
        Packets.decode(c, at + 28, (int) captured, iface[0], timestamp(ticks, iface[1]), out);
    }

    private static void simplePacket(
            byte[] c, int at, int end, boolean little, List<int[]> interfaces, List<TcpSegment> out)
            throws ProtocolException {
        if (interfaces.isEmpty()) {
            throw new ProtocolException("pcapng simple packet before any interface", at, "an interface block", null);
        }
        long original = Bytes.u32(c, at + 8, little) & 0xFFFF_FFFFL;
        int captured = (int) Math.min(original, end - (at + 12));
        Packets.decode(c, at + 12, captured, interfaces.get(0)[0], Instant.EPOCH, out);
    }

    private static Instant timestamp(long ticks, int resolution) {
        if ((resolution & 0x80) != 0) {
            int shift = resolution & 0x7F;
            if (shift >= 63) {
                return Instant.EPOCH;
            }
            long seconds = ticks >>> shift;
            long rest = ticks & ((1L << shift) - 1);
            return instant(seconds, (long) (rest * 1e9 / (1L << shift)));
        }
        if (resolution > 18) {
            return Instant.EPOCH;
        }
        long perSecond = 1;
        for (int i = 0; i < resolution; i++) {
            perSecond *= 10;
        }
        long seconds = Long.divideUnsigned(ticks, perSecond);
        long rest = Long.remainderUnsigned(ticks, perSecond);
        long nanos = resolution <= 9 ? rest * (1_000_000_000L / perSecond) : rest / (perSecond / 1_000_000_000L);
        return instant(seconds, nanos);
    }

    /** A time within the range a capture can mean; anything else (a corrupt timestamp) is the epoch. */
    private static Instant instant(long seconds, long nanos) {
        return seconds >= 0 && seconds < MAX_SECONDS ? Instant.ofEpochSecond(seconds, nanos) : Instant.EPOCH;
    }
}
