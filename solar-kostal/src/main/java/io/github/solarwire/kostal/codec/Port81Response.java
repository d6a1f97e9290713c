package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A checked port-81 response: a 5-byte header, the payload, a checksum byte and a 0x00 trailer,
 * with a byte sum of 0 mod 256 over the whole frame. A first byte of 0xFF means the inverter gave
 * no or no valid answer.
 *
 * <p>The header's layout beyond byte 0 is not documented publicly. This codec takes it to mirror
 * the request: byte 1 is the bus address (checked) and bytes 2 to 4 are not interpreted. The
 * command is checked by the payload length it implies, as responses carry no command echo in the
 * known description. Lengths are checked against the command's bounds before anything is copied.
 *
 * @param address the bus address from byte 1
 * @param command the command the response answers
 * @param payload the bytes from offset 5 to the checksum
 */
public record Port81Response(int address, Port81Command command, byte[] payload) {

    /** The header length: the payload starts at this offset. */
    public static final int HEADER = 5;

    /** The longest frame accepted: longer input is rejected before it is copied. */
    public static final int MAX_FRAME = 255;

    /**
     * Copies the payload.
     *
     * @param address see the record description
     * @param command see the record description
     * @param payload see the record description
     */
    public Port81Response {
        Objects.requireNonNull(command, "command");
        payload = payload.clone();
    }

    /**
     * The payload, copied.
     *
     * @return the payload
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload without a copy, for the decoders of this package. */
    byte[] payloadBytes() {
        return payload;
    }

    /**
     * Checks a whole response frame.
     *
     * @param frame the frame as received
     * @param address the bus address the request went to
     * @param command the command that was sent
     * @return the checked response
     * @throws ProtocolException when it is no answer, the checksum, length or address is wrong
     */
    public static Port81Response parse(byte[] frame, int address, Port81Command command) throws ProtocolException {
        return parse(frame, 0, frame.length, address, command);
    }

    /**
     * Checks the response frame in {@code frame[offset, offset + length)}.
     *
     * @param frame the buffer
     * @param offset where the frame starts
     * @param length the frame's length
     * @param address the bus address the request went to
     * @param command the command that was sent
     * @return the checked response
     * @throws ProtocolException when it is no answer, the checksum, length or address is wrong
     */
    public static Port81Response parse(byte[] frame, int offset, int length, int address, Port81Command command)
            throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, frame.length);
        Objects.requireNonNull(command, "command");
        int min = HEADER + command.minPayload() + 2;
        int max = Math.min(MAX_FRAME, HEADER + command.maxPayload() + 2);
        if (length == 0) {
            throw new ProtocolException("empty port-81 response to " + command, 0, min + " bytes", "0 bytes");
        }
        if ((frame[offset] & 0xFF) == 0xFF) {
            throw new ProtocolException(
                    "inverter gave no valid answer to " + command, 0, "a response", "first byte 0xFF");
        }
        if (length < min || length > max) {
            throw new ProtocolException(
                    "wrong length of a port-81 response to " + command,
                    length,
                    min == max ? min + " bytes" : min + " to " + max + " bytes",
                    length + " bytes");
        }
        int sum = Port81Request.sum(frame, offset, offset + length);
        if (sum != 0) {
            throw new ProtocolException(
                    "bad port-81 checksum", length - 2, "byte sum 0x00", String.format("byte sum 0x%02X", sum));
        }
        int got = frame[offset + 1] & 0xFF;
        if (got != address) {
            throw new ProtocolException(
                    "port-81 response from the wrong bus address", 1, String.valueOf(address), String.valueOf(got));
        }
        return new Port81Response(got, command, Arrays.copyOfRange(frame, offset + HEADER, offset + length - 2));
    }

    /**
     * Builds a response frame, as an inverter (or a simulator) sends it: header {@code 0x62, addr,
     * length, addr, cmd}, the payload, the checksum and 0x00.
     *
     * @param address the bus address, 0 to 255
     * @param command the command answered
     * @param payload the payload, within the command's bounds
     * @return the frame
     * @throws IllegalArgumentException when the address or the payload length is out of range
     */
    public static byte[] encode(int address, Port81Command command, byte[] payload) {
        if (address < 0 || address > 255) {
            throw new IllegalArgumentException("RS485 address " + address + " is not 0 to 255");
        }
        if (payload.length < command.minPayload() || payload.length > command.maxPayload()) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit " + command);
        }
        byte[] f = new byte[HEADER + payload.length + 2];
        f[0] = 0x62;
        f[1] = (byte) address;
        f[2] = (byte) (payload.length + 2);
        f[3] = (byte) address;
        f[4] = (byte) command.code();
        System.arraycopy(payload, 0, f, HEADER, payload.length);
        f[f.length - 2] = (byte) -Port81Request.sum(f, 0, f.length - 2);
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Port81Response r
                && r.address == address
                && r.command == command
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, command, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Port81Response[address=" + address + ", command=" + command + ", payload=" + payload.length + " bytes]";
    }
}
