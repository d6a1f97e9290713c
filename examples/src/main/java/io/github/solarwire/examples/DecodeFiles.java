package io.github.solarwire.examples;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.sink.JsonLinesSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** What the {@code solar decode} commands share: reading the input, printing readings and errors. */
final class DecodeFiles {

    /** The largest input read. */
    static final int MAX_INPUT = 16 << 20;

    private DecodeFiles() {}

    /**
     * Reads a file, or standard input for {@code -}; a missing, unreadable or too large one is a
     * usage error naming the option.
     */
    static byte[] read(String file, String option, InputStream in, CommandLine.Model.CommandSpec spec) {
        try {
            if (file.equals("-")) {
                byte[] b = in.readNBytes(MAX_INPUT + 1);
                if (b.length > MAX_INPUT) {
                    throw usage(spec, option, file, "standard input is larger than 16 MiB");
                }
                return b;
            }
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw usage(spec, option, file, "no such file");
            }
            if (Files.size(path) > MAX_INPUT) {
                throw usage(spec, option, file, "larger than 16 MiB");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw usage(spec, option, file, "cannot be read: " + e.getMessage());
        }
    }

    /** Writes readings as JSON lines; standard output stays open. */
    static void print(List<Reading> readings, PrintStream out) {
        JsonLinesSink sink = JsonLinesSink.toStream(out);
        try {
            for (Reading r : readings) {
                sink.accept(r);
            }
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to standard output failed", e);
        }
    }

    /** Prints {@code {"error": message}} and returns exit code 1. */
    static int error(String message, PrintStream out) {
        out.println(JsonOut.object(Map.of("error", message)));
        out.flush();
        return 1;
    }

    static CommandLine.ParameterException usage(
            CommandLine.Model.CommandSpec spec, String option, String value, String reason) {
        return new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for '" + option + "': '" + value + "'; " + reason);
    }
}
