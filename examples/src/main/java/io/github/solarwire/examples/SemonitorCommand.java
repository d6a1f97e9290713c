package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.codec.FunctionCode;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrameDecoder;
import io.github.solarwire.solaredge.codec.SeFrameHandler;
import io.github.solarwire.solaredge.codec.SeSkip;
import io.github.solarwire.solaredge.crypto.InverterKey;
import io.github.solarwire.solaredge.crypto.SessionCipher;
import io.github.solarwire.solaredge.telemetry.SemonitorLineWriter;
import io.github.solarwire.solaredge.telemetry.Telemetry;
import io.github.solarwire.solaredge.telemetry.TelemetryBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solar semonitor}: semonitor's passive mode. It reads a SolarEdge message stream (a file, a
 * followed file, or standard input), and writes one JSON line per non-empty 0x0500 telemetry
 * message, byte for byte as semonitor writes it. Unlike semonitor it reads in large blocks, decodes
 * the battery and meter records semonitor mis-sizes (and says so in the log), and never loses a
 * message to a bad one: bad frames are skipped and counted, unless {@code -x} asks to stop.
 */
@Command(
        name = "semonitor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Decodes a SolarEdge message stream into semonitor's JSON lines:",
            "  solar semonitor capture.dat > capture.json"
        })
final class SemonitorCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "The input; - or none for standard input.")
    private String file;

    @Option(names = "-f", description = "Follow the file as it grows (like tail -f).")
    private boolean follow;

    @Option(names = "-o", paramLabel = "FILE", description = "Write the JSON lines here instead of standard output.")
    private Path output;

    @Option(names = "-a", description = "Append to the -o file instead of replacing it.")
    private boolean append;

    @Option(
            names = "-k",
            paramLabel = "KEYFILE",
            description = "The inverter key file (sekey), for encrypted 0x003d messages.")
    private Path keyFile;

    @Option(names = "-v", description = "More log detail on standard error: -v, -vv, -vvv, -vvvv.")
    private boolean[] verbose = new boolean[0];

    @Option(names = "-x", description = "Stop at the first data error, as semonitor -x does.")
    private boolean haltOnError;

    @Option(
            names = "--timezone",
            paramLabel = "<zone>",
            description =
                    "The time zone of Date, Time and event times. Default: the system's (semonitor's local time).")
    private ZoneId zone;

    @Option(
            names = "--follow-poll",
            defaultValue = "100ms",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            hidden = true,
            description = "How often a followed file is checked for new data.")
    private java.time.Duration followPoll;

    SemonitorCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /** Stops the run: the first data error under -x. */
    private static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Halt(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() throws Exception {
        ZoneId tz = zone == null ? ZoneId.systemDefault() : zone;
        if (keyFile != null && !Files.isRegularFile(keyFile)) {
            throw DecodeFiles.usage(spec, "-k", keyFile.toString(), "no such file");
        }
        InputStream source = open();
        OutputStream sink = OutputFile.open(output, append, out);
        InverterKey key = keyFile == null ? null : InverterKey.read(keyFile);
        Stats stats = new Stats();
        stats.writer = new SemonitorLineWriter(tz);
        try (BufferedOutputStream json = new BufferedOutputStream(sink, 1 << 16)) {
            SeFrameDecoder decoder = new SeFrameDecoder();
            SeFrameHandler handler = new SeFrameHandler() {
                @Override
                public void frame(SeFrame frame) {
                    int code = frame.function().code();
                    if (code == 0x0503 && key != null) {
                        try {
                            stats.session = SessionCipher.fromSessionKeyMessage(key, frame.payload());
                            log(1, "session key from a 0x0503 message");
                        } catch (ProtocolException e) {
                            dataError(stats, "0x0503: " + e.getMessage());
                        }
                    } else if (code == 0x003d) {
                        decrypted(frame, tz, json, stats);
                        return;
                    }
                    onFrame(frame, tz, json, stats);
                }

                @Override
                public void skipped(SeSkip skip) {
                    stats.skipped++;
                    log(1, "skipped " + skip.length() + " bytes at offset " + skip.offset() + ": " + skip.reason());
                    if (haltOnError && skip.reason() != SeSkip.Reason.GARBAGE) {
                        throw new Halt("stopping at a " + skip.reason() + " at offset " + skip.offset() + " (-x)");
                    }
                }
            };
            byte[] buffer = new byte[1 << 16];
            CountDownLatch never = new CountDownLatch(1);
            try {
                while (true) {
                    int n = source.read(buffer);
                    if (n < 0) {
                        if (!follow) {
                            break;
                        }
                        json.flush();
                        never.await(followPoll.toNanos(), TimeUnit.NANOSECONDS);
                        continue;
                    }
                    decoder.feed(buffer, 0, n, handler);
                    if (follow) {
                        json.flush();
                    }
                }
                decoder.finish(handler);
            } catch (Halt h) {
                json.flush();
                err.println("semonitor: " + h.getMessage());
                return 1;
            }
        } finally {
            if (source != in) {
                source.close();
            }
        }
        log(
                1,
                stats.frames + " frames, " + stats.lines + " JSON lines, " + stats.skipped + " skipped spans, "
                        + stats.recordErrors + " bad records");
        return 0;
    }

    /** An encrypted envelope: decrypted with the session's cipher, its inner frame handled as any other. */
    private void decrypted(SeFrame envelope, ZoneId tz, OutputStream json, Stats stats) {
        stats.frames++;
        if (stats.session == null) {
            stats.encryptedSkipped++;
            if (stats.encryptedSkipped == 1) {
                err.println("semonitor: encrypted 0x003d messages need the inverter key (-k) and a 0x0503 session"
                        + " message before them; skipping them");
            }
            return;
        }
        try {
            SeFrame inner = SeFrame.decode(stats.session.decrypt(envelope.payload()));
            stats.frames--;
            onFrame(inner, tz, json, stats);
        } catch (ProtocolException e) {
            dataError(stats, "0x003d seq " + envelope.sequence() + ": " + e.getMessage());
        }
    }

    private void dataError(Stats stats, String message) {
        stats.recordErrors++;
        err.println("semonitor: " + message);
        if (haltOnError) {
            throw new Halt("stopping at the first data error (-x)");
        }
    }

    private void onFrame(SeFrame frame, ZoneId tz, OutputStream json, Stats stats) {
        stats.frames++;
        FunctionCode fn = frame.function();
        log(
                2,
                "frame seq " + frame.sequence() + " " + fn.hex() + " "
                        + fn.knownName().orElse("?") + ", " + frame.payload().length + " bytes");
        if (fn.code() != 0x0500) {
            return;
        }
        byte[] payload = frame.payload();
        if (payload.length == 0) {
            return;
        }
        TelemetryBatch batch = Telemetry.parse(payload);
        for (ProtocolException e : batch.errors()) {
            dataError(stats, e.getMessage());
        }
        if (batch.records().isEmpty()) {
            return;
        }
        SemonitorLineWriter writer = stats.writer;
        int length = writer.line(batch.records());
        if (verbose.length >= 3) {
            log(3, new String(writer.buffer(), 0, length, StandardCharsets.ISO_8859_1));
        }
        try {
            json.write(writer.buffer(), 0, length);
            json.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        stats.lines++;
    }

    private InputStream open() throws IOException {
        if (file == null || file.equals("-")) {
            if (follow) {
                throw DecodeFiles.usage(spec, "-f", "-", "follow needs a file, not standard input");
            }
            return in;
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw DecodeFiles.usage(spec, "FILE", file, "no such file");
        }
        return Files.newInputStream(p);
    }

    private void log(int level, String message) {
        if (verbose.length >= level) {
            err.println("semonitor: " + message);
        }
    }

    /** What one run saw. */
    private static final class Stats {
        SessionCipher session;
        SemonitorLineWriter writer;
        long encryptedSkipped;
        long frames;
        long lines;
        long skipped;
        long recordErrors;
    }
}
