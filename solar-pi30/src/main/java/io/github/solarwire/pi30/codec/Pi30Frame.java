package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One checked frame received from an inverter: {@code (}, a printable ASCII payload, two CRC
 * bytes, a carriage return (a few firmwares end with a line feed instead).
 *
 * <p>{@link #parse(byte[], int, int)} checks, in this order: the length; the terminator; a reply
 * starting with {@code (NAK} is a {@link Kind#NAK} whatever its CRC (some firmwares send no CRC
 * with it); a frame that is not a reply but a valid request is a {@link Kind#REQUEST} (some
 * inverters echo a command they do not know); then the CRC over {@code (} and the payload, raw or
 * bumped ({@link Pi30Crc#accepts}); then that the payload is printable ASCII.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Pi30Frame {

    /** What a checked frame is. */
    public enum Kind {
        /** A reply with data, e.g. {@code (PI30}. */
        DATA,
        /** {@code (ACK}: a setting was accepted. */
        ACK,
        /** {@code (NAK}: the command was refused or is not supported. */
        NAK,
        /**
         * A request frame ({@code QPGS0} + CRC + CR) instead of a reply: the inverter echoed a
         * command it does not know; a simulator reads requests this way.
         */
        REQUEST
    }

    /** Which check bytes a reply may carry. */
    public enum Check {
        /** The two-byte Voltronic CRC, raw or bumped: every PI30 inverter. */
        CRC,
        /** The CRC, or the PI30REVO one-byte checksum ({@link Pi30Crc#sumPlusOne}) before the terminator. */
        CRC_OR_SUM
    }

    /** The shortest frame: {@code (}, two check bytes, terminator. */
    public static final int MIN_LENGTH = 4;

    private static final int NAK_KIND = -1;
    private static final int REQUEST_KIND = -2;

    private final byte[] bytes;
    private final int payloadStart;
    private final int payloadEnd;
    private final Kind kind;

    private Pi30Frame(byte[] bytes, int payloadStart, int payloadEnd, Kind kind) {
        this.bytes = bytes;
        this.payloadStart = payloadStart;
        this.payloadEnd = payloadEnd;
        this.kind = kind;
    }

    /**
     * Checks a whole array as one frame, with the CRC.
     *
     * @param frame the received bytes, terminator included
     * @return the frame
     * @throws ProtocolException when the bytes are not a valid frame
     */
    public static Pi30Frame parse(byte[] frame) throws ProtocolException {
        return parse(frame, 0, frame.length, Check.CRC);
    }

    /**
     * Checks a range as one frame, with the CRC.
     *
     * @param bytes the buffer
     * @param offset where the frame starts
     * @param length the frame's length, terminator included
     * @return the frame (a copy of the range)
     * @throws ProtocolException when the bytes are not a valid frame
     */
    public static Pi30Frame parse(byte[] bytes, int offset, int length) throws ProtocolException {
        return parse(bytes, offset, length, Check.CRC);
    }

    /**
     * Checks a range as one frame.
     *
     * @param bytes the buffer
     * @param offset where the frame starts
     * @param length the frame's length, terminator included
     * @param check which check bytes to accept
     * @return the frame (a copy of the range)
     * @throws ProtocolException when the bytes are not a valid frame: too short, not terminated,
     *     not starting with {@code (}, bad CRC, or a non-printable payload byte
     */
    public static Pi30Frame parse(byte[] bytes, int offset, int length, Check check) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Objects.requireNonNull(check, "check");
        int end = check(bytes, offset, length, check);
        byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
        if (end == NAK_KIND) {
            return new Pi30Frame(copy, 1, 4, Kind.NAK);
        }
        if (end == REQUEST_KIND) {
            return new Pi30Frame(copy, 0, length - 3, Kind.REQUEST);
        }
        int payloadEnd = end - offset;
        boolean ack = payloadEnd == 4 && copy[1] == 'A' && copy[2] == 'C' && copy[3] == 'K';
        return new Pi30Frame(copy, 1, payloadEnd, ack ? Kind.ACK : Kind.DATA);
    }

    /**
     * Checks a frame on the allocation-free path of the fast decoders and returns where its
     * payload ends; a NAK, an echoed request or an ACK is an error here.
     *
     * @return the index in {@code bytes} just after the payload
     */
    static int dataEnd(byte[] bytes, int offset, int length, String command) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = check(bytes, offset, length, Check.CRC);
        if (end == NAK_KIND) {
            throw new Pi30NakException(command, false);
        }
        if (end == REQUEST_KIND) {
            throw new Pi30NakException(command, true);
        }
        if (end - offset == 4 && bytes[offset + 1] == 'A' && bytes[offset + 2] == 'C' && bytes[offset + 3] == 'K') {
            throw new ProtocolException(command + " reply", 0, "data", "(ACK");
        }
        return end;
    }

    /** Returns the absolute payload end of a data frame, or NAK_KIND / REQUEST_KIND. */
    private static int check(byte[] b, int off, int len, Check check) throws ProtocolException {
        if (len < MIN_LENGTH) {
            throw new ProtocolException(
                    "frame length", 0, "at least " + MIN_LENGTH + " bytes", len + " bytes: " + escape(b, off, len));
        }
        int end = off + len;
        byte last = b[end - 1];
        if (last != 0x0D && last != 0x0A) {
            throw new ProtocolException("frame not terminated", len - 1, "CR (0x0d)", hex(last));
        }
        if (b[off] != '(') {
            if (isRequest(b, off, len)) {
                return REQUEST_KIND;
            }
            throw new ProtocolException(
                    "not a PI30 reply", 0, "'(' (0x28)", hex(b[off]) + " in " + escape(b, off, Math.min(len, 16)));
        }
        if (b[off + 1] == 'N' && b[off + 2] == 'A' && len >= 5 && b[off + 3] == 'K') {
            return NAK_KIND;
        }
        int raw = Pi30Crc.xmodem(b, off, len - 3);
        int received = ((b[end - 3] & 0xFF) << 8) | (b[end - 2] & 0xFF);
        int payloadEnd;
        if (Pi30Crc.accepts(received, raw)) {
            payloadEnd = end - 3;
        } else if (check == Check.CRC_OR_SUM && (b[end - 2] & 0xFF) == Pi30Crc.sumPlusOne(b, off, len - 2)) {
            payloadEnd = end - 2;
        } else {
            throw new ProtocolException(
                    "bad CRC", len - 3, Pi30Request.crcExpectation(raw), String.format("0x%04x", received));
        }
        for (int i = off + 1; i < payloadEnd; i++) {
            int c = b[i];
            if (c < 0x20 || c > 0x7E || c == '(') {
                throw new ProtocolException("payload not printable ASCII", i - off, "0x20 to 0x7e", hex(b[i]));
            }
        }
        return payloadEnd;
    }

    private static boolean isRequest(byte[] b, int off, int len) {
        int end = off + len;
        if (b[end - 1] != 0x0D) {
            return false;
        }
        for (int i = off; i < end - 3; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E || b[i] == '(') {
                return false;
            }
        }
        int received = ((b[end - 3] & 0xFF) << 8) | (b[end - 2] & 0xFF);
        return Pi30Crc.accepts(received, Pi30Crc.xmodem(b, off, len - 3));
    }

    /**
     * What this frame is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The payload: the text between {@code (} and the check bytes; for a {@link Kind#REQUEST}, the
     * command; for a {@link Kind#NAK}, {@code NAK}.
     *
     * @return the payload text
     */
    public String payload() {
        return new String(bytes, payloadStart, payloadEnd - payloadStart, StandardCharsets.ISO_8859_1);
    }

    /**
     * The frame's length in bytes, terminator included.
     *
     * @return the length
     */
    public int length() {
        return bytes.length;
    }

    /**
     * The frame as received.
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The request this frame is, for a {@link Kind#REQUEST}.
     *
     * @return the request
     * @throws IllegalStateException when the frame is not a request
     */
    public Pi30Request toRequest() {
        if (kind != Kind.REQUEST) {
            throw new IllegalStateException("a " + kind + " frame is not a request");
        }
        try {
            return Pi30Request.parse(bytes);
        } catch (ProtocolException e) {
            throw new IllegalStateException("checked request frame did not parse: " + e.getMessage(), e);
        }
    }

    /** The buffer the payload is in, for the decoders. */
    byte[] buffer() {
        return bytes;
    }

    /** Index of the payload's first byte in {@link #buffer()}. */
    int payloadStart() {
        return payloadStart;
    }

    /** Index just after the payload in {@link #buffer()}. */
    int payloadEnd() {
        return payloadEnd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pi30Frame f && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Pi30Frame[" + kind + " " + escape(bytes, 0, bytes.length) + "]";
    }

    /** The bytes as readable text: printable ASCII as is, the rest as {@code \xNN}, {@code \r}, {@code \n}. */
    static String escape(byte[] b, int offset, int length) {
        StringBuilder s = new StringBuilder(length + 8);
        for (int i = offset, end = offset + Math.min(length, 96); i < end; i++) {
            int c = b[i] & 0xFF;
            if (c == '\r') {
                s.append("\\r");
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\\') {
                s.append("\\\\");
            } else if (c >= 0x20 && c < 0x7F) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        if (length > 96) {
            s.append('…');
        }
        return s.toString();
    }

    static String hex(byte b) {
        return String.format("0x%02x", b & 0xFF);
    }
}
