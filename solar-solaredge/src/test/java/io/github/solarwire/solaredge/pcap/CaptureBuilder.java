package io.github.solarwire.solaredge.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Writes small pcap and pcapng files for the tests, byte by byte. */
final class CaptureBuilder {

    static final int INVERTER = 0xC0A80117; // 192.168.1.23
    static final int SERVER = 0x3E9C0C0A; // 62.156.12.10

    private final List<byte[]> packets = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private int vlan = -1;

    /** Wraps the next packets in an 802.1Q tag. */
    CaptureBuilder vlan(int id) {
        vlan = id;
        return this;
    }

    CaptureBuilder tcp(int src, int srcPort, int dst, int dstPort, long seq, int flags, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(14 + (vlan >= 0 ? 4 : 0) + 20 + 20 + data.length);
        b.put(new byte[] {0, 0x27, 0x02, 1, 2, 3, 0, 0x27, 0x02, 4, 5, 6});
        if (vlan >= 0) {
            b.putShort((short) 0x8100).putShort((short) vlan);
        }
        b.putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + data.length)).putShort((short) 1);
        b.putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        b.putInt(src).putInt(dst);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt(0);
        b.put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
        b.put(data);
        return raw(b.array());
    }

    /** Inverter → server data on port 22222 from port 40000. */
    CaptureBuilder up(long seq, byte[] data) {
        return tcp(INVERTER, 40000, SERVER, 22222, seq, 0x18, data);
    }

    /** Server → inverter data. */
    CaptureBuilder down(long seq, byte[] data) {
        return tcp(SERVER, 22222, INVERTER, 40000, seq, 0x18, data);
    }

    CaptureBuilder raw(byte[] packet) {
        packets.add(packet);
        times.add(1_700_000_000_000_000L + packets.size());
        return this;
    }

    byte[] pcap(ByteOrder order, boolean nanos) {
        ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4);
        header.putInt(0).putInt(0).putInt(65535).putInt(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            long micros = times.get(i);
            ByteBuffer record = ByteBuffer.allocate(16).order(order);
            record.putInt((int) (micros / 1_000_000))
                    .putInt((int) (micros % 1_000_000 * (nanos ? 1000 : 1)))
                    .putInt(p.length)
                    .putInt(p.length);
            out.writeBytes(record.array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A pcapng section with one Ethernet interface; the first packet as a simple packet block. */
    byte[] pcapng(ByteOrder order, boolean firstAsSimple) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(block(
                order,
                0x0A0D0D0A,
                ByteBuffer.allocate(16)
                        .order(order)
                        .putInt(0x1A2B3C4D)
                        .putShort((short) 1)
                        .putShort((short) 0)
                        .putLong(-1)
                        .array()));
        out.writeBytes(block(
                order,
                1,
                ByteBuffer.allocate(8)
                        .order(order)
                        .putShort((short) 1)
                        .putShort((short) 0)
                        .putInt(65535)
                        .array()));
        out.writeBytes(block(order, 5, new byte[8])); // a statistics block, to be skipped
        for (int i = 0; i < packets.size(); i++) {
            byte[] p = packets.get(i);
            int padded = (p.length + 3) & ~3;
            if (i == 0 && firstAsSimple) {
                ByteBuffer body = ByteBuffer.allocate(4 + padded).order(order);
                body.putInt(p.length).put(p);
                out.writeBytes(block(order, 3, body.array()));
            } else {
                long micros = times.get(i);
                ByteBuffer body = ByteBuffer.allocate(20 + padded).order(order);
                body.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros);
                body.putInt(p.length).putInt(p.length).put(p);
                out.writeBytes(block(order, 6, body.array()));
            }
        }
        return out.toByteArray();
    }

    private static byte[] block(ByteOrder order, int type, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(order);
        b.putInt(type).putInt(12 + body.length).put(body).putInt(12 + body.length);
        return b.array();
    }
}
