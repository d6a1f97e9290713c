package io.github.solarwire.core.sink;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes readings as CSV, one file per device kind ({@code inverter.csv}, {@code battery.csv}, …)
 * in a directory.
 *
 * <p>Columns are {@code time}, {@code device}, then the metric keys and then the state keys of the
 * first reading of that kind. The header is written once, when the file is new; when the file
 * already exists its header is read back and the sink appends under it. A reading's values go
 * under their own columns whatever their order; a missing value leaves its cell empty; a key the
 * header lacks is left out, counted in {@link #droppedColumns()} and logged once per key. Cells are
 * quoted as RFC 4180 says (commas, quotes and line breaks).
 *
 * <p>Thread-safe: calls are serialised on the sink.
 */
public final class CsvSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(CsvSink.class);
    private static final int FLUSH_AT = 1 << 16;

    private final Path directory;
    private final Map<String, KindFile> files = new HashMap<>();
    private final Set<String> warnedColumns = new HashSet<>();
    private long droppedColumns;
    private boolean closed;

    private CsvSink(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes into {@code directory}, creating it when missing.
     *
     * @param directory the directory for the per-kind files
     * @return the sink
     * @throws IOException when the directory cannot be created
     */
    public static CsvSink inDirectory(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("cannot create CSV directory " + directory + ": " + e, e);
        }
        return new CsvSink(directory);
    }

    /**
     * The file readings of a kind are written to.
     *
     * @param kind a device kind
     * @return {@code <directory>/<kind>.csv}
     */
    public Path fileFor(String kind) {
        return directory.resolve(kind + ".csv");
    }

    /**
     * Cells left out so far because their key was not in the file's header.
     *
     * @return the count
     */
    public synchronized long droppedColumns() {
        return droppedColumns;
    }

    @Override
    public synchronized void accept(Reading reading) throws IOException {
        if (closed) {
            throw new IOException(name() + " is closed");
        }
        String kind = reading.device().kind();
        KindFile file = files.get(kind);
        if (file == null) {
            file = KindFile.open(fileFor(kind), reading);
            files.put(kind, file);
        }
        String[] cells = new String[file.columns.size()];
        cells[0] = reading.timestamp().toString();
        cells[1] = reading.deviceId();
        for (int i = 0; i < reading.size(); i++) {
            put(file, cells, reading.metric(i).key(), Double.toString(reading.value(i)));
        }
        for (Map.Entry<String, String> state : reading.states().entrySet()) {
            put(file, cells, state.getKey(), state.getValue());
        }
        if (file.pending.length() >= FLUSH_AT) {
            file.writePending();
        }
        appendRow(file.pending, cells);
    }

    private void put(KindFile file, String[] cells, String key, String text) {
        Integer column = file.columns.get(key);
        if (column == null || column < 2) {
            droppedColumns++;
            if (warnedColumns.add(file.path + "\0" + key)) {
                LOG.warn("{}: '{}' is not a column of its header; leaving it out", file.path, key);
            }
            return;
        }
        cells[column] = text;
    }

    @Override
    public synchronized void flush() throws IOException {
        for (KindFile file : files.values()) {
            file.writePending();
        }
    }

    @Override
    public String name() {
        return "csv:" + directory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (KindFile file : files.values()) {
            try {
                file.writePending();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
            try {
                file.out.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static void appendRow(StringBuilder row, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String cell = cells[i];
            if (cell == null) {
                continue;
            }
            if (needsQuotes(cell)) {
                row.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                row.append(cell);
            }
        }
        row.append("\r\n");
    }

    private static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Splits one CSV record (without its line end), undoing RFC 4180 quoting. */
    static List<String> parseRow(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * One open per-kind file with its column positions. Rows collect in {@code pending} and go to
     * the file in one write, so a failed write never leaves half a row in a buffer.
     */
    private static final class KindFile {
        final Path path;
        final Map<String, Integer> columns;
        final OutputStream out;
        final StringBuilder pending = new StringBuilder(FLUSH_AT + 1024);

        private KindFile(Path path, Map<String, Integer> columns, OutputStream out) {
            this.path = path;
            this.columns = columns;
            this.out = out;
        }

        void writePending() throws IOException {
            if (pending.length() > 0) {
                out.write(pending.toString().getBytes(StandardCharsets.UTF_8));
                pending.setLength(0);
            }
        }

        static KindFile open(Path path, Reading first) throws IOException {
            List<String> existing = existingHeader(path);
            boolean fresh = existing == null;
            List<String> header = fresh ? new ArrayList<>() : existing;
            if (fresh) {
                header.add("time");
                header.add("device");
                first.metrics().forEach(m -> header.add(m.key()));
                header.addAll(first.states().keySet());
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i), i);
            }
            OutputStream out;
            try {
                out = Files.newOutputStream(
                        path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new IOException("cannot open " + path + " for appending CSV: " + e, e);
            }
            KindFile file = new KindFile(path, columns, out);
            if (fresh) {
                appendRow(file.pending, header.toArray(String[]::new));
            }
            return file;
        }

        private static List<String> existingHeader(Path path) throws IOException {
            if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                return null;
            }
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                String line = reader.readLine();
                if (line == null || line.isEmpty()) {
                    return null;
                }
                List<String> header = parseRow(line);
                if (header.size() < 2
                        || !header.get(0).equals("time")
                        || !header.get(1).equals("device")) {
                    throw new IOException(path + " exists but its header does not start with time,device: " + line);
                }
                return header;
            }
        }
    }
}
