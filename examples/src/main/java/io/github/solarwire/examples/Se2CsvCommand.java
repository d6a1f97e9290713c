package io.github.solarwire.examples;

import io.github.solarwire.examples.SemonitorDevices.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code solar se2csv}: a drop-in for semonitor's {@code se2csv.py}. It writes one CSV file per
 * device kind ({@code <prefix>.inverters.csv}, {@code <prefix>.optimizers.csv}, {@code
 * <prefix>.meters_0x0022.csv}, …), byte for byte as the peer does: the columns are {@code
 * __Identifier__} and the sorted attributes of the first record of that kind.
 *
 * <p>Unlike the peer, {@code -d} sets the delimiter, and a later record with an attribute the
 * header lacks (a three-phase inverter after a single-phase one) does not stop the run: its row is
 * written with the header's columns and the extra attribute is reported once per kind; {@code
 * --all-columns} keeps it instead.
 *
 * <p>Exit codes: 0 done; 1 some lines were bad (each reported and skipped) or a file could not be
 * written; 2 bad usage.
 */
@Command(
        name = "se2csv",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes semonitor's JSON lines to one CSV file per SolarEdge device kind:",
            "  solar se2csv -t -p site < semonitor.json    (site.inverters.csv, site.optimizers.csv, ...)"
        })
final class Se2CsvCommand implements Callable<Integer> {

    private final InputStream in;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-p", "--prefix"},
            required = true,
            paramLabel = "<prefix>",
            description = "Prefix of the CSV file names: <prefix>.<kind>.csv.")
    private String prefix;

    @Option(
            names = {"-t", "--header"},
            description = "Write a header row when a file is opened (again with -a).")
    private boolean header;

    @Option(
            names = {"-a", "--append"},
            description = "Append to existing files instead of replacing them.")
    private boolean append;

    @Option(
            names = {"-d", "--delimiter"},
            defaultValue = ",",
            paramLabel = "<char>",
            description = "Field delimiter: one character, or \\t for a tab. Default: ${DEFAULT-VALUE}.")
    private String delimiter;

    @Option(
            names = "--all-columns",
            description = "Read the whole input first and give each file the union of its records' attributes "
                    + "as columns, so nothing is left out (the files are written at the end).")
    private boolean allColumns;

    @Mixin
    private SemonitorFile file;

    /** An open CSV file: its columns and the extra attributes already reported. */
    private record CsvFile(Writer writer, List<String> columns, Set<String> reported) {}

    Se2CsvCommand(InputStream in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String text = delimiter.equals("\\t") ? "\t" : delimiter;
        if (text.length() != 1 || text.equals("\"") || text.equals("\r") || text.equals("\n")) {
            throw DecodeFiles.usage(
                    spec, "--delimiter", delimiter, "accepted: one character other than \" and a line end, or \\t");
        }
        char separator = text.charAt(0);
        Map<String, CsvFile> files = new LinkedHashMap<>();
        Map<String, List<Device>> held = new LinkedHashMap<>();
        SemonitorInput lines = file.input(in, err, spec);
        try {
            int errors = lines.forEach(spec, line -> {
                List<Device> devices = new ArrayList<>(SemonitorDevices.of(line));
                devices.sort(Comparator.comparing(Device::name));
                for (Device device : devices) {
                    checkKind(device.kind());
                }
                for (Device device : devices) {
                    if (allColumns) {
                        held.computeIfAbsent(device.kind(), kind -> new ArrayList<>())
                                .add(device);
                    } else {
                        CsvFile file = files.computeIfAbsent(
                                device.kind(),
                                kind -> open(kind, device.attributes().keySet(), separator));
                        writeRow(file, device, separator, lines);
                    }
                }
            });
            for (Map.Entry<String, List<Device>> kind : held.entrySet()) {
                Set<String> attributes = new HashSet<>();
                kind.getValue().forEach(d -> attributes.addAll(d.attributes().keySet()));
                CsvFile file = open(kind.getKey(), attributes, separator);
                files.put(kind.getKey(), file);
                for (Device device : kind.getValue()) {
                    writeRow(file, device, separator, lines);
                }
            }
            return errors == 0 ? 0 : 1;
        } finally {
            for (CsvFile file : files.values()) {
                file.writer().close();
            }
        }
    }

    private static void checkKind(String kind) {
        if (kind.isEmpty() || kind.contains("/") || kind.contains("\\") || kind.equals("..")) {
            throw new IllegalArgumentException("device kind '" + kind + "' cannot name a file");
        }
    }

    private CsvFile open(String kind, Set<String> attributes, char separator) {
        Path path = Path.of(prefix + "." + kind + ".csv");
        List<String> columns = new ArrayList<>();
        columns.add("__Identifier__");
        attributes.stream().sorted().forEach(columns::add);
        OpenOption[] options = append
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new OpenOption[] {
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE
                };
        try {
            Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, options);
            if (header) {
                writer.write(CsvText.row(columns, separator));
            }
            return new CsvFile(writer, columns, new HashSet<>());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void writeRow(CsvFile file, Device device, char separator, SemonitorInput lines) {
        List<Object> row = new ArrayList<>(file.columns().size());
        row.add(device.id());
        for (String column : file.columns().subList(1, file.columns().size())) {
            row.add(device.attributes().get(column));
        }
        for (String attribute : device.attributes().keySet()) {
            if (!file.columns().contains(attribute) && file.reported().add(attribute)) {
                lines.report(
                        device.kind() + ": attribute '" + attribute + "' is not in the file's columns and is left out");
            }
        }
        try {
            file.writer().write(CsvText.row(row, separator));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a " + device.kind() + " row failed: " + e.getMessage(), e);
        }
    }
}
