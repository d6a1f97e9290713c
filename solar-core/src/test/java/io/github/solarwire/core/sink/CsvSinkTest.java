package io.github.solarwire.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvSinkTest {

    private static final DeviceInfo INV =
            DeviceInfo.builder("inv-1", "inverter").build();
    private static final DeviceInfo INV2 =
            DeviceInfo.builder("inv-2", "inverter").build();
    private static final DeviceInfo BAT = DeviceInfo.builder("bat-1", "battery").build();
    private static final Instant T = Instant.parse("2026-06-21T12:00:00Z");

    @TempDir
    Path dir;

    private static Reading inverter(DeviceInfo device, int second, double pv, double grid, String status) {
        return Reading.builder(device, T.plusSeconds(second))
                .add(Metrics.PV_POWER, pv)
                .add(Metrics.GRID_POWER, grid)
                .state("status", status)
                .build();
    }

    /** The file's records, each split into cells; records may span lines inside quotes. */
    private static List<List<String>> rows(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\r\n"), "file does not end with CRLF: " + text);
        List<List<String>> rows = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                rows.add(CsvSink.parseRow(record.toString()));
                record.setLength(0);
                i++;
            } else {
                record.append(c);
            }
        }
        assertEquals("", record.toString(), "unterminated record");
        return rows;
    }

    @Test
    void writesOneFilePerDeviceKind() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
            sink.accept(Reading.builder(BAT, T).add(Metrics.BATTERY_SOC, 80).build());
            sink.accept(inverter(INV2, 1, 900, -100, "ok"));
            assertEquals(dir.resolve("inverter.csv"), sink.fileFor("inverter"));
            assertEquals(dir.resolve("battery.csv"), sink.fileFor("battery"));
        }
        assertEquals(
                List.of(
                        List.of("time", "device", "pv.power", "grid.power", "status"),
                        List.of("2026-06-21T12:00:00Z", "inv-1", "1000.0", "-200.0", "ok"),
                        List.of("2026-06-21T12:00:01Z", "inv-2", "900.0", "-100.0", "ok")),
                rows(dir.resolve("inverter.csv")));
        assertEquals(
                List.of(List.of("time", "device", "battery.soc"), List.of("2026-06-21T12:00:00Z", "bat-1", "80.0")),
                rows(dir.resolve("battery.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void exactBytesOfASmallFile() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
        }
        assertEquals(
                "time,device,pv.power,grid.power,status\r\n2026-06-21T12:00:00Z,inv-1,1000.0,-200.0,ok\r\n",
                Files.readString(dir.resolve("inverter.csv")));
    }

    @Test
    void createsAMissingDirectory() throws IOException {
        Path nested = dir.resolve("a/b/c");
        try (CsvSink sink = CsvSink.inDirectory(nested)) {
            sink.accept(inverter(INV, 0, 1, 2, "ok"));
            assertEquals("csv:" + nested, sink.name());
        }
        assertTrue(Files.isRegularFile(nested.resolve("inverter.csv")));
    }

    @Test
    void aSecondSinkAppendsUnderTheExistingHeaderOnce() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
        }
        // Same metrics, other order: values must still land under their own columns.
        Reading reordered = Reading.builder(INV, T.plusSeconds(1))
                .state("status", "fault")
                .add(Metrics.GRID_POWER, 300)
                .add(Metrics.PV_POWER, 0)
                .build();
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(reordered);
        }
        assertEquals(
                List.of(
                        List.of("time", "device", "pv.power", "grid.power", "status"),
                        List.of("2026-06-21T12:00:00Z", "inv-1", "1000.0", "-200.0", "ok"),
                        List.of("2026-06-21T12:00:01Z", "inv-1", "0.0", "300.0", "fault")),
                rows(dir.resolve("inverter.csv")));
    }

    @Test
    void aLaterReadingInAnotherOrderUsesTheHeadersColumns() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
            sink.accept(Reading.builder(INV, T.plusSeconds(1))
                    .add(Metrics.GRID_POWER, 5)
                    .add(Metrics.PV_POWER, 6)
                    .build());
        }
        assertEquals(
                List.of("2026-06-21T12:00:01Z", "inv-1", "6.0", "5.0", ""),
                rows(dir.resolve("inverter.csv")).get(2));
    }

    @Test
    void missingValuesLeaveEmptyCells() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
            sink.accept(Reading.builder(INV, T.plusSeconds(1))
                    .add(Metrics.GRID_POWER, 7)
                    .build());
            assertEquals(0, sink.droppedColumns());
        }
        assertEquals(
                "2026-06-21T12:00:01Z,inv-1,,7.0,\r\n",
                Files.readAllLines(dir.resolve("inverter.csv")).get(2) + "\r\n");
    }

    @Test
    void keysNotInTheHeaderAreDroppedAndCounted() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1000, -200, "ok"));
            sink.accept(Reading.builder(INV, T.plusSeconds(1))
                    .add(Metrics.PV_POWER, 1)
                    .add(Metrics.BATTERY_SOC, 50)
                    .add(Metrics.LOAD_POWER, 300)
                    .state("mode", "night")
                    .build());
            assertEquals(3, sink.droppedColumns());
            sink.accept(Reading.builder(INV, T.plusSeconds(2))
                    .add(Metrics.BATTERY_SOC, 51)
                    .build());
            assertEquals(4, sink.droppedColumns());
        }
        List<List<String>> rows = rows(dir.resolve("inverter.csv"));
        assertEquals(4, rows.size());
        assertEquals(List.of("2026-06-21T12:00:01Z", "inv-1", "1.0", "", ""), rows.get(2));
        assertEquals(List.of("2026-06-21T12:00:02Z", "inv-1", "", "", ""), rows.get(3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a,b",
                "say \"hi\"",
                "\"",
                "\"\"",
                "line 1\nline 2",
                "cr\ronly",
                "crlf\r\nboth",
                ",\",\n",
                "",
                " padded ",
                "Grüße 😀"
            })
    void stateTextRoundTripsThroughTheFile(String text) throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1, 2, text));
            sink.accept(inverter(INV, 1, 3, 4, "after"));
        }
        List<List<String>> rows = rows(dir.resolve("inverter.csv"));
        assertEquals(3, rows.size());
        assertEquals(List.of("2026-06-21T12:00:00Z", "inv-1", "1.0", "2.0", text), rows.get(1));
        assertEquals(List.of("2026-06-21T12:00:01Z", "inv-1", "3.0", "4.0", "after"), rows.get(2));
    }

    @Test
    void quotesOnlyWhereRfc4180Requires() {
        StringBuilder row = new StringBuilder();
        CsvSink.appendRow(row, new String[] {"plain", "a,b", "say \"hi\"", "x\ny", null, ""});
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",,\r\n", row.toString());
    }

    @Test
    void appendRowAndParseRowRoundTrip() {
        String[] cells = {"time", "", "a,b", "\"quoted\"", "multi\r\nline", "trailing,", "ü"};
        StringBuilder row = new StringBuilder();
        CsvSink.appendRow(row, cells);
        assertTrue(row.toString().endsWith("\r\n"));
        String record = row.substring(0, row.length() - 2);
        assertEquals(Arrays.asList(cells), CsvSink.parseRow(record));
    }

    @Test
    void parseRowHandlesEmptyCells() {
        assertEquals(List.of(""), CsvSink.parseRow(""));
        assertEquals(List.of("", "", ""), CsvSink.parseRow(",,"));
        assertEquals(List.of("a", "", "b"), CsvSink.parseRow("a,\"\",b"));
    }

    @Test
    void anExistingFileWithAForeignHeaderIsRefused() throws IOException {
        Path file = dir.resolve("inverter.csv");
        Files.writeString(file, "timestamp,id,power\r\n1,2,3\r\n");
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            IOException e = assertThrows(IOException.class, () -> sink.accept(inverter(INV, 0, 1, 2, "ok")));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
        assertEquals("timestamp,id,power\r\n1,2,3\r\n", Files.readString(file), "the foreign file was changed");
    }

    @Test
    void anExistingFileWithOnlyTimeInItsHeaderIsRefused() throws IOException {
        Files.writeString(dir.resolve("inverter.csv"), "time\r\n");
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            assertThrows(IOException.class, () -> sink.accept(inverter(INV, 0, 1, 2, "ok")));
        }
    }

    @Test
    void anEmptyExistingFileGetsAHeader() throws IOException {
        Files.createFile(dir.resolve("inverter.csv"));
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1, 2, "ok"));
        }
        assertEquals(
                List.of("time", "device", "pv.power", "grid.power", "status"),
                rows(dir.resolve("inverter.csv")).get(0));
    }

    @Test
    void directoryUnderARegularFileCannotBeCreated() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = plain.resolve("csv");
        IOException e = assertThrows(IOException.class, () -> CsvSink.inDirectory(target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    }

    @Test
    void aDirectoryWhereTheKindFileShouldBeIsReportedWithItsPath() throws IOException {
        Path blocker = Files.createDirectory(dir.resolve("inverter.csv"));
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            IOException e = assertThrows(IOException.class, () -> sink.accept(inverter(INV, 0, 1, 2, "ok")));
            assertTrue(e.getMessage().contains(blocker.toString()), e.getMessage());
        }
    }

    @Test
    void acceptAfterCloseThrowsAndCloseIsIdempotent() throws IOException {
        CsvSink sink = CsvSink.inDirectory(dir);
        sink.accept(inverter(INV, 0, 1, 2, "ok"));
        sink.close();
        sink.close();
        assertThrows(IOException.class, () -> sink.accept(inverter(INV, 1, 1, 2, "ok")));
        assertEquals(2, rows(dir.resolve("inverter.csv")).size());
    }

    @Test
    void flushMakesRowsVisible() throws IOException {
        try (CsvSink sink = CsvSink.inDirectory(dir)) {
            sink.accept(inverter(INV, 0, 1, 2, "ok"));
            sink.flush();
            assertEquals(2, rows(dir.resolve("inverter.csv")).size());
            assertFalse(Files.readString(dir.resolve("inverter.csv")).isEmpty());
        }
    }
}
