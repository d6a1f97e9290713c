package io.github.solarwire.examples;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.kostal.codec.KostalDocument;
import io.github.solarwire.kostal.codec.KostalReadings;
import io.github.solarwire.kostal.codec.LogDaten;
import io.github.solarwire.kostal.codec.MpPlusXml;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.kostal.codec.PikoStatusPage;
import io.github.solarwire.kostal.codec.Port81Command;
import io.github.solarwire.kostal.codec.Port81Decoder;
import io.github.solarwire.kostal.codec.Port81Model;
import io.github.solarwire.kostal.codec.Port81Status;
import io.github.solarwire.kostal.codec.Port81TechnicalData;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solar decode kostal FILE|-}: a saved status page, MP plus {@code all.xml}, {@code
 * LogDaten.dat} or port-81 response, decoded and printed as the kostal2mqtt document (one JSON
 * line) or as solarwire readings (JSON lines).
 *
 * <p>Exit codes: 0 decoded; 1 the input is not valid (printed as {@code {"error": "..."}}); 2 bad
 * usage.
 */
@Command(
        name = "kostal",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes a Kostal PIKO status page, MP plus all.xml, LogDaten.dat or port-81 response.",
            "Example: solar decode kostal index.fhtml"
        })
final class KostalDecodeCommand implements Callable<Integer> {

    /** The kinds of input. */
    enum Type {
        /** Detect from the content. */
        auto,
        /** The status page, index.fhtml. */
        page,
        /** The PIKO MP plus all.xml. */
        xml,
        /** The LogDaten.dat history. */
        logdaten,
        /** One port-81 response frame. */
        port81
    }

    /** The output shapes. */
    enum Format {
        /** The kostal2mqtt document. */
        kostal2mqtt,
        /** solarwire readings as JSON lines. */
        solarwire
    }

    private final PrintStream out;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The input file, or - for standard input.")
    private String file;

    @Option(
            names = "--type",
            defaultValue = "auto",
            paramLabel = "<type>",
            description = "auto, page, xml, logdaten or port81. Default: ${DEFAULT-VALUE}.")
    private Type type;

    @Option(
            names = "--format",
            defaultValue = "kostal2mqtt",
            paramLabel = "<format>",
            description = "kostal2mqtt or solarwire. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(
            names = "--command",
            defaultValue = "TECHNICAL_DATA",
            paramLabel = "<command>",
            description = "For port81: the command answered, e.g. TECHNICAL_DATA, STATUS, MODEL, 0x43. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String command;

    @Option(
            names = "--address",
            defaultValue = "255",
            paramLabel = "<address>",
            description = "For port81: the RS485 address asked, 0 to 255. Default: ${DEFAULT-VALUE}.")
    private int address;

    @Option(
            names = "--time",
            paramLabel = "<instant>",
            description = "The time of the reading (and of akt. Zeit for LogDaten), e.g. 2024-06-01T12:00:00Z. "
                    + "Default: now.")
    private Instant time;

    KostalDecodeCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() {
        if (address < 0 || address > 255) {
            throw usage("--address", String.valueOf(address), "accepted: 0 to 255");
        }
        Port81Command port81 = port81Command();
        byte[] bytes = read();
        Instant now = time == null ? Instant.now() : time;
        try {
            Type kind = type == Type.auto ? detect(bytes) : type;
            DeviceInfo device = DeviceInfo.builder("kostal", "inverter")
                    .vendor("Kostal")
                    .protocol("kostal-" + kind)
                    .build();
            if (kind == Type.logdaten) {
                LogDaten log = LogDaten.parse(bytes);
                if (format == Format.kostal2mqtt) {
                    return error("LogDaten has no kostal2mqtt document; use --format solarwire");
                }
                print(log.toReadings(device, now));
                return 0;
            }
            PikoStatus status = switch (kind) {
                case xml -> MpPlusXml.parse(bytes).toStatus();
                case port81 -> port81(bytes, port81);
                default -> PikoStatusPage.parse(bytes);
            };
            if (format == Format.kostal2mqtt) {
                out.println(KostalDocument.toJson(status));
            } else {
                DeviceInfo withModel = device.toBuilder().model(status.model()).build();
                print(List.of(KostalReadings.toReading(status, withModel, now)));
            }
            out.flush();
            return 0;
        } catch (ProtocolException e) {
            return error(e.getMessage());
        }
    }

    private PikoStatus port81(byte[] bytes, Port81Command c) throws ProtocolException {
        return switch (c) {
            case STATUS ->
                Port81Decoder.toStatus(null, Port81Decoder.status(bytes, address), null, null, null, address);
            case TOTAL_ENERGY ->
                Port81Decoder.toStatus(null, null, Port81Decoder.totalEnergy(bytes, address), null, null, address);
            case TODAY_ENERGY ->
                Port81Decoder.toStatus(null, null, null, Port81Decoder.todayEnergy(bytes, address), null, address);
            case MODEL -> Port81Decoder.toStatus(Port81Decoder.model(bytes, address), null, null, null, null, address);
            case TECHNICAL_DATA -> {
                Port81TechnicalData data = Port81Decoder.technicalData(bytes, address);
                yield Port81Decoder.toStatus((Port81Model) null, (Port81Status) null, null, null, data, address);
            }
            default ->
                throw new ProtocolException(
                        c + " carries no measurements",
                        -1,
                        "TECHNICAL_DATA, STATUS, TOTAL_ENERGY, TODAY_ENERGY or MODEL",
                        c.toString());
        };
    }

    /** The input's kind from its first bytes: '<' page or XML, LogDaten's header, else port 81. */
    static Type detect(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        String lower = head.stripLeading().toLowerCase(Locale.ROOT);
        if (lower.startsWith("<?xml") || lower.contains("<root")) {
            return lower.contains("<html") ? Type.page : Type.xml;
        }
        if (lower.startsWith("<")) {
            return Type.page;
        }
        if (head.contains("Logdaten") || head.contains("akt. Zeit") || head.startsWith("Zeit\t")) {
            return Type.logdaten;
        }
        return Type.port81;
    }

    private Port81Command port81Command() {
        String c = command.strip();
        try {
            if (c.startsWith("0x") || c.startsWith("0X")) {
                return Port81Command.of(Integer.parseInt(c.substring(2), 16));
            }
            return Port81Command.valueOf(c.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw usage("--command", command, "accepted: " + List.of(Port81Command.values()) + " or a byte like 0x43");
        }
    }

    private byte[] read() {
        return DecodeFiles.read(file, "FILE", in, spec);
    }

    private void print(List<Reading> readings) {
        DecodeFiles.print(readings, out);
    }

    private int error(String message) {
        return DecodeFiles.error(message, out);
    }

    private CommandLine.ParameterException usage(String option, String value, String reason) {
        return new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for '" + option + "': '" + value + "'; " + reason);
    }
}
