package io.github.solarwire.pvs.ess;

import java.util.Objects;

/**
 * Consecutive holding registers as read from one unit: the register map, the first address, and
 * the raw bytes of the response (two bytes a register, big-endian).
 */
public final class RegisterBlock {

    private final SunVaultRegister.Layout layout;
    private final int start;
    private final byte[] data;

    /**
     * Wraps a copy of {@code data}.
     *
     * @param layout which register map (TCP port) the block was read from
     * @param start the first register's address
     * @param data the register bytes, big-endian; an odd length is reported by the decoder
     */
    public RegisterBlock(SunVaultRegister.Layout layout, int start, byte[] data) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.start = start;
        this.data = data.clone();
    }

    /**
     * The register map the block was read from.
     *
     * @return the layout
     */
    public SunVaultRegister.Layout layout() {
        return layout;
    }

    /**
     * The first register's address.
     *
     * @return the address
     */
    public int start() {
        return start;
    }

    /**
     * How many bytes the block holds.
     *
     * @return the byte length
     */
    public int byteLength() {
        return data.length;
    }

    /** The byte at {@code index}, unsigned. */
    int unsignedByte(int index) {
        return data[index] & 0xFF;
    }
}
