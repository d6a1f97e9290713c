package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.pi30.codec.Pi30Ack;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Commands;
import io.github.solarwire.pi30.codec.Pi30MppSolarFormat;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.codec.Pi30SolarwireFormat;
import java.io.PrintStream;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar decode pi30}: one PI30 reply, as hex, decoded for the command that was sent and
 * printed as one JSON line, in mpp-solar's shape or solarwire's own.
 *
 * <p>Exit codes: 0 decoded; 1 the reply is a NAK or not a valid reply (printed as {@code {"error":
 * "..."}}); 2 bad usage (an unknown command, odd hex, …).
 */
@Command(
        name = "pi30",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes one Voltronic / MPP Solar PI30 reply.",
            "Example: solar decode pi30 --command QMOD --hex 2842e7c90d"
        })
final class Pi30DecodeCommand implements Callable<Integer> {

    /** The output shapes. */
    enum Format {
        /** mpp-solar's decode: {"AC Input Voltage": [230.0, "V"], ...}. */
        mppsolar,
        /** solarwire's record: {"command": ..., "protocol": ..., "response": {...}}. */
        solarwire
    }

    private final PrintStream out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--command",
            required = true,
            paramLabel = "<command>",
            description = "The command that was sent, e.g. QPIGS, QPGS0, QED20240101, POP02.")
    private String command;

    @Option(
            names = "--hex",
            required = true,
            paramLabel = "<hex>",
            description = "The reply as received, '(' to CR, in hex; spaces and colons are ignored.")
    private String hex;

    @Option(
            names = "--protocol",
            defaultValue = "PI30",
            paramLabel = "<protocol>",
            converter = ProtocolConverter.class,
            description = "PI30 or PI30MAX. Default: ${DEFAULT-VALUE}.")
    private Pi30Protocol protocol;

    @Option(
            names = "--format",
            defaultValue = "mppsolar",
            paramLabel = "<format>",
            converter = FormatConverter.class,
            description = "mppsolar or solarwire. Default: ${DEFAULT-VALUE}.")
    private Format format;

    Pi30DecodeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Pi30Command<?> pi30;
        try {
            pi30 = Pi30Commands.parse(command.strip(), protocol);
        } catch (IllegalArgumentException e) {
            throw usage("--command", command, e.getMessage());
        }
        byte[] reply = bytes();
        try {
            Object decoded = pi30.decode(reply);
            if (decoded == Pi30Ack.NAK) {
                return error("NAK: the inverter refused " + pi30.request().command());
            }
            out.println(
                    format == Format.mppsolar
                            ? Pi30MppSolarFormat.toJson(pi30, decoded)
                            : Pi30SolarwireFormat.toJson(pi30, decoded));
            out.flush();
            return 0;
        } catch (ProtocolException e) {
            return error(e.getMessage());
        }
    }

    private byte[] bytes() {
        String digits = hex.replaceAll("[\\s:]", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]+")) {
            throw usage("--hex", hex, "accepted: an even number of hex digits, e.g. 2842e7c90d");
        }
        return HexFormat.of().parseHex(digits);
    }

    private int error(String message) {
        out.println("{\"error\": \"" + escape(message) + "\"}");
        out.flush();
        return 1;
    }

    private CommandLine.ParameterException usage(String option, String value, String reason) {
        return new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "'; " + reason);
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** PI30 or PI30MAX, in any case. */
    static final class ProtocolConverter implements CommandLine.ITypeConverter<Pi30Protocol> {
        @Override
        public Pi30Protocol convert(String value) {
            for (Pi30Protocol p : Pi30Protocol.values()) {
                if (p.name().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "'; accepted: PI30, PI30MAX");
        }
    }

    /** mppsolar or solarwire, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "'; accepted: mppsolar, solarwire");
        }
    }
}
