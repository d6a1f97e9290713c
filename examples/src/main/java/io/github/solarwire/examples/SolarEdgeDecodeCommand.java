package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.codec.EnergyStatisticsResponse;
import io.github.solarwire.solaredge.codec.ParamGetRequest;
import io.github.solarwire.solaredge.codec.ParamResponse;
import io.github.solarwire.solaredge.codec.ParamSetRequest;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrameHandler;
import io.github.solarwire.solaredge.codec.SeFrames;
import io.github.solarwire.solaredge.codec.SePayload;
import io.github.solarwire.solaredge.codec.SeSkip;
import io.github.solarwire.solaredge.codec.ServerGmtResponse;
import io.github.solarwire.solaredge.codec.VersionResponse;
import io.github.solarwire.solaredge.telemetry.SemonitorJson;
import io.github.solarwire.solaredge.telemetry.SemonitorView;
import io.github.solarwire.solaredge.telemetry.Telemetry;
import io.github.solarwire.solaredge.telemetry.TelemetryBatch;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar decode solaredge}: the frames of a SolarEdge message stream, one JSON object per
 * line: where the frame starts, its header, and its payload decoded where the library has a typed
 * layout (0x0500 telemetry in semonitor's nested form; parameter reads, writes and replies; the
 * server's time; versions; energy counters), else as hex. Spans without a valid frame (garbage,
 * bad CRC, bad length complement, cut short) get their own line.
 *
 * <p>Addresses are printed as the peer prints device ids: upper-case hex, bit 23 cleared; the
 * server addresses 0xFFFFFFFD..0xFFFFFFFF are printed whole, since clearing the bit would name an
 * address that does not exist. JSON is written as semonitor writes it (bare {@code NaN}, Python
 * float repr). Exit codes: 0 every byte was a valid frame; 1 some span was skipped or a payload did
 * not fit its layout; 2 bad usage.
 */
@Command(
        name = "solaredge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes SolarEdge frames (a .dat/.rec stream or hex) into one JSON object per frame.",
            "Example: solar decode solaredge --file capture.dat --timezone UTC"
        })
final class SolarEdgeDecodeCommand implements Callable<Integer> {

    private final PrintStream out;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--hex", paramLabel = "HEX", description = "The bytes in hex (spaces and colons allowed).")
    private String hex;

    @Option(names = "--file", paramLabel = "FILE|-", description = "A raw message stream (.dat, .rec), or -.")
    private String file;

    @Option(
            names = "--timezone",
            paramLabel = "<zone>",
            description = "The time zone of telemetry Date, Time and event times. Default: the system's.")
    private ZoneId zone;

    SolarEdgeDecodeCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() {
        if ((hex == null) == (file == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give exactly one of --hex, --file (a file, or - for standard input)");
        }
        byte[] bytes = hex != null ? parseHex(hex) : DecodeFiles.read(file, "--file", in, spec);
        ZoneId tz = zone == null ? ZoneId.systemDefault() : zone;
        int[] problems = {0};
        long[] offset = {0};
        SeFrames.scan(bytes, new SeFrameHandler() {
            @Override
            public void frame(SeFrame frame) {
                Map<String, Object> line = frameLine(frame, offset[0], tz);
                if (line.containsKey("error")) {
                    problems[0]++;
                }
                print(line);
                offset[0] += frame.length();
            }

            @Override
            public void skipped(SeSkip skip) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("offset", skip.offset());
                line.put("skipped", skip.length());
                line.put("reason", skip.reason().name().toLowerCase(Locale.ROOT));
                print(line);
                problems[0]++;
                offset[0] = skip.offset() + skip.length();
            }
        });
        out.flush();
        return problems[0] == 0 ? 0 : 1;
    }

    private byte[] parseHex(String text) {
        String digits = text.replaceAll("[\\s:]", "");
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw DecodeFiles.usage(spec, "--hex", text, "not an even number of hex digits");
        }
    }

    static Map<String, Object> frameLine(SeFrame frame, long offset, ZoneId tz) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("offset", offset);
        line.put("sequence", frame.sequence());
        line.put("source", address(frame.source()));
        line.put("destination", address(frame.destination()));
        line.put("function", frame.function().hex());
        frame.function().knownName().ifPresent(name -> line.put("name", name));
        line.put("length", frame.payloadLength());
        byte[] payload = frame.payload();
        if (frame.function().code() == 0x0500) {
            if (payload.length > 0) {
                TelemetryBatch batch = Telemetry.parse(payload);
                line.put("telemetry", SemonitorView.of(batch.records(), tz));
                if (!batch.errors().isEmpty()) {
                    line.put(
                            "error",
                            batch.errors().stream()
                                    .map(ProtocolException::getMessage)
                                    .collect(Collectors.joining("; ")));
                }
            }
            return line;
        }
        try {
            Optional<SePayload> typed = SePayload.decode(frame);
            if (typed.isPresent()) {
                line.put("data", fields(typed.get()));
            } else if (payload.length > 0) {
                line.put("data", HexFormat.of().formatHex(payload));
            }
        } catch (ProtocolException e) {
            line.put("data", HexFormat.of().formatHex(payload));
            line.put("error", e.getMessage());
        }
        return line;
    }

    /** The payload's fields, named as semonitor names them (spec §3.1). */
    private static Map<String, Object> fields(SePayload payload) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (payload instanceof ParamGetRequest p) {
            f.put("param", p.parameter());
        } else if (payload instanceof ParamSetRequest p) {
            f.put("param", p.parameter());
            f.put("value", p.value());
        } else if (payload instanceof ParamResponse p) {
            f.put("value", p.value());
            f.put("type", p.type());
        } else if (payload instanceof ServerGmtResponse p) {
            f.put("time", p.time());
            f.put("tz", p.zoneOffsetSeconds());
        } else if (payload instanceof VersionResponse p) {
            f.put("version", p.text());
        } else if (payload instanceof EnergyStatisticsResponse p) {
            f.put("Eday", (double) p.day());
            f.put("Emon", (double) p.month());
            f.put("Eyear", (double) p.year());
            f.put("Etot", (double) p.total());
            f.put("time", p.time());
        }
        return f;
    }

    /** As the peer prints device ids: upper-case hex with bit 23 cleared; server addresses whole. */
    static String address(long address) {
        long printed = address >= 0xFFFF_FFFDL ? address : address & 0xFF7F_FFFFL;
        return String.format(Locale.ROOT, "%X", printed);
    }

    private void print(Map<String, Object> line) {
        out.println(SemonitorJson.write(line));
    }
}
