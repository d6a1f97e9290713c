package io.github.solarwire.examples;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code solar pickle2graphite}: a drop-in for semonitor's {@code pickle2graphite.py}, which is
 * Python-2-only. Each of semonitor's JSON lines becomes one batch (more if it holds over {@code
 * --batch} metrics) for carbon's pickle receiver, framed as {@link CarbonPickle} says, all over one
 * connection and without the peer's 0.2 s pause per batch.
 *
 * <p>Exit codes: 0 done; 1 some lines were bad (each reported and skipped) or carbon could not be
 * reached; 2 bad usage.
 */
@Command(
        name = "pickle2graphite",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sends semonitor's JSON lines to graphite's pickle port, one batch per line:",
            "  solar semonitor ... | solar pickle2graphite -H graphite.local -b solar -"
        })
final class Pickle2GraphiteCommand implements Callable<Integer> {

    private final InputStream in;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private GraphiteOptions graphite;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "2004",
            paramLabel = "<port>",
            description = "Carbon's pickle port. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(
            names = "--batch",
            defaultValue = "500",
            paramLabel = "<n>",
            description = "The most metrics in one pickle frame (carbon refuses frames over 1 MiB). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int batch;

    @Mixin
    private SemonitorFile file;

    Pickle2GraphiteCommand(InputStream in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (batch < 1 || batch > 10_000) {
            throw DecodeFiles.usage(spec, "--batch", String.valueOf(batch), "accepted: 1 to 10000");
        }
        SemonitorInput lines = file.input(in, err, spec);
        int errors = graphite.send(port, lines, spec, this::frames);
        return errors == 0 ? 0 : 1;
    }

    private byte[] frames(List<GraphiteMetric> metrics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < metrics.size(); from += batch) {
            out.writeBytes(CarbonPickle.frame(metrics.subList(from, Math.min(metrics.size(), from + batch))));
        }
        return out.toByteArray();
    }
}
