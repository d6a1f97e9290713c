package io.github.solarwire.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Looks at an outbox directory's files. */
final class SegmentFiles {

    private SegmentFiles() {}

    /** The segment files, in name (= sequence) order. */
    static List<Path> of(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".seg"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path only(Path dir) {
        List<Path> all = of(dir);
        if (all.size() != 1) {
            throw new AssertionError("expected one segment in " + dir + ", found " + all);
        }
        return all.get(0);
    }
}
