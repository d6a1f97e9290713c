package io.github.solarwire.examples;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.pvs.codec.DeviceList;
import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.SystemInfo;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import io.github.solarwire.pvs.codec.TelemetryMessage;
import io.github.solarwire.pvs.codec.VarserverDevice;
import io.github.solarwire.pvs.codec.VarserverVars;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar decode pvs}: a saved PVS answer decoded to solarwire readings (JSON lines): telemetry
 * frames ({@code --ws}, one frame per line or one whole frame), a legacy DeviceList ({@code
 * --devicelist}) or a varserver {@code /vars} answer ({@code --vars}, either layout).
 *
 * <p>Exit codes: 0 decoded; 1 some input was not valid (each bad part printed as {@code {"error":
 * "..."}}, the good parts still decoded); 2 bad usage.
 */
@Command(
        name = "pvs",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes saved SunPower PVS telemetry frames, a DeviceList or a varserver answer.",
            "Example: solar decode pvs --ws frames.jsonl"
        })
final class PvsDecodeCommand implements Callable<Integer> {

    private final PrintStream out;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--ws",
            paramLabel = "FILE|-",
            description = "Telemetry WebSocket frames, one per line (or one frame over several lines).")
    private String ws;

    @Option(names = "--devicelist", paramLabel = "FILE|-", description = "A dl_cgi Command=DeviceList answer.")
    private String deviceList;

    @Option(names = "--vars", paramLabel = "FILE|-", description = "A varserver /vars answer (either form).")
    private String vars;

    @Option(
            names = "--time",
            paramLabel = "<instant>",
            description = "The time of readings whose data has none, e.g. 2025-07-28T19:20:00Z. Default: now.")
    private Instant time;

    PvsDecodeCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() {
        int given = (ws != null ? 1 : 0) + (deviceList != null ? 1 : 0) + (vars != null ? 1 : 0);
        if (given != 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "give exactly one of --ws, --devicelist, --vars (a file, or - for standard input)");
        }
        Instant now = time == null ? Instant.now() : time;
        DeviceInfo site = DeviceInfo.builder("pvs", "site")
                .vendor("SunPower")
                .protocol("pvs")
                .build();
        List<Reading> readings = new ArrayList<>();
        int errors = 0;
        try {
            if (ws != null) {
                errors = frames(read(ws, "--ws"), site, now, readings);
            } else if (deviceList != null) {
                readings.addAll(DeviceList.toReadings(DeviceList.parse(read(deviceList, "--devicelist")), now));
            } else {
                VarserverVars answer = VarserverVars.parse(read(vars, "--vars"));
                answer.liveData().ifPresent(p -> readings.add(p.toReading(site, now)));
                SystemInfo info = answer.systemInfo();
                String parent = null;
                if (info.serial() != null) {
                    DeviceInfo supervisor = new io.github.solarwire.pvs.codec.SupervisorInfo(
                                    info.serial(), info.model(), info.softwareRevision(), null, info.build())
                            .deviceInfo();
                    parent = supervisor.id();
                    readings.add(info.toReading(supervisor, now));
                }
                for (VarserverDevice d : answer.devices()) {
                    readings.add(d.toReading(parent, now));
                }
            }
        } catch (ProtocolException e) {
            print(readings);
            return error(e.getMessage());
        }
        print(readings);
        return errors == 0 ? 0 : 1;
    }

    /** Decodes the frames: the whole input as one frame, else one per non-blank line. */
    private int frames(byte[] bytes, DeviceInfo site, Instant now, List<Reading> readings) {
        try {
            add(TelemetryFrame.parse(bytes), site, now, readings);
            return 0;
        } catch (ProtocolException whole) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.strip().indexOf('\n') < 0) {
                error(whole.getMessage());
                return 1;
            }
        }
        int errors = 0;
        int line = 0;
        for (String frame : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            line++;
            if (frame.isBlank()) {
                continue;
            }
            try {
                add(TelemetryFrame.parse(frame), site, now, readings);
            } catch (ProtocolException e) {
                print(readings);
                readings.clear();
                error("line " + line + ": " + e.getMessage());
                errors++;
            }
        }
        return errors;
    }

    private static void add(TelemetryMessage m, DeviceInfo site, Instant now, List<Reading> readings) {
        if (m instanceof PowerNotification p) {
            readings.add(p.toReading(site, now));
        }
    }

    private byte[] read(String file, String option) {
        return DecodeFiles.read(file, option, in, spec);
    }

    private void print(List<Reading> readings) {
        DecodeFiles.print(readings, out);
    }

    private int error(String message) {
        return DecodeFiles.error(message, out);
    }
}
