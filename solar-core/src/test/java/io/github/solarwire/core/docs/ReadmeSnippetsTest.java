package io.github.solarwire.core.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every README's Java snippet is the compiled code of a tagged region, and the snippets run. */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: (\\w+) \\(([^)]+)\\) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    private static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void everyReadmeSnippetMatchesItsTaggedSource() throws IOException {
        List<Path> readmes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root(), 2)) {
            files.filter(p -> p.getFileName().toString().equals("README.md")).forEach(readmes::add);
        }
        int checked = 0;
        for (Path readme : readmes) {
            Matcher m = SNIPPET.matcher(Files.readString(readme));
            while (m.find()) {
                String source = Files.readString(root().resolve(m.group(2)));
                assertEquals(region(source, m.group(1)), m.group(3), readme + ": snippet " + m.group(1));
                checked++;
            }
        }
        assertTrue(checked >= 2, "found only " + checked + " snippets in " + readmes);
    }

    @Test
    void usageSnippetRecordsIntoBothFiles(@TempDir Path dir) throws Exception {
        ReadmeSnippets.usage(dir, Duration.ofMillis(1500));
        List<String> lines = Files.readAllLines(dir.resolve("solar.jsonl"));
        assertFalse(lines.isEmpty());
        assertTrue(lines.get(0).contains("\"device\":\"roof\""), lines.get(0));
        assertEquals(
                lines.size() + 1,
                Files.readAllLines(dir.resolve("csv/inverter.csv")).size());
    }

    @Test
    void deviceSnippetConvertsKilowattsOnce() {
        Reading reading = new ReadmeSnippets.GridMeter().poll().get(0);
        assertEquals(1234.5, reading.value(Metrics.GRID_POWER).orElseThrow(), 1e-9);
        assertEquals("ok", reading.state("status").orElseThrow());
    }

    /** The lines between the tags, with their common indentation removed. */
    private static String region(String source, String name) {
        int start = source.indexOf("// tag::" + name + "[]");
        int end = source.indexOf("// end::" + name + "[]");
        assertTrue(start >= 0 && end > start, "no region " + name);
        List<String> lines =
                source.substring(source.indexOf('\n', start) + 1, end).lines().toList();
        lines = lines.subList(0, lines.size() - (lines.get(lines.size() - 1).isBlank() ? 1 : 0));
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }
}
