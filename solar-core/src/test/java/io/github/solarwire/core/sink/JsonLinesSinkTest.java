package io.github.solarwire.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {

    private static final DeviceInfo INV =
            DeviceInfo.builder("inv-1", "inverter").build();
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    private static Reading known() {
        return Reading.builder(INV, T)
                .add(Metrics.PV_POWER, 1234.5)
                .state("status", "ok")
                .build();
    }

    private static Reading numbered(int n) {
        return Reading.builder(INV, T.plusSeconds(n)).add(Metrics.PV_POWER, n).build();
    }

    private static String write(Reading... readings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesSink sink = JsonLinesSink.toStream(bytes)) {
            for (Reading r : readings) {
                sink.accept(r);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheExactLineForAKnownReading() throws IOException {
        assertEquals(
                "{\"time\":\"2026-11-29T12:00:00Z\",\"device\":\"inv-1\",\"kind\":\"inverter\","
                        + "\"values\":{\"pv.power\":1234.5},\"states\":{\"status\":\"ok\"}}\n",
                write(known()));
    }

    @Test
    void emptyReadingStillHasEveryKey() throws IOException {
        assertEquals(
                "{\"time\":\"2026-11-29T12:00:00Z\",\"device\":\"inv-1\",\"kind\":\"inverter\","
                        + "\"values\":{},\"states\":{}}\n",
                write(Reading.builder(INV, T).build()));
    }

    @Test
    void valuesKeepTheReadingsOrder() throws IOException {
        Reading r = Reading.builder(INV, T)
                .add(Metrics.LOAD_POWER, 800)
                .add(Metrics.PV_POWER, -0.5)
                .add(Metrics.BATTERY_SOC, 55.25)
                .build();
        String line = write(r);
        assertTrue(line.contains("\"values\":{\"load.power\":800.0,\"pv.power\":-0.5,\"battery.soc\":55.25}"), line);
    }

    @Test
    void writesOneObjectPerLine() throws IOException {
        String text = write(numbered(1), numbered(2), numbered(3));
        assertTrue(text.endsWith("\n"));
        String[] lines = text.split("\n", -1);
        assertEquals(4, lines.length, text);
        assertEquals("", lines[3]);
        for (int i = 0; i < 3; i++) {
            assertTrue(lines[i].startsWith("{\"time\":") && lines[i].endsWith("}}"), lines[i]);
            assertEquals(List.of("pv.power=" + (i + 1) + ".0"), values(parse(lines[i])));
        }
    }

    @Test
    void appendsToAnExistingFile() throws IOException {
        Path file = dir.resolve("solar.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            sink.accept(numbered(1));
        }
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            sink.accept(numbered(2));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("2026-11-29T12:00:01Z", parse(lines.get(0)).get("time"));
        assertEquals("2026-11-29T12:00:02Z", parse(lines.get(1)).get("time"));
    }

    @Test
    void appendsAfterForeignContent() throws IOException {
        Path file = dir.resolve("solar.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            sink.accept(numbered(1));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("{\"earlier\":true}", lines.get(0));
        assertEquals(2, lines.size());
    }

    @Test
    void fileSinkIsNamedAfterItsPath() throws IOException {
        Path file = dir.resolve("solar.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            assertEquals("jsonl:" + file, sink.name());
        }
    }

    @Test
    void flushPushesBufferedLinesToTheFile() throws IOException {
        Path file = dir.resolve("solar.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            sink.accept(numbered(1));
            sink.flush();
            assertEquals(1, Files.readAllLines(file, StandardCharsets.UTF_8).size());
        }
    }

    @Test
    void closingAStreamSinkLeavesTheCallersStreamOpen() throws IOException {
        TrackingStream target = new TrackingStream();
        JsonLinesSink sink = JsonLinesSink.toStream(target);
        sink.accept(known());
        sink.close();
        assertFalse(target.closed, "the caller's stream was closed");
        // close() flushed the line through to the caller's stream.
        assertEquals(write(known()), target.bytes.toString(StandardCharsets.UTF_8));
        target.write('x'); // still usable
    }

    @Test
    void closingAFileSinkClosesTheFile() throws IOException {
        Path file = dir.resolve("solar.jsonl");
        JsonLinesSink sink = JsonLinesSink.toFile(file);
        sink.accept(known());
        sink.close();
        sink.close(); // idempotent
        assertEquals(List.of(write(known()).strip()), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void unwritablePathInUnderARegularFileNamesThePath() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = notADirectory.resolve("solar.jsonl");
        IOException e = assertThrows(IOException.class, () -> JsonLinesSink.toFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aDirectoryAsTheFileNamesThePath() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("solar.jsonl"));
        IOException e = assertThrows(IOException.class, () -> JsonLinesSink.toFile(directory));
        assertTrue(e.getMessage().contains(directory.toString()), e.getMessage());
    }

    @Test
    void aBrokenTargetStreamIsReportedNotSwallowed() throws IOException {
        TrackingStream target = new TrackingStream();
        target.close();
        JsonLinesSink sink = JsonLinesSink.toStream(target);
        IOException e = assertThrows(IOException.class, () -> {
            sink.accept(known());
            sink.flush();
        });
        assertEquals("stream closed", e.getMessage());
    }

    @Test
    void acceptAfterCloseThrows() throws IOException {
        JsonLinesSink sink = JsonLinesSink.toStream(new ByteArrayOutputStream());
        sink.close();
        assertThrows(IOException.class, () -> sink.accept(known()));
        assertThrows(IOException.class, sink::flush);
    }

    @Test
    void awkwardStateTextIsValidJsonAndRoundTrips() throws IOException {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("quote", "say \"hi\"");
        states.put("backslash", "C:\\temp\\x");
        states.put("newline", "line 1\nline 2\r\nline 3");
        states.put("control", "tab\there\u0001\u001f");
        states.put("unicode", "Grüße, 温度 °C, Ω, emoji 😀");
        states.put("json.looking", "},\"values\":{\"x\":1}");
        Reading.Builder b = Reading.builder(INV, T).add(Metrics.PV_POWER, 1);
        states.forEach(b::state);

        byte[] bytes = writeBytes(b.build());
        String text = strictUtf8(bytes);
        assertTrue(text.endsWith("\n"));
        String line = text.substring(0, text.length() - 1);
        assertFalse(line.contains("\n") || line.contains("\r"), "a line break inside the line: " + line);

        Map<String, Object> parsed = parse(line);
        assertEquals(states, parsed.get("states"));
    }

    @Test
    void everyLineIsValidUtf8AndParses() throws IOException {
        Reading r1 = Reading.builder(INV, T)
                .add(Metric.gauge("temperature.inverter", Unit.CELSIUS), 41.5)
                .state("status", "Störung: Übertemperatur")
                .build();
        Reading r2 = Reading.builder(DeviceInfo.builder("bat-1", "battery").build(), T.plusNanos(1_500))
                .add(Metrics.BATTERY_SOC, 99.9)
                .add(Metrics.GRID_POWER, -1.0e7)
                .state("mode", "放电")
                .build();
        String text = strictUtf8(writeBytes(r1, r2));
        String[] lines = text.split("\n");
        assertEquals(2, lines.length);
        Map<String, Object> first = parse(lines[0]);
        assertEquals("inv-1", first.get("device"));
        assertEquals(Map.of("status", "Störung: Übertemperatur"), first.get("states"));
        Map<String, Object> second = parse(lines[1]);
        assertEquals("2026-11-29T12:00:00.000001500Z", second.get("time"));
        assertEquals("battery", second.get("kind"));
        assertEquals(List.of("battery.soc=99.9", "grid.power=-1.0E7"), values(second));
        assertEquals(Map.of("mode", "放电"), second.get("states"));
    }

    @Test
    void isSafeForConcurrentCallers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLinesSink sink = JsonLinesSink.toStream(bytes);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        sink.accept(known());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        sink.close();
        assertEquals(List.of(), errors);
        String expected = write(known());
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("(?<=\n)");
        assertEquals(2_000, lines.length);
        for (String line : lines) {
            assertEquals(expected, line);
        }
    }

    // --- helpers ---

    private static byte[] writeBytes(Reading... readings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesSink sink = JsonLinesSink.toStream(bytes)) {
            for (Reading r : readings) {
                sink.accept(r);
            }
        }
        return bytes.toByteArray();
    }

    /** Decodes strictly: malformed UTF-8 throws rather than turning into U+FFFD. */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** "key=value" for each entry of the line's values object, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> values(Map<String, Object> line) {
        List<String> out = new ArrayList<>();
        ((Map<String, Object>) line.get("values")).forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /**
     * Parses one line strictly with jackson-core: exactly one object, string and number leaves,
     * nothing after it. Objects become insertion-ordered maps, numbers doubles.
     */
    static Map<String, Object> parse(String line) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            Map<String, Object> object = readObject(p);
            assertNull(p.nextToken(), "content after the object in: " + line);
            return object;
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Object v = switch (value) {
                case START_OBJECT -> readObject(p);
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> p.getDoubleValue();
                default -> throw new AssertionError("unexpected " + value + " for " + name);
            };
            assertNull(object.put(name, v), "duplicate key " + name);
        }
        assertEquals(JsonToken.END_OBJECT, p.currentToken());
        return object;
    }

    /** Records writes and close; throws like a real stream once closed. */
    private static final class TrackingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public void write(int b) throws IOException {
            check();
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            bytes.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        @Override
        public void close() {
            closed = true;
        }

        private void check() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
        }
    }
}
