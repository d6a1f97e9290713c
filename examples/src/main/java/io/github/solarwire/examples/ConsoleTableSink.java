package io.github.solarwire.examples;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Shows readings on the console. On a terminal it keeps a table with one row per device (sorted by
 * id), redrawn
 * in place at most five times a second; elsewhere (a pipe, a log file, CI) it prints one line per
 * reading. A closed or failing stream is reported as an {@link IOException}.
 */
final class ConsoleTableSink implements Sink {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final long REDRAW_NANOS = 200_000_000L;

    private record Column(String title, Metric metric, double scale, String format) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("PV W", Metrics.PV_POWER, 1, "%8.0f"),
            new Column("load W", Metrics.LOAD_POWER, 1, "%8.0f"),
            new Column("grid W", Metrics.GRID_POWER, 1, "%8.0f"),
            new Column("batt W", Metrics.BATTERY_POWER, 1, "%8.0f"),
            new Column("SOC %", Metrics.BATTERY_SOC, 1, "%8.1f"),
            new Column("PV kWh", Metrics.PV_ENERGY_TOTAL, 0.001, "%10.2f"),
            new Column("AC V", Metrics.AC_VOLTAGE_L1, 1, "%7.1f"),
            new Column("temp °C", Metrics.TEMPERATURE_INVERTER, 1, "%8.1f"));

    private final PrintStream out;
    private final boolean table;
    private final Map<String, Reading> latest = new TreeMap<>();
    private int drawnLines;
    private long lastDraw;
    private boolean dirty;

    ConsoleTableSink(PrintStream out, boolean table) {
        this.out = out;
        this.table = table;
    }

    /** Whether standard output is a terminal (not a pipe or a file). */
    static boolean isTerminal() {
        if (System.console() == null) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    @Override
    public void accept(Reading reading) throws IOException {
        if (table) {
            latest.put(reading.deviceId(), reading);
            dirty = true;
        } else {
            out.println(line(reading));
            check();
        }
    }

    @Override
    public void flush() throws IOException {
        long now = System.nanoTime();
        if (table && dirty && now - lastDraw >= REDRAW_NANOS) {
            draw();
            lastDraw = now;
            dirty = false;
        }
        out.flush();
        check();
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void close() throws IOException {
        if (table && dirty) {
            draw();
        }
        out.flush();
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("console output failed (closed pipe?)");
        }
    }

    static String line(Reading reading) {
        StringBuilder s =
                new StringBuilder(TIME.format(reading.timestamp())).append(' ').append(reading.deviceId());
        for (Column c : COLUMNS) {
            OptionalDouble v = reading.value(c.metric);
            if (v.isPresent()) {
                s.append("  ")
                        .append(c.metric.key())
                        .append('=')
                        .append(String.format(Locale.ROOT, c.format, v.getAsDouble() * c.scale)
                                .strip())
                        .append(
                                c.scale == 1
                                        ? c.metric.unit().symbol()
                                        : "k" + c.metric.unit().symbol());
            }
        }
        reading.states().forEach((k, v) -> s.append("  ").append(k).append('=').append(v));
        return s.toString();
    }

    private void draw() {
        StringBuilder s = new StringBuilder();
        if (drawnLines > 0) {
            s.append("\033[").append(drawnLines).append('F').append("\033[J");
        }
        s.append(String.format(Locale.ROOT, "%-22s %-8s", "device", "time"));
        for (Column c : COLUMNS) {
            s.append(String.format(Locale.ROOT, " %" + width(c) + "s", c.title));
        }
        s.append("  status\n");
        for (Reading r : latest.values()) {
            s.append(String.format(Locale.ROOT, "%-22s %-8s", clip(r.deviceId(), 22), TIME.format(r.timestamp())));
            for (Column c : COLUMNS) {
                OptionalDouble v = r.value(c.metric);
                s.append(' ')
                        .append(
                                v.isPresent()
                                        ? String.format(Locale.ROOT, c.format, v.getAsDouble() * c.scale)
                                        : String.format(Locale.ROOT, "%" + width(c) + "s", "–"));
            }
            s.append("  ").append(String.join(" ", r.states().values())).append('\n');
        }
        out.print(s);
        drawnLines = latest.size() + 1;
    }

    private static int width(Column c) {
        return Integer.parseInt(c.format.substring(1, c.format.indexOf('.')));
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
