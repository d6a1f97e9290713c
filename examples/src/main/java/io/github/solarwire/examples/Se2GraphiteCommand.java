package io.github.solarwire.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code solar se2graphite}: a drop-in for semonitor's {@code se2graphite.py}, which is
 * Python-2-only. Every numeric attribute of every device in semonitor's JSON lines goes to carbon's
 * plaintext receiver as {@code <path> <value> <timestamp>\n}, all over one connection, without the
 * peer's 0.1 s pause per metric. See {@link GraphiteMetric} for which attributes count.
 *
 * <p>Exit codes: 0 done; 1 some lines were bad (each reported and skipped) or carbon could not be
 * reached; 2 bad usage.
 */
@Command(
        name = "se2graphite",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sends semonitor's JSON lines to graphite's plaintext port:",
            "  solar se2graphite -H graphite.local -b solar --zone Europe/Berlin semonitor.json"
        })
final class Se2GraphiteCommand implements Callable<Integer> {

    private final InputStream in;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private GraphiteOptions graphite;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "2003",
            paramLabel = "<port>",
            description = "Carbon's plaintext port. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Mixin
    private SemonitorFile file;

    Se2GraphiteCommand(InputStream in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() {
        SemonitorInput lines = file.input(in, err, spec);
        int errors = graphite.send(port, lines, spec, Se2GraphiteCommand::plaintext);
        return errors == 0 ? 0 : 1;
    }

    /** Carbon's plaintext lines for one JSON line's metrics. */
    static byte[] plaintext(java.util.List<GraphiteMetric> metrics) {
        StringBuilder text = new StringBuilder(metrics.size() * 64);
        for (GraphiteMetric m : metrics) {
            text.append(m.path())
                    .append(' ')
                    .append(m.valueText())
                    .append(' ')
                    .append(m.timestamp())
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
