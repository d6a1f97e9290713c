package io.github.solarwire.examples;

import java.io.InputStream;
import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** The input parameter of the SolarEdge conversion apps: semonitor's JSON lines, a file or {@code -}. */
final class SemonitorFile {

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "-",
            paramLabel = "FILE",
            description = "semonitor's JSON lines; - (the default) for standard input.")
    private String file;

    /**
     * The lines to read.
     *
     * @param in standard input
     * @param err where bad lines are reported
     * @param spec the app
     * @return the input
     */
    SemonitorInput input(InputStream in, PrintStream err, CommandSpec spec) {
        return new SemonitorInput(file, in, err, spec.qualifiedName());
    }
}
