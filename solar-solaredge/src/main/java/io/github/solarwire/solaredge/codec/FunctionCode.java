package io.github.solarwire.solaredge.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A SolarEdge function code: the 16-bit message type in a frame's header, with its name when the
 * project's table knows it (spec §3.2: 418 names from the peer's {@code se/commands.py} plus 0x003d
 * and 0x0503). Unknown codes are kept as their number, never rejected.
 *
 * <p>The high byte names a firmware module (0x05 SERVER, 0x03 POLESTAR, …); a low byte of 0x80 or
 * more usually marks a response. Immutable and thread-safe.
 *
 * @param code the code, 0 to 0xFFFF
 */
public record FunctionCode(int code) {

    /** 0x0080 {@code RESP_ACK}: an empty acknowledgement, the reply to 0x0500 and 0x0503. */
    public static final FunctionCode ACK = new FunctionCode(0x0080);
    /** 0x0081 {@code RESP_NACK}: a negative acknowledgement. */
    public static final FunctionCode NACK = new FunctionCode(0x0081);
    /** 0x0011 {@code CMD_PARAMS_SET_SINGLE}: write one parameter ({@link ParamSetRequest}). */
    public static final FunctionCode PARAMS_SET_SINGLE = new FunctionCode(0x0011);
    /** 0x0012 {@code CMD_PARAMS_GET_SINGLE}: read one parameter ({@link ParamGetRequest}). */
    public static final FunctionCode PARAMS_GET_SINGLE = new FunctionCode(0x0012);
    /** 0x0090 {@code RESP_PARAMS_SINGLE}: a parameter's value ({@link ParamResponse}). */
    public static final FunctionCode PARAMS_SINGLE = new FunctionCode(0x0090);
    /** 0x00b0 {@code RESP_MISC_GET_VER}: a device's firmware version ({@link VersionResponse}). */
    public static final FunctionCode MISC_VERSION = new FunctionCode(0x00B0);
    /**
     * 0x038d {@code RESP_POLESTAR_GET_ENERGY_STATISTICS_STATUS}: energy counters ({@link
     * EnergyStatisticsResponse}).
     */
    public static final FunctionCode ENERGY_STATISTICS = new FunctionCode(0x038D);
    /** 0x003d: an encrypted envelope (spec §4), not in the peer's command table. */
    public static final FunctionCode ENCRYPTED_ENVELOPE = new FunctionCode(0x003D);
    /** 0x0302 {@code CMD_POLESTAR_MASTER_GRANT}: the RS485 master hands the bus to a slave. */
    public static final FunctionCode MASTER_GRANT = new FunctionCode(0x0302);
    /** 0x039a {@code RESP_POLESTAR_MASTER_GRANT_ACK}: the slave hands the bus back. */
    public static final FunctionCode MASTER_GRANT_ACK = new FunctionCode(0x039A);
    /** 0x0500 {@code CMD_SERVER_POST_DATA}: telemetry records from a device. */
    public static final FunctionCode SERVER_POST_DATA = new FunctionCode(0x0500);
    /** 0x0501 {@code CMD_SERVER_GET_GMT}: a device asks for the time ({@link ServerGmtResponse}). */
    public static final FunctionCode SERVER_GET_GMT = new FunctionCode(0x0501);
    /** 0x0503: session-key material sent in the clear (spec §4), not in the peer's command table. */
    public static final FunctionCode SESSION_KEY_MATERIAL = new FunctionCode(0x0503);
    /** 0x0580 {@code RESP_SERVER_GMT}: the server's time and zone offset. */
    public static final FunctionCode SERVER_GMT = new FunctionCode(0x0580);

    /**
     * A function code.
     *
     * @param code the code, 0 to 0xFFFF
     * @throws IllegalArgumentException when the code does not fit 16 bits
     */
    public FunctionCode {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("function code " + code + " must be 0 to 0xFFFF");
        }
    }

    /**
     * The function code with this number, known or not.
     *
     * @param code the code, 0 to 0xFFFF
     * @return the code
     * @throws IllegalArgumentException when the code does not fit 16 bits
     */
    public static FunctionCode of(int code) {
        return new FunctionCode(code);
    }

    /**
     * Every code in the table, ascending.
     *
     * @return the 420 known codes
     */
    public static List<FunctionCode> known() {
        return Arrays.stream(FunctionCodeNames.codes())
                .mapToObj(FunctionCode::new)
                .toList();
    }

    /**
     * The name in the table, e.g. {@code CMD_SERVER_POST_DATA}.
     *
     * @return the name, or empty for a code the table does not know
     */
    public Optional<String> knownName() {
        return Optional.ofNullable(FunctionCodeNames.name(code));
    }

    /**
     * The code as four hexadecimal digits, e.g. {@code 0x0500}.
     *
     * @return the hex form
     */
    public String hex() {
        return String.format("0x%04x", code);
    }

    /**
     * The name and code, e.g. {@code CMD_SERVER_POST_DATA(0x0500)}, or the code alone when unknown.
     *
     * @return the printable form
     */
    @Override
    public String toString() {
        String name = FunctionCodeNames.name(code);
        return name == null ? hex() : name + "(" + hex() + ")";
    }
}
