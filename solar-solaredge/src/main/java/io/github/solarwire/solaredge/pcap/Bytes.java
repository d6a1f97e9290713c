package io.github.solarwire.solaredge.pcap;

/** Unsigned reads at checked offsets, in either byte order. */
final class Bytes {

    private Bytes() {}

    static int u16(byte[] b, int at, boolean little) {
        int lo = little ? b[at] & 0xFF : b[at + 1] & 0xFF;
        int hi = little ? b[at + 1] & 0xFF : b[at] & 0xFF;
        return hi << 8 | lo;
    }

    static int u32(byte[] b, int at, boolean little) {
        int first = u16(b, at, little);
        int second = u16(b, at + 2, little);
        return little ? second << 16 | first : first << 16 | second;
    }
}
