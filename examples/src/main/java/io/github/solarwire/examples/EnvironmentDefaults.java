package io.github.solarwire.examples;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option of every app come from an environment variable, and names that variable in
 * {@code --help}.
 *
 * <p>The variable is the option's {@link EnvVar} when it has one, else {@code
 * SOLAR_<APP>_<LONG_OPTION>} in upper case with dashes as underscores ({@code --duration} of
 * {@code demo} reads {@code SOLAR_DEMO_DURATION}; a nested app's path is joined the same way, so
 * {@code --hex} of {@code decode pi30} reads {@code SOLAR_DECODE_PI30_HEX}). A value on the
 * command line wins over the environment, which wins over the built-in default.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Installs the provider on {@code root} and every subcommand, and adds the names to help. */
    static void install(CommandLine root, Map<String, String> env) {
        EnvironmentDefaults provider = new EnvironmentDefaults(env);
        root.setDefaultValueProvider(provider);
        describeSubcommands(root);
    }

    private static void describeSubcommands(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            describe(sub.getCommandSpec());
            describeSubcommands(sub);
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        String name = variableFor(arg);
        if (name != null) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return arg.defaultValue();
    }

    /** The environment variable an option reads, or null for positional parameters and help flags. */
    static String variableFor(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        if (option.userObject() instanceof AnnotatedElement element) {
            EnvVar explicit = element.getAnnotation(EnvVar.class);
            if (explicit != null) {
                return explicit.value();
            }
        }
        CommandSpec command = option.command();
        String app = command == null ? "solar" : command.qualifiedName("_");
        return (app + "_" + option.longestName().replaceFirst("^-+", ""))
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
    }

    /** Appends "(env: NAME)" to the description of every option of {@code spec}. */
    private static void describe(CommandSpec spec) {
        List<OptionSpec> originals = new ArrayList<>(spec.options());
        for (OptionSpec option : originals) {
            String name = variableFor(option);
            if (name == null) {
                continue;
            }
            String[] description = option.description();
            String[] extended = description.length == 0 ? new String[] {""} : description.clone();
            extended[extended.length - 1] = extended[extended.length - 1] + " (env: " + name + ")";
            spec.remove(option);
            spec.addOption(OptionSpec.builder(option).description(extended).build());
        }
    }
}
