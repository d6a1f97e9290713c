package io.github.solarwire.kostal.codec;

/**
 * Request frames of the port-81 protocol: {@code 0x62, addr, 0x03, addr, 0x00, cmd, chk, 0x00},
 * where {@code chk} makes the byte sum of the first seven bytes 0 mod 256.
 */
public final class Port81Request {

    /** The length of every request frame. */
    public static final int LENGTH = 8;

    private Port81Request() {}

    /**
     * The request frame of a command to the inverter at a bus address.
     *
     * @param address the RS485 address, 0 to 255 (255 is the default)
     * @param command the command
     * @return a new 8-byte frame
     * @throws IllegalArgumentException when the address is out of range
     */
    public static byte[] frame(int address, Port81Command command) {
        if (address < 0 || address > 255) {
            throw new IllegalArgumentException("RS485 address " + address + " is not 0 to 255");
        }
        byte[] f = {0x62, (byte) address, 0x03, (byte) address, 0x00, (byte) command.code(), 0, 0};
        f[6] = (byte) -sum(f, 0, 6);
        return f;
    }

    /**
     * The byte sum of {@code bytes[from, to)} mod 256: 0 for a whole valid frame.
     *
     * @param bytes the bytes
     * @param from the first index
     * @param to the index after the last
     * @return 0 to 255
     */
    public static int sum(byte[] bytes, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += bytes[i];
        }
        return s & 0xFF;
    }
}
