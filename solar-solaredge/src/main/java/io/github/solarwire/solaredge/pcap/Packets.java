package io.github.solarwire.solaredge.pcap;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Link, IPv4 and TCP headers of one captured packet; anything else is skipped. */
final class Packets {

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;
    private static final int PROTOCOL_TCP = 6;

    private Packets() {}

    /** Adds the packet's TCP segment to {@code out}, if it carries one. */
    static void decode(byte[] c, int at, int length, int linkType, Instant time, List<TcpSegment> out) {
        int end = at + length;
        int ip;
        switch (linkType) {
            case 1 -> {
                if (length < 14) {
                    return;
                }
                int type = Bytes.u16(c, at + 12, false);
                int next = at + 14;
                while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
                    if (next + 4 > end) {
                        return;
                    }
                    type = Bytes.u16(c, next + 2, false);
                    next += 4;
                }
                if (type != ETHERTYPE_IPV4) {
                    return;
                }
                ip = next;
            }
            case 101, 228 -> ip = at;
            case 113 -> {
                if (length < 16 || Bytes.u16(c, at + 14, false) != ETHERTYPE_IPV4) {
                    return;
                }
                ip = at + 16;
            }
            default -> {
                return;
            }
        }
        ipv4(c, ip, end, time, out);
    }

    private static void ipv4(byte[] c, int ip, int end, Instant time, List<TcpSegment> out) {
        if (ip + 20 > end || (c[ip] & 0xF0) != 0x40) {
            return;
        }
        int headerLength = (c[ip] & 0x0F) * 4;
        int totalLength = Bytes.u16(c, ip + 2, false);
        int fragment = Bytes.u16(c, ip + 6, false);
        if (headerLength < 20
                || totalLength < headerLength
                || (fragment & 0x3FFF) != 0
                || (c[ip + 9] & 0xFF) != PROTOCOL_TCP) {
            return;
        }
        int ipEnd = Math.min(end, ip + totalLength);
        int tcp = ip + headerLength;
        if (tcp + 20 > ipEnd) {
            return;
        }
        int dataOffset = (c[tcp + 12] >>> 4 & 0x0F) * 4;
        if (dataOffset < 20 || tcp + dataOffset > ipEnd) {
            return;
        }
        int source = Bytes.u32(c, ip + 12, false);
        int destination = Bytes.u32(c, ip + 16, false);
        out.add(new TcpSegment(
                time,
                new Endpoint(source, Bytes.u16(c, tcp, false)),
                new Endpoint(destination, Bytes.u16(c, tcp + 2, false)),
                Bytes.u32(c, tcp + 4, false) & 0xFFFF_FFFFL,
                c[tcp + 13] & 0xFF,
                Arrays.copyOfRange(c, tcp + dataOffset, ipEnd)));
    }
}
