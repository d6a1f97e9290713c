package io.github.solarwire.solaredge.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One SolarEdge frame (spec §2.1): the header fields and the payload. On the wire, all fields
 * little-endian:
 *
 * <pre>
 * 12 34 56 79 | len u16 | ~len u16 | sequence u16 | source u32 | destination u32 | function u16
 * | payload (len bytes) | CRC u16 ({@link SeCrc#ofFrame})
 * </pre>
 *
 * <p>Immutable and thread-safe: the payload is copied in and never handed out for writing.
 *
 * @param sequence the transaction number, 0 to 0xFFFF; a reply echoes its request's
 * @param source the sender's address, 0 to 0xFFFFFFFF (a device's serial number, or e.g. {@link
 *     #MASTER_ADDRESS})
 * @param destination the receiver's address, 0 to 0xFFFFFFFF
 * @param function the function code
 * @param payload the payload, at most {@link #MAX_PAYLOAD_LENGTH} bytes (copied)
 */
public record SeFrame(int sequence, long source, long destination, FunctionCode function, byte[] payload) {

    /** The magic ("barker") that starts every frame, as on the wire. */
    public static final int MAGIC = 0x12345679;

    /** Bytes before the payload: magic, length, its complement, sequence, addresses, function. */
    public static final int HEADER_LENGTH = 20;

    /** Bytes a frame adds to its payload: {@link #HEADER_LENGTH} plus the 2-byte CRC. */
    public static final int OVERHEAD = HEADER_LENGTH + 2;

    /** The longest payload the 16-bit length field can state. */
    public static final int MAX_PAYLOAD_LENGTH = 0xFFFF;

    /** The longest possible frame. */
    public static final int MAX_LENGTH = OVERHEAD + MAX_PAYLOAD_LENGTH;

    /** The monitoring server's and RS485 master's address, 0xFFFFFFFE. */
    public static final long MASTER_ADDRESS = 0xFFFF_FFFEL;

    /**
     * A frame.
     *
     * @param sequence the transaction number, 0 to 0xFFFF
     * @param source the sender's address, 0 to 0xFFFFFFFF
     * @param destination the receiver's address, 0 to 0xFFFFFFFF
     * @param function the function code
     * @param payload the payload, at most 65535 bytes (copied)
     *
     * @throws IllegalArgumentException when a field is out of range
     * @throws NullPointerException when the function or payload is null
     */
    public SeFrame {
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence " + sequence + " must be 0 to 0xFFFF");
        }
        checkAddress("source", source);
        checkAddress("destination", destination);
        Objects.requireNonNull(function, "function");
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds 65535");
        }
        payload = payload.clone();
    }

    /**
     * Decodes exactly one frame, with nothing before or after it.
     *
     * @param bytes the frame
     * @return the frame
     * @throws ProtocolException when the bytes are not exactly one valid frame
     */
    public static SeFrame decode(byte[] bytes) throws ProtocolException {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes exactly one frame from a byte range.
     *
     * @param bytes the buffer
     * @param offset where the frame starts
     * @param length the frame's length, which must be {@link #OVERHEAD} plus its payload length
     * @return the frame
     * @throws ProtocolException when the range is not exactly one valid frame
     * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
     */
    public static SeFrame decode(byte[] bytes, int offset, int length) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < OVERHEAD) {
            throw new ProtocolException(
                    "frame too short", offset, "at least " + OVERHEAD + " bytes", length + " bytes");
        }
        if (!isMagic(bytes, offset)) {
            throw new ProtocolException("bad magic", offset, "12 34 56 79", hex(bytes, offset, 4));
        }
        int n = u16(bytes, offset + 4);
        int inverse = u16(bytes, offset + 6);
        if ((n ^ inverse) != 0xFFFF) {
            throw new ProtocolException(
                    "bad length complement",
                    offset + 6,
                    String.format("0x%04x", ~n & 0xFFFF),
                    String.format("0x%04x", inverse));
        }
        if (length != OVERHEAD + n) {
            throw new ProtocolException("bad frame length", offset + 4, (OVERHEAD + n) + " bytes", length + " bytes");
        }
        int expected = SeCrc.ofFrame(bytes, offset, n);
        int found = u16(bytes, offset + HEADER_LENGTH + n);
        if (expected != found) {
            throw new ProtocolException(
                    "bad CRC",
                    offset + HEADER_LENGTH + n,
                    String.format("0x%04x", expected),
                    String.format("0x%04x", found));
        }
        return fromChecked(bytes, offset, n);
    }

    /** The frame at {@code offset} whose length and CRC the caller has checked. */
    static SeFrame fromChecked(byte[] bytes, int offset, int payloadLength) {
        int p = offset + HEADER_LENGTH;
        return new SeFrame(
                u16(bytes, offset + 8),
                u32(bytes, offset + 10),
                u32(bytes, offset + 14),
                FunctionCode.of(u16(bytes, offset + 18)),
                Arrays.copyOfRange(bytes, p, p + payloadLength));
    }

    /**
     * The exact bytes on the wire, CRC included.
     *
     * @return a new array of {@link #length()} bytes
     */
    public byte[] encode() {
        int n = payload.length;
        byte[] out = new byte[OVERHEAD + n];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.order(ByteOrder.BIG_ENDIAN).putInt(MAGIC).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) n).putShort((short) ~n).putShort((short) sequence);
        b.putInt((int) source).putInt((int) destination).putShort((short) function.code());
        b.put(payload);
        b.putShort((short) SeCrc.ofFrame(out, 0, n));
        return out;
    }

    /**
     * The frame's length on the wire.
     *
     * @return {@link #OVERHEAD} plus the payload length
     */
    public int length() {
        return OVERHEAD + payload.length;
    }

    /**
     * A copy of the payload.
     *
     * @return a new array
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The payload length.
     *
     * @return 0 to {@link #MAX_PAYLOAD_LENGTH}
     */
    public int payloadLength() {
        return payload.length;
    }

    /**
     * The payload as a read-only little-endian buffer, without copying.
     *
     * @return a new buffer positioned at the payload's start
     */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A reply to this frame: same sequence, source and destination swapped (spec §2.4).
     *
     * @param function the reply's function code
     * @param payload the reply's payload
     * @return the reply
     */
    public SeFrame reply(FunctionCode function, byte[] payload) {
        return new SeFrame(sequence, destination, source, function, payload);
    }

    /**
     * Equal when every header field and every payload byte are equal.
     *
     * @param o the other object
     * @return whether they are the same frame
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SeFrame f
                && sequence == f.sequence
                && source == f.source
                && destination == f.destination
                && function.equals(f.function)
                && Arrays.equals(payload, f.payload);
    }

    /**
     * A hash over every field and the payload bytes.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(sequence, source, destination, function) * 31 + Arrays.hashCode(payload);
    }

    /**
     * The header fields and up to 32 payload bytes in hex.
     *
     * @return e.g. {@code SeFrame[seq=0x0375, 73123D96 -> FFFFFFFE, CMD_SERVER_POST_DATA(0x0500), 66 bytes: 2200…]}
     */
    @Override
    public String toString() {
        int shown = Math.min(payload.length, 32);
        return String.format(
                "SeFrame[seq=0x%04x, %X -> %X, %s, %d bytes: %s%s]",
                sequence,
                source,
                destination,
                function,
                payload.length,
                hex(payload, 0, shown),
                shown < payload.length ? "…" : "");
    }

    /** Whether the four bytes at {@code i} are the magic {@code 12 34 56 79}. */
    static boolean isMagic(byte[] b, int i) {
        return b[i] == 0x12 && b[i + 1] == 0x34 && b[i + 2] == 0x56 && b[i + 3] == 0x79;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int i) {
        return ((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (long) (b[i + 3] & 0xFF) << 24);
    }

    private static String hex(byte[] b, int offset, int length) {
        return HexFormat.of().formatHex(b, offset, offset + length);
    }

    private static void checkAddress(String name, long address) {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " address " + address + " must be 0 to 0xFFFFFFFF");
        }
    }
}
