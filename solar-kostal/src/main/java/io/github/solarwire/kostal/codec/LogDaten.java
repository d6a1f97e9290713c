package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code LogDaten.dat} history download: a header (inverter number, name, {@code akt. Zeit},
 * the inverter's clock in seconds) and tab-separated rows of which the first column, {@code Zeit},
 * is on the same clock. Rows may be shorter than the header (missing fields are absent), and the
 * last one may be cut off.
 *
 * <p>Units as in the file's units line: U V, I <b>mA</b>, P W, E kWh, F Hz; {@link #toReadings}
 * converts mA to A and kWh to Wh.
 *
 * @param inverterNumber the inverter number ({@code Wechselrichter Nr}), or null
 * @param name the inverter name, or null
 * @param currentTime the inverter clock when the file was made ({@code akt. Zeit}), in seconds
 * @param columns the column names, e.g. {@code Zeit}, {@code DC1 U}, …, {@code Ereignis}
 * @param rows the data rows
 */
public record LogDaten(Integer inverterNumber, String name, long currentTime, List<String> columns, List<Row> rows) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,9})?");
    private static final Map<String, Metric> METRICS = Map.ofEntries(
            Map.entry("DC1 U", Metrics.DC_VOLTAGE_PV1),
            Map.entry("DC2 U", Metrics.DC_VOLTAGE_PV2),
            Map.entry("DC3 U", Metrics.DC_VOLTAGE_PV3),
            Map.entry("DC1 I", Metrics.DC_CURRENT_PV1),
            Map.entry("DC2 I", Metrics.DC_CURRENT_PV2),
            Map.entry("DC3 I", Metrics.DC_CURRENT_PV3),
            Map.entry("DC1 P", Metrics.DC_POWER_PV1),
            Map.entry("DC2 P", Metrics.DC_POWER_PV2),
            Map.entry("DC3 P", Metrics.DC_POWER_PV3),
            Map.entry("AC1 U", Metrics.AC_VOLTAGE_L1),
            Map.entry("AC2 U", Metrics.AC_VOLTAGE_L2),
            Map.entry("AC3 U", Metrics.AC_VOLTAGE_L3),
            Map.entry("AC1 I", Metrics.AC_CURRENT_L1),
            Map.entry("AC2 I", Metrics.AC_CURRENT_L2),
            Map.entry("AC3 I", Metrics.AC_CURRENT_L3),
            Map.entry("AC1 P", Metrics.AC_POWER_L1),
            Map.entry("AC2 P", Metrics.AC_POWER_L2),
            Map.entry("AC3 P", Metrics.AC_POWER_L3),
            Map.entry("AC F", Metrics.AC_FREQUENCY),
            Map.entry("total E", Metrics.PV_ENERGY_TOTAL));

    /**
     * Copies the lists.
     *
     * @param inverterNumber see the record description
     * @param name see the record description
     * @param currentTime see the record description
     * @param columns see the record description
     * @param rows see the record description
     */
    public LogDaten {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One data row, in the file's units.
     *
     * @param time the {@code Zeit} column: the inverter clock in seconds
     * @param values the other columns in header order (index 0 is the second column); NaN where
     *     the row has no field
     */
    public record Row(long time, double[] values) {

        /**
         * Copies the values.
         *
         * @param time see the record description
         * @param values see the record description
         */
        public Row {
            values = values.clone();
        }

        /**
         * The values, copied.
         *
         * @return the values
         */
        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.time == time && Arrays.equals(r.values, values);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(time) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Row[time=" + time + ", values=" + Arrays.toString(values) + "]";
        }
    }

    /**
     * Decodes the file.
     *
     * @param file the file's bytes (ISO-8859-1)
     * @return the history
     * @throws ProtocolException when the {@code akt. Zeit} or the column header is missing, or a
     *     field is not a number
     */
    public static LogDaten parse(byte[] file) throws ProtocolException {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        Integer number = null;
        String name = null;
        Long now = null;
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        int offset = 0;
        for (String line : text.split("\r?\n|\r", -1)) {
            int lineOffset = offset;
            offset += line.length() + 1;
            if (columns == null) {
                String[] kv = line.split("\t", 2);
                String key = kv[0].strip();
                String value = kv.length > 1 ? kv[1].strip() : "";
                if (key.startsWith("Wechselrichter Nr")) {
                    number = value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
                } else if (key.startsWith("Name:")) {
                    name = value.isEmpty() ? null : value;
                } else if (key.startsWith("akt. Zeit")) {
                    if (!value.matches("\\d{1,15}")) {
                        throw new ProtocolException(
                                "bad akt. Zeit", lineOffset, "the inverter clock in seconds", value);
                    }
                    now = Long.valueOf(value);
                } else if (key.equals("Zeit") && kv.length > 1) {
                    columns = Arrays.stream(line.split("\t")).map(String::strip).toList();
                    if (columns.stream().distinct().count() != columns.size()) {
                        throw new ProtocolException(
                                "LogDaten header names a column twice", lineOffset, "distinct names", line);
                    }
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length > columns.size()) {
                throw new ProtocolException(
                        "LogDaten row has more fields than the header",
                        lineOffset,
                        "at most " + columns.size(),
                        String.valueOf(fields.length));
            }
            String zeit = fields[0].strip();
            if (!zeit.matches("\\d{1,15}")) {
                throw new ProtocolException("bad Zeit in a LogDaten row", lineOffset, "seconds", zeit);
            }
            double[] values = new double[columns.size() - 1];
            Arrays.fill(values, Double.NaN);
            for (int c = 1; c < fields.length; c++) {
                String f = fields[c].strip();
                if (f.isEmpty()) {
                    continue;
                }
                if (!NUMBER.matcher(f).matches()) {
                    throw new ProtocolException(
                            "LogDaten field " + columns.get(c) + " is not a number", lineOffset, "a number", f);
                }
                values[c - 1] = Double.parseDouble(f);
            }
            rows.add(new Row(Long.parseLong(zeit), values));
        }
        if (columns == null) {
            throw new ProtocolException("not a LogDaten file", -1, "a column header starting with Zeit", "none");
        }
        if (now == null) {
            throw new ProtocolException("LogDaten without akt. Zeit", -1, "an akt. Zeit line", "none");
        }
        return new LogDaten(number, name, now, columns, rows);
    }

    /**
     * The rows as readings. A row's time is {@code now − (akt. Zeit − Zeit)}: the file's clock is
     * relative, so the caller says when the file was read.
     *
     * @param device the inverter
     * @param readAt when the file was downloaded (the moment of {@code akt. Zeit})
     * @return one reading per row, oldest first; mA converted to A and kWh to Wh
     */
    public List<Reading> toReadings(DeviceInfo device, Instant readAt) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(readAt, "readAt");
        List<Reading> readings = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Reading.Builder b = Reading.builder(device, readAt.minusSeconds(currentTime - row.time()));
            for (int c = 1; c < columns.size(); c++) {
                Metric metric = METRICS.get(columns.get(c));
                double v = row.values[c - 1];
                if (metric == null || !Double.isFinite(v)) {
                    continue;
                }
                if (columns.get(c).endsWith(" I")) {
                    v = BigDecimal.valueOf(v).movePointLeft(3).doubleValue();
                } else if (metric == Metrics.PV_ENERGY_TOTAL) {
                    v = BigDecimal.valueOf(v).movePointRight(3).doubleValue();
                }
                b.add(metric, v);
            }
            readings.add(b.build());
        }
        return readings;
    }
}
