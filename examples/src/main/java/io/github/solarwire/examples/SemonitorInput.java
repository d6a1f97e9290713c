package io.github.solarwire.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * semonitor's JSON lines read one at a time from a file or standard input, for the conversion apps.
 * A line that is not a JSON object, or that its consumer rejects, is reported on the error stream
 * with its number and skipped; blank lines are skipped silently. Not thread-safe.
 */
final class SemonitorInput {

    /** What a conversion app does with one parsed line. */
    @FunctionalInterface
    interface LineHandler {
        /**
         * Handles one line.
         *
         * @param line the parsed line
         * @throws IllegalArgumentException when the line's content is unusable; it is then reported
         */
        void accept(Map<String, Object> line);
    }

    private final String file;
    private final InputStream stdin;
    private final PrintStream err;
    private final String app;
    private int errors;

    /**
     * @param file a file name, or {@code -} for standard input
     * @param stdin standard input
     * @param err where bad lines are reported
     * @param app the app's name, the reports' prefix
     */
    SemonitorInput(String file, InputStream stdin, PrintStream err, String app) {
        this.file = file;
        this.stdin = stdin;
        this.err = err;
        this.app = app;
    }

    /**
     * Reads every line to the end of the input.
     *
     * @param spec the app, for a usage error when the file does not exist
     * @param handler what to do with each good line
     * @return the number of bad lines
     */
    @SuppressWarnings("unchecked")
    int forEach(CommandLine.Model.CommandSpec spec, LineHandler handler) {
        try (BufferedReader reader = open(spec)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    Object line = PythonJson.parse(text);
                    if (!(line instanceof Map<?, ?>)) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    handler.accept((Map<String, Object>) line);
                } catch (IllegalArgumentException e) {
                    report("line " + number + ": " + e.getMessage() + "; skipped");
                    errors++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
        return errors;
    }

    /** Reports a problem that is not a bad line (a warning); it does not count as an error. */
    void report(String message) {
        err.println(app + ": " + message);
        err.flush();
    }

    private BufferedReader open(CommandLine.Model.CommandSpec spec) throws IOException {
        InputStream in;
        if (file.equals("-")) {
            // standard input stays open for the rest of the launcher
            in = new java.io.FilterInputStream(stdin) {
                @Override
                public void close() {}
            };
        } else {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw DecodeFiles.usage(spec, "FILE", file, "no such file");
            }
            in = Files.newInputStream(path);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
