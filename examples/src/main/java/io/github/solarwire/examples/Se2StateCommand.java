package io.github.solarwire.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code solar se2state}: a drop-in for semonitor's {@code se2state.py}. It keeps a state file with
 * the last record of every inverter and optimizer and a few statistics, rewritten after each of
 * semonitor's JSON lines in the peer's layout and number format.
 *
 * <p>Unlike the peer it stops at the end of its input (pipe semonitor into it to follow a live
 * system), starts from zeroed statistics when there is neither {@code -i} nor a state file, leaves
 * an inverter without the attribute (a three-phase one has no {@code Vac}) out of that statistic
 * instead of crashing, and replaces the state file atomically so a reader never sees half of it.
 *
 * <p>Exit codes: 0 done; 1 some lines were bad (each reported and skipped) or the state file could
 * not be read or written; 2 bad usage.
 */
@Command(
        name = "se2state",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Keeps a state file of SolarEdge inverters and optimizers from semonitor's JSON lines:",
            "  solar semonitor ... | solar se2state -i 7F104920 -o state.json -"
        })
final class Se2StateCommand implements Callable<Integer> {

    private static final List<String> INVERTER_STATS = List.of("Vac", "Pac", "Eac", "Eday", "Etot", "Temp");

    private final InputStream in;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-i", "--init"},
            split = ",",
            paramLabel = "<inverter>",
            description = "Start from zeroed statistics for these inverter ids (comma-separated), "
                    + "ignoring an existing state file.")
    private List<String> inverters;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "<file>",
            description = "The state file, rewritten after every line.")
    private Path output;

    @Mixin
    private SemonitorFile file;

    Se2StateCommand(InputStream in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() {
        Map<String, Object> state;
        if (inverters != null) {
            state = initial(inverters);
            write(state);
        } else if (Files.exists(output)) {
            state = load();
        } else {
            state = initial(List.of());
        }
        SemonitorInput lines = file.input(in, err, spec);
        int errors = lines.forEach(spec, line -> {
            update(state, line);
            write(state);
        });
        return errors == 0 ? 0 : 1;
    }

    /** The peer's initial state; its per-inverter zeros land inside "stats", as the peer's do. */
    private static Map<String, Object> initial(List<String> inverterIds) {
        Map<String, Object> inverterStats = new LinkedHashMap<>();
        for (String name : INVERTER_STATS) {
            inverterStats.put(name, 0.0);
        }
        for (String id : inverterIds) {
            Map<String, Object> zeros = new LinkedHashMap<>();
            for (String name : INVERTER_STATS) {
                zeros.put(name, 0.0);
            }
            inverterStats.put(id, zeros);
        }
        Map<String, Object> inverterGroup = new LinkedHashMap<>();
        inverterGroup.put("stats", inverterStats);
        Map<String, Object> optimizerStats = new LinkedHashMap<>();
        optimizerStats.put("Temp", 0.0);
        Map<String, Object> optimizerGroup = new LinkedHashMap<>();
        optimizerGroup.put("stats", optimizerStats);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("inverters", inverterGroup);
        state.put("optimizers", optimizerGroup);
        return state;
    }

    private Map<String, Object> load() {
        try {
            Object parsed = PythonJson.parse(Files.readString(output, StandardCharsets.UTF_8));
            Map<String, Object> state = initial(List.of());
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                state.put(String.valueOf(e.getKey()), e.getValue());
            }
            group(state, "inverters");
            group(state, "optimizers");
            return state;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the state file " + output + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void update(Map<String, Object> state, Map<String, Object> line) {
        Map<String, Object> inverterGroup = group(state, "inverters");
        Map<String, Object> optimizerGroup = group(state, "optimizers");
        inverterGroup.putAll(section(line, "inverters"));
        optimizerGroup.putAll(section(line, "optimizers"));
        for (Map.Entry<String, Object> e : optimizerGroup.entrySet()) {
            if (!e.getKey().equals("stats") && e.getValue() instanceof Map<?, ?> optimizer) {
                Object power = multiply(optimizer.get("Vmod"), optimizer.get("Imod"));
                if (power != null) {
                    record(optimizer).put("Pdc", power);
                }
            }
        }
        Map<String, Object> inverterStats = record(inverterGroup.get("stats"));
        inverterStats.put("Vac", average(inverterGroup, "Vac"));
        inverterStats.put("Pac", sum(inverterGroup, "Pac").total());
        inverterStats.put("Eac", sum(inverterGroup, "Eac").total());
        Object eday = sum(inverterGroup, "Eday").total();
        if (greater(eday, inverterStats.get("Eday"))) {
            inverterStats.put("Eday", eday);
        }
        inverterStats.put("Etot", sum(inverterGroup, "Etot").total());
        inverterStats.put("Temp", average(inverterGroup, "Temp"));
        record(optimizerGroup.get("stats")).put("Temp", average(optimizerGroup, "Temp"));
        if (!section(line, "events").isEmpty()) {
            zero(inverterGroup, "Eac", "Pac");
            zero(optimizerGroup, "Vmod", "Vopt", "Imod");
        }
    }

    /** A group of the state ("inverters", "optimizers"), made an object with "stats" if it is not. */
    private static Map<String, Object> group(Map<String, Object> state, String name) {
        if (!(state.get(name) instanceof Map<?, ?>)) {
            state.put(name, new LinkedHashMap<String, Object>());
        }
        Map<String, Object> group = record(state.get(name));
        if (!(group.get("stats") instanceof Map<?, ?>)) {
            group.put("stats", new LinkedHashMap<String, Object>());
        }
        return group;
    }

    private static Map<String, Object> section(Map<String, Object> line, String name) {
        Object value = line.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + name + "' is not an object");
        }
        return record(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Object value) {
        return (Map<String, Object>) value;
    }

    private static void zero(Map<String, Object> group, String... attributes) {
        for (Object device : group.values()) {
            if (device instanceof Map<?, ?>) {
                for (String attribute : attributes) {
                    record(device).put(attribute, 0.0);
                }
            }
        }
    }

    /** A Python sum over the devices (not "stats") that have the attribute as a number. */
    private record Sum(Object total, int count) {}

    private static Sum sum(Map<String, Object> group, String attribute) {
        Object total = BigInteger.ZERO;
        int count = 0;
        for (Map.Entry<String, Object> e : group.entrySet()) {
            if (!e.getKey().equals("stats")
                    && e.getValue() instanceof Map<?, ?> device
                    && device.get(attribute) instanceof Number n) {
                total = add(total, n);
                count++;
            }
        }
        return new Sum(total, count);
    }

    /** The peer's average: a float, or the integer 0 when there is nothing to average. */
    private static Object average(Map<String, Object> group, String attribute) {
        Sum sum = sum(group, attribute);
        if (sum.count() == 0) {
            return BigInteger.ZERO;
        }
        if (sum.total() instanceof BigInteger i) {
            return new java.math.BigDecimal(i)
                    .divide(java.math.BigDecimal.valueOf(sum.count()), java.math.MathContext.DECIMAL128)
                    .doubleValue();
        }
        return ((Double) sum.total()) / sum.count();
    }

    private static Object add(Object a, Number b) {
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.add(y);
        }
        return ((Number) a).doubleValue() + b.doubleValue();
    }

    private static Object multiply(Object a, Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            return null;
        }
        if (x instanceof BigInteger i && y instanceof BigInteger j) {
            return i.multiply(j);
        }
        return x.doubleValue() * y.doubleValue();
    }

    private static boolean greater(Object a, Object b) {
        if (!(b instanceof Number y)) {
            return true;
        }
        if (a instanceof BigInteger x && y instanceof BigInteger z) {
            return x.compareTo(z) > 0;
        }
        return ((Number) a).doubleValue() > y.doubleValue();
    }

    private void write(Map<String, Object> state) {
        Path target = output.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(target.getParent(), ".se2state", ".tmp");
            Files.writeString(temporary, PythonJson.dumps(state), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the state file " + output + " failed: " + e.getMessage(), e);
        }
    }
}
