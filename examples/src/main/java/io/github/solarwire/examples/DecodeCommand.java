package io.github.solarwire.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code solar decode <protocol>}: raw bytes in, decoded JSON out; a debugging tool. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decodes one reply, page or file of a device protocol and prints it as JSON.",
        subcommands = {
            Pi30DecodeCommand.class,
            KostalDecodeCommand.class,
            PvsDecodeCommand.class,
            SolarEdgeDecodeCommand.class,
            TedapiDecodeCommand.class
        })
final class DecodeCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "no protocol given; accepted: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
