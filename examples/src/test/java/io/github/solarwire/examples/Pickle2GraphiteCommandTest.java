package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.testkit.TestVectors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solar pickle2graphite} against a stand-in carbon pickle receiver that unpickles. */
class Pickle2GraphiteCommandTest {

    private static final Path VECTORS = TestVectors.directory("solaredge");

    /** A data point as carbon reads it. */
    private record Point(String path, long timestamp, double value) {}

    /** Splits the stream into length-prefixed frames and unpickles each. */
    private static List<List<Point>> frames(byte[] stream) {
        List<List<Point>> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] pickle = new byte[length];
            in.get(pickle);
            frames.add(unpickle(pickle));
        }
        return frames;
    }

    private static final Object MARK = new Object();

    /** Protocol 0, the opcodes a list of (str, (int, number)) tuples needs: ( l V I F t a . */
    @SuppressWarnings("unchecked")
    private static List<Point> unpickle(byte[] pickle) {
        Deque<Object> stack = new ArrayDeque<>();
        int i = 0;
        while (true) {
            char op = (char) pickle[i++];
            if (op == '.') {
                assertEquals(pickle.length, i, "bytes after STOP");
                break;
            }
            switch (op) {
                case '(' -> stack.push(MARK);
                case 'l', 't' -> {
                    List<Object> items = new ArrayList<>();
                    while (stack.peek() != MARK) {
                        items.add(0, stack.pop());
                    }
                    stack.pop();
                    stack.push(op == 'l' ? items : List.copyOf(items));
                }
                case 'a' -> {
                    Object item = stack.pop();
                    ((List<Object>) stack.peek()).add(item);
                }
                case 'V', 'I', 'F' -> {
                    int end = i;
                    while (pickle[end] != '\n') {
                        end++;
                    }
                    String text = new String(pickle, i, end - i, StandardCharsets.ISO_8859_1);
                    i = end + 1;
                    stack.push(
                            switch (op) {
                                case 'V' -> rawUnicodeEscape(text);
                                case 'I' -> Long.parseLong(text);
                                default -> Double.parseDouble(text);
                            });
                }
                default -> throw new AssertionError("unexpected opcode " + op + " at " + (i - 1));
            }
        }
        assertEquals(1, stack.size());
        List<Point> points = new ArrayList<>();
        for (Object o : (List<Object>) stack.pop()) {
            List<Object> tuple = (List<Object>) o;
            List<Object> datapoint = (List<Object>) tuple.get(1);
            points.add(new Point(
                    (String) tuple.get(0), (Long) datapoint.get(0), ((Number) datapoint.get(1)).doubleValue()));
        }
        return points;
    }

    private static String rawUnicodeEscape(String text) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, Point> byPath(List<List<Point>> frames) {
        Map<String, Point> points = new LinkedHashMap<>();
        frames.forEach(f -> f.forEach(p -> assertEquals(null, points.put(p.path(), p), p.path())));
        return points;
    }

    @Test
    void oneFramePerLineOverOneConnectionThatCarbonCanUnpickle() throws Exception {
        try (CarbonListener carbon = new CarbonListener()) {
            Run run = carbon.run(
                    "pickle2graphite",
                    "-b",
                    "solar.site",
                    "--zone",
                    "UTC",
                    VECTORS.resolve("synthetic_encrypted_7f104920.expected.json")
                            .toString());
            assertEquals(0, run.code(), run.err());
            List<byte[]> connections = carbon.connections();
            assertEquals(1, connections.size());
            List<List<Point>> frames = frames(connections.get(0));
            assertEquals(2, frames.size());
            assertEquals(12 + 7, frames.get(0).size());
            assertEquals(14 * 7, frames.get(1).size());
            Map<String, Point> points = byPath(frames);
            assertEquals(
                    new Point("solar.site.inverters.7F104920.Etot", 1700000000L, 1000000.0),
                    points.get("solar.site.inverters.7F104920.Etot"));
            assertEquals(
                    new Point("solar.site.optimizers.1100000D.Imod", 1700000300L, 0.39375000000000004),
                    points.get("solar.site.optimizers.1100000D.Imod"));
            assertEquals(
                    13.0, points.get("solar.site.optimizers.1100000D.Uptime").value());
        }
    }

    @Test
    void aLargeLineIsSplitIntoBatchesAndOddNamesAreEscaped(@TempDir Path dir) throws Exception {
        StringBuilder line = new StringBuilder("{\"optimizers\": {");
        for (int n = 0; n < 25; n++) {
            line.append(n == 0 ? "" : ", ")
                    .append("\"O")
                    .append(n)
                    .append("\": {\"Date\": \"2023-11-14\", \"Time\": \"22:13:20\", \"V\\u00e9\\\\")
                    .append("\": ")
                    .append(n)
                    .append(".5}");
        }
        Path input = dir.resolve("in.json");
        Files.writeString(input, line.append("}}\nnope\n").toString());
        try (CarbonListener carbon = new CarbonListener()) {
            Run run = carbon.run("pickle2graphite", "--zone", "UTC", "--batch", "10", input.toString());
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("line 2: "), run.err());
            List<List<Point>> frames = frames(carbon.connections().get(0));
            assertEquals(List.of(10, 10, 5), frames.stream().map(List::size).toList());
            Map<String, Point> points = byPath(frames);
            assertEquals(
                    new Point("optimizers.O24.V\u00e9\\", 1700000000L, 24.5), points.get("optimizers.O24.V\u00e9\\"));
        }
    }
}
