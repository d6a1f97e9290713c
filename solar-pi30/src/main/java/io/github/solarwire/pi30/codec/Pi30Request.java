package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One request frame: the ASCII command, its two CRC bytes (high byte first) and a carriage return,
 * e.g. {@code QPIGS} → {@code 51 50 49 47 53 B7 A9 0D}.
 *
 * <p>{@link #of(String)} encodes any printable ASCII command without judging it; the typed and
 * validated way to build one is {@link Pi30Queries} or {@link Pi30Settings}. {@link #parse(byte[],
 * int, int)} reads a request frame back (what a simulator receives).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Pi30Request {

    /** The longest command accepted, in characters. */
    public static final int MAX_COMMAND_LENGTH = 128;

    /** USB HID report size: requests go to {@code /dev/hidrawN} in chunks of this many bytes. */
    public static final int HID_REPORT_SIZE = 8;

    private static final byte CR = 0x0D;

    private final String command;
    private final byte[] frame;

    private Pi30Request(String command, byte[] frame) {
        this.command = command;
        this.frame = frame;
    }

    /**
     * Encodes a command with its CRC bumped the way mpp-solar does ({@link
     * Pi30Crc.Bump#DELIMITERS_AND_ZERO}) and a carriage return.
     *
     * @param command printable ASCII, 1 to {@value #MAX_COMMAND_LENGTH} characters
     * @return the request
     * @throws IllegalArgumentException when the command is empty, too long or not printable ASCII
     */
    public static Pi30Request of(String command) {
        return of(command, Pi30Crc.Bump.DELIMITERS_AND_ZERO);
    }

    /**
     * Encodes a command with its CRC bumped by the given rule and a carriage return.
     *
     * @param command printable ASCII, 1 to {@value #MAX_COMMAND_LENGTH} characters
     * @param bump which CRC byte values to bump
     * @return the request
     * @throws IllegalArgumentException when the command is empty, too long or not printable ASCII
     */
    public static Pi30Request of(String command, Pi30Crc.Bump bump) {
        Objects.requireNonNull(bump, "bump");
        byte[] ascii = checkCommand(command);
        byte[] frame = Arrays.copyOf(ascii, ascii.length + 3);
        int crc = Pi30Crc.wire(ascii, 0, ascii.length, bump);
        frame[ascii.length] = (byte) (crc >>> 8);
        frame[ascii.length + 1] = (byte) crc;
        frame[ascii.length + 2] = CR;
        return new Pi30Request(command, frame);
    }

    /**
     * Encodes a PI30REVO command with the one-byte checksum ({@link Pi30Crc#sumPlusOne}) instead of
     * the CRC. mpp-solar sends {@code PSET…} this way without a carriage return and {@code PQSE}
     * with one.
     *
     * @param command printable ASCII, 1 to {@value #MAX_COMMAND_LENGTH} characters
     * @param carriageReturn whether to end the frame with a carriage return
     * @return the request
     * @throws IllegalArgumentException when the command is empty, too long or not printable ASCII
     */
    public static Pi30Request withSumChecksum(String command, boolean carriageReturn) {
        byte[] ascii = checkCommand(command);
        byte[] frame = Arrays.copyOf(ascii, ascii.length + (carriageReturn ? 2 : 1));
        frame[ascii.length] = (byte) Pi30Crc.sumPlusOne(ascii, 0, ascii.length);
        if (carriageReturn) {
            frame[ascii.length + 1] = CR;
        }
        return new Pi30Request(command, frame);
    }

    /**
     * Reads a request frame: printable ASCII command, two CRC bytes (raw or bumped by either rule),
     * carriage return.
     *
     * @param bytes the buffer
     * @param offset where the frame starts
     * @param length the frame's length, carriage return included
     * @return the request, keeping the exact bytes received
     * @throws ProtocolException when the frame is too short or too long, not terminated, its CRC is
     *     wrong or the command is not printable ASCII
     */
    public static Pi30Request parse(byte[] bytes, int offset, int length) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < 4 || length > MAX_COMMAND_LENGTH + 3) {
            throw new ProtocolException(
                    "request frame length",
                    0,
                    "4 to " + (MAX_COMMAND_LENGTH + 3) + " bytes",
                    length + " bytes: " + Pi30Frame.escape(bytes, offset, length));
        }
        int end = offset + length;
        if (bytes[end - 1] != CR) {
            throw new ProtocolException(
                    "request not terminated", length - 1, "CR (0x0d)", Pi30Frame.hex(bytes[end - 1]));
        }
        int commandLength = length - 3;
        for (int i = 0; i < commandLength; i++) {
            int c = bytes[offset + i];
            if (c < 0x20 || c > 0x7E || c == '(') {
                throw new ProtocolException(
                        "request command not printable ASCII", i, "0x20 to 0x7e except '('", Pi30Frame.hex((byte) c));
            }
        }
        int raw = Pi30Crc.xmodem(bytes, offset, commandLength);
        int received = ((bytes[end - 3] & 0xFF) << 8) | (bytes[end - 2] & 0xFF);
        if (!Pi30Crc.accepts(received, raw)) {
            throw new ProtocolException(
                    "bad CRC", commandLength, crcExpectation(raw), String.format("0x%04x", received));
        }
        String command = new String(bytes, offset, commandLength, StandardCharsets.US_ASCII);
        return new Pi30Request(command, Arrays.copyOfRange(bytes, offset, end));
    }

    /**
     * The whole frame.
     *
     * @param frame the encoded bytes
     * @return the request
     * @throws ProtocolException as {@link #parse(byte[], int, int)}
     */
    public static Pi30Request parse(byte[] frame) throws ProtocolException {
        return parse(frame, 0, frame.length);
    }

    /**
     * The command text, e.g. {@code QPIGS} or {@code POP02}.
     *
     * @return the command
     */
    public String command() {
        return command;
    }

    /**
     * The frame to send.
     *
     * @return a copy of the bytes
     */
    public byte[] frame() {
        return frame.clone();
    }

    /**
     * The frame's length in bytes.
     *
     * @return the length
     */
    public int length() {
        return frame.length;
    }

    /**
     * Copies the frame into a buffer, for transports that reuse one.
     *
     * @param destination the buffer
     * @param offset where to write
     * @return the number of bytes written
     * @throws IndexOutOfBoundsException when the frame does not fit
     */
    public int writeTo(byte[] destination, int offset) {
        System.arraycopy(frame, 0, destination, offset, frame.length);
        return frame.length;
    }

    /**
     * The writes to a USB HID device ({@code /dev/hidrawN}), as mpp-solar makes them: a frame of at
     * most 8 bytes as one unpadded write; a longer one in 8-byte reports, the last padded with
     * {@code 0x00}.
     *
     * @return the reports, in order; each a new array
     */
    public List<byte[]> hidReports() {
        if (frame.length <= HID_REPORT_SIZE) {
            return List.of(frame.clone());
        }
        List<byte[]> reports = new ArrayList<>((frame.length + HID_REPORT_SIZE - 1) / HID_REPORT_SIZE);
        for (int i = 0; i < frame.length; i += HID_REPORT_SIZE) {
            byte[] report = new byte[HID_REPORT_SIZE];
            System.arraycopy(frame, i, report, 0, Math.min(HID_REPORT_SIZE, frame.length - i));
            reports.add(report);
        }
        return List.copyOf(reports);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pi30Request r && Arrays.equals(frame, r.frame);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(frame);
    }

    @Override
    public String toString() {
        return "Pi30Request[" + Pi30Frame.escape(frame, 0, frame.length) + "]";
    }

    static String crcExpectation(int raw) {
        int classic = Pi30Crc.bump(raw, Pi30Crc.Bump.DELIMITERS);
        int zero = Pi30Crc.bump(raw, Pi30Crc.Bump.DELIMITERS_AND_ZERO);
        StringBuilder s = new StringBuilder(String.format("0x%04x", raw));
        if (classic != raw) {
            s.append(String.format(" or 0x%04x", classic));
        }
        if (zero != classic) {
            s.append(String.format(" or 0x%04x", zero));
        }
        return s.toString();
    }

    private static byte[] checkCommand(String command) {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty() || command.length() > MAX_COMMAND_LENGTH) {
            throw new IllegalArgumentException("PI30 command '" + command + "' must be 1 to " + MAX_COMMAND_LENGTH
                    + " characters, was " + command.length());
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '(') {
                throw new IllegalArgumentException("PI30 command '" + command + "' has character " + (int) c
                        + " at index " + i + "; allowed: printable ASCII except '('");
            }
        }
        return command.getBytes(StandardCharsets.US_ASCII);
    }
}
