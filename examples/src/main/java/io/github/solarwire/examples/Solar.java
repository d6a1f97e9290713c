package io.github.solarwire.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code solar} launcher: one fat jar, one subcommand per app.
 *
 * <p>Exit codes: 0 success, 1 the app failed, 2 bad usage (an unknown option or a bad value, told
 * in one line that names the option and what it accepts).
 */
@Command(
        name = "solar",
        mixinStandardHelpOptions = true,
        versionProvider = Solar.Version.class,
        description = "Reads home solar and storage equipment and sends what it reads to files, MQTT and more.",
        subcommands = {
            DemoCommand.class,
            DecodeCommand.class,
            Kostal2MqttCommand.class,
            MppSolarCommand.class,
            Pvs2MqttCommand.class,
            PowerwallCommand.class,
            SemonitorCommand.class,
            Se2StateCommand.class,
            Se2CsvCommand.class,
            Se2GraphiteCommand.class,
            Pickle2GraphiteCommand.class,
            SeextractCommand.class,
            SekeyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Solar implements Runnable {

    /** Exit code for bad usage. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "no app given; accepted: " + String.join(", ", appNames(spec)));
    }

    /**
     * Runs the launcher.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs the launcher against a given environment and streams; what {@link #main} does, for
     * tests and for embedding.
     *
     * @param args the command line
     * @param env the environment variables options may come from
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return commandLine(env, out, err).execute(args);
    }

    /** The configured command line: options from the environment, one-line usage errors. */
    static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Solar(), new Factory(out, err));
        EnvironmentDefaults.install(cli, env);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler(Solar::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }

    /** Prints a one-line error naming the option and what it accepts; returns exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        CommandSpec spec = commandLine.getCommandSpec();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            boolean looksLikeOption = unmatched.getUnmatched().stream().anyMatch(a -> a.startsWith("-"));
            if (looksLikeOption || spec.subcommands().isEmpty()) {
                message = message + "; accepted options: " + optionNames(spec);
            } else {
                message = message + "; accepted: " + String.join(", ", appNames(spec));
            }
        }
        commandLine
                .getErr()
                .println(
                        spec.qualifiedName() + ": " + message.replace('\n', ' ').strip());
        return USAGE;
    }

    private static String optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).sorted().collect(Collectors.joining(", "));
    }

    private static java.util.List<String> appNames(CommandSpec spec) {
        return spec.subcommands().keySet().stream()
                .filter(name -> !name.equals("help"))
                .sorted()
                .toList();
    }

    /** Gives commands the launcher's environment and streams. */
    private record Factory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(out, err));
            }
            if (type == Pi30DecodeCommand.class) {
                return type.cast(new Pi30DecodeCommand(out));
            }
            if (type == KostalDecodeCommand.class) {
                return type.cast(new KostalDecodeCommand(out, System.in));
            }
            if (type == MppSolarCommand.class) {
                return type.cast(new MppSolarCommand(out, err));
            }
            if (type == PvsDecodeCommand.class) {
                return type.cast(new PvsDecodeCommand(out, System.in));
            }
            if (type == SemonitorCommand.class) {
                return type.cast(new SemonitorCommand(out, err, System.in));
            }
            if (type == SeextractCommand.class) {
                return type.cast(new SeextractCommand(out, err));
            }
            if (type == SekeyCommand.class) {
                return type.cast(new SekeyCommand(out, err, System.in));
            }
            if (type == SolarEdgeDecodeCommand.class) {
                return type.cast(new SolarEdgeDecodeCommand(out, System.in));
            }
            if (type == PowerwallCommand.class) {
                return type.cast(new PowerwallCommand(out, err));
            }
            if (type == TedapiDecodeCommand.class) {
                return type.cast(new TedapiDecodeCommand(out, System.in));
            }
            if (type == Pvs2MqttCommand.class) {
                return type.cast(new Pvs2MqttCommand(out, err));
            }
            if (type == Kostal2MqttCommand.class) {
                return type.cast(new Kostal2MqttCommand(out, err));
            }
            if (type == Se2StateCommand.class) {
                return type.cast(new Se2StateCommand(System.in, err));
            }
            if (type == Se2CsvCommand.class) {
                return type.cast(new Se2CsvCommand(System.in, err));
            }
            if (type == Se2GraphiteCommand.class) {
                return type.cast(new Se2GraphiteCommand(System.in, err));
            }
            if (type == Pickle2GraphiteCommand.class) {
                return type.cast(new Pickle2GraphiteCommand(System.in, err));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Solar.class.getPackage().getImplementationVersion();
            return new String[] {"solar " + (version == null ? "(development build)" : version)};
        }
    }
}
