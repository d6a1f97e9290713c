package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed decoders of every port-81 response. Each takes the raw frame, checks it ({@link
 * Port81Response#parse}) and decodes the payload; little-endian integers, scaled to canonical
 * units.
 */
public final class Port81Decoder {

    private Port81Decoder() {}

    /**
     * Status (0x57).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the status
     * @throws ProtocolException when the frame is not a valid status response
     */
    public static Port81Status status(byte[] frame, int address) throws ProtocolException {
        byte[] p = payload(frame, address, Port81Command.STATUS);
        return new Port81Status(p[0] & 0xFF, p[1] & 0xFF, u16(p, 2));
    }

    /**
     * Total energy (0x45), in Wh.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return Wh
     * @throws ProtocolException when the frame is not a valid response
     */
    public static long totalEnergy(byte[] frame, int address) throws ProtocolException {
        return u32(payload(frame, address, Port81Command.TOTAL_ENERGY), 0);
    }

    /**
     * Energy of the day (0x9D), in Wh.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return Wh
     * @throws ProtocolException when the frame is not a valid response
     */
    public static long todayEnergy(byte[] frame, int address) throws ProtocolException {
        return u32(payload(frame, address, Port81Command.TODAY_ENERGY), 0);
    }

    /**
     * Technical data (0x43).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the DC and AC values
     * @throws ProtocolException when the frame is not a valid response
     */
    public static Port81TechnicalData technicalData(byte[] frame, int address) throws ProtocolException {
        return technicalData(Port81Response.parse(frame, address, Port81Command.TECHNICAL_DATA));
    }

    /**
     * Technical data (0x43) from a checked response.
     *
     * @param response the response
     * @return the DC and AC values
     * @throws ProtocolException when the response answers another command
     */
    public static Port81TechnicalData technicalData(Port81Response response) throws ProtocolException {
        byte[] p = payload(response, Port81Command.TECHNICAL_DATA);
        List<Port81TechnicalData.Dc> dc = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            int o = k * 10; // frame offsets 5, 15, 25
            dc.add(new Port81TechnicalData.Dc(
                    u16(p, o) / 10.0, u16(p, o + 2) / 100.0, u16(p, o + 4), u16(p, o + 6), u16(p, o + 8)));
        }
        List<Port81TechnicalData.Ac> ac = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            int o = 30 + k * 8; // frame offsets 35, 43, 51
            ac.add(new Port81TechnicalData.Ac(u16(p, o) / 10.0, u16(p, o + 2) / 100.0, u16(p, o + 4), u16(p, o + 6)));
        }
        return new Port81TechnicalData(dc, ac, u16(p, 56));
    }

    /**
     * Model (0x90): 16 characters, then the string count at payload byte 16 and the phase count
     * at byte 23.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the model
     * @throws ProtocolException when the frame is not a valid response
     */
    public static Port81Model model(byte[] frame, int address) throws ProtocolException {
        byte[] p = payload(frame, address, Port81Command.MODEL);
        return new Port81Model(text(p, 0, 16), p[16] & 0xFF, p[23] & 0xFF);
    }

    /**
     * Versions (0x8A).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the versions
     * @throws ProtocolException when the frame is not a valid response
     */
    public static Port81Versions versions(byte[] frame, int address) throws ProtocolException {
        byte[] p = payload(frame, address, Port81Command.VERSIONS);
        return new Port81Versions(u16(p, 0), u16(p, 2), u16(p, 4));
    }

    /**
     * Inverter name (0x44), 15 characters, stripped.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the name
     * @throws ProtocolException when the frame is not a valid response
     */
    public static String name(byte[] frame, int address) throws ProtocolException {
        return text(payload(frame, address, Port81Command.NAME), 0, 15);
    }

    /**
     * Serial number (0x50): 13 ASCII characters (a 20-byte response) or 5 BCD bytes, two digits
     * each, high nibble first (a 12-byte response).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the serial number
     * @throws ProtocolException when the frame is not a valid response or a BCD nibble is not a digit
     */
    public static String serial(byte[] frame, int address) throws ProtocolException {
        byte[] p = payload(frame, address, Port81Command.SERIAL);
        if (p.length == 13) {
            return text(p, 0, 13);
        }
        if (p.length != 5) {
            throw new ProtocolException(
                    "wrong serial number length",
                    Port81Response.HEADER,
                    "13 ASCII or 5 BCD bytes",
                    p.length + " bytes");
        }
        StringBuilder s = new StringBuilder(10);
        for (int i = 0; i < 5; i++) {
            for (int nibble : new int[] {(p[i] >> 4) & 0xF, p[i] & 0xF}) {
                if (nibble > 9) {
                    throw new ProtocolException(
                            "serial number is not BCD",
                            Port81Response.HEADER + i,
                            "digits 0-9",
                            String.format("0x%02X", p[i] & 0xFF));
                }
                s.append((char) ('0' + nibble));
            }
        }
        return s.toString();
    }

    /**
     * Article number (0x51).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the article number
     * @throws ProtocolException when the frame is not a valid response
     */
    public static long articleNumber(byte[] frame, int address) throws ProtocolException {
        return u32(payload(frame, address, Port81Command.ARTICLE_NUMBER), 0);
    }

    /**
     * One of the time commands: running time (0x46), installed time (0x5B), last history update
     * (0x5D), history interval (0x5E) or portal upload timer (0x92).
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @param command the time command that was sent
     * @return seconds
     * @throws ProtocolException when the frame is not a valid response
     * @throws IllegalArgumentException when the command is not a time command
     */
    public static long seconds(byte[] frame, int address, Port81Command command) throws ProtocolException {
        switch (command) {
            case RUNNING_TIME, INSTALLED_TIME, LAST_HISTORY_UPDATE, HISTORY_INTERVAL, PORTAL_UPLOAD_TIMER -> {
                return u32(payload(frame, address, command), 0);
            }
            default -> throw new IllegalArgumentException(command + " is not a time command");
        }
    }

    /**
     * Portal name (0xA6), 32 characters, stripped.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @return the portal name
     * @throws ProtocolException when the frame is not a valid response
     */
    public static String portalName(byte[] frame, int address) throws ProtocolException {
        return text(payload(frame, address, Port81Command.PORTAL_NAME), 0, 32);
    }

    /**
     * Decodes any command's response to its typed value: a record, a {@code String} or a {@code
     * Long}.
     *
     * @param frame the response frame
     * @param address the bus address asked
     * @param command the command that was sent
     * @return the decoded value
     * @throws ProtocolException when the frame is not a valid response to that command
     */
    public static Object decode(byte[] frame, int address, Port81Command command) throws ProtocolException {
        return switch (command) {
            case STATUS -> status(frame, address);
            case TOTAL_ENERGY -> totalEnergy(frame, address);
            case TODAY_ENERGY -> todayEnergy(frame, address);
            case TECHNICAL_DATA -> technicalData(frame, address);
            case MODEL -> model(frame, address);
            case VERSIONS -> versions(frame, address);
            case NAME -> name(frame, address);
            case SERIAL -> serial(frame, address);
            case ARTICLE_NUMBER -> articleNumber(frame, address);
            case PORTAL_NAME -> portalName(frame, address);
            default -> seconds(frame, address, command);
        };
    }

    /**
     * Combines port-81 answers into one {@link PikoStatus}; any part may be missing (null).
     *
     * @param model the model answer, or null (then 3 strings and 3 phases are assumed)
     * @param status the status answer, or null
     * @param totalWh the total energy in Wh, or null
     * @param todayWh the energy of the day in Wh, or null
     * @param data the technical data, or null
     * @param address the bus address, or null
     * @return the combined status; AC power is the sum of the phases' power
     */
    public static PikoStatus toStatus(
            Port81Model model,
            Port81Status status,
            Long totalWh,
            Long todayWh,
            Port81TechnicalData data,
            Integer address) {
        int strings = model == null ? 3 : Math.min(3, model.strings());
        int phases = model == null ? 3 : Math.min(3, model.phases());
        List<PikoStatus.PvString> pv = new ArrayList<>(3);
        List<PikoStatus.Phase> ac = new ArrayList<>(3);
        Double acPower = null;
        if (data != null) {
            for (int k = 0; k < strings; k++) {
                Port81TechnicalData.Dc d = data.dc().get(k);
                pv.add(new PikoStatus.PvString(k + 1, d.voltage(), d.current(), d.power()));
            }
            double sum = 0;
            for (int k = 0; k < phases; k++) {
                Port81TechnicalData.Ac a = data.ac().get(k);
                ac.add(new PikoStatus.Phase(k + 1, a.voltage(), a.current(), a.power()));
                sum += a.power();
            }
            acPower = phases > 0 ? sum : null;
        }
        return new PikoStatus(
                model == null ? null : model.model(),
                null,
                address,
                acPower,
                totalWh == null ? null : totalWh.doubleValue(),
                todayWh == null ? null : todayWh.doubleValue(),
                status == null ? null : status.text(),
                pv,
                ac);
    }

    private static byte[] payload(byte[] frame, int address, Port81Command command) throws ProtocolException {
        return Port81Response.parse(frame, address, command).payloadBytes();
    }

    private static byte[] payload(Port81Response response, Port81Command command) throws ProtocolException {
        if (response.command() != command) {
            throw new ProtocolException(
                    "port-81 response to the wrong command",
                    4,
                    command.toString(),
                    response.command().toString());
        }
        return response.payloadBytes();
    }

    private static int u16(byte[] p, int at) {
        return (p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] p, int at) {
        return (u16(p, at) | (long) u16(p, at + 2) << 16) & 0xFFFFFFFFL;
    }

    /** Printable ASCII up to the first NUL, stripped; other bytes become '?'. */
    private static String text(byte[] p, int from, int length) {
        byte[] chars = new byte[length];
        int n = 0;
        for (int i = from; i < from + length && p[i] != 0; i++) {
            int c = p[i] & 0xFF;
            chars[n++] = (byte) (c >= 0x20 && c < 0x7F ? c : '?');
        }
        return new String(chars, 0, n, StandardCharsets.US_ASCII).strip();
    }
}
