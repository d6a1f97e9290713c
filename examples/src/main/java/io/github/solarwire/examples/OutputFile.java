package io.github.solarwire.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The {@code -o FILE} / {@code -a} pair the stream-writing apps share. */
final class OutputFile {

    private OutputFile() {}

    /**
     * Where to write: the file, replaced or appended to, or standard output when there is none.
     *
     * @param file the {@code -o} file, or null
     * @param append whether {@code -a} was given
     * @param standardOutput the stream to use without a file; the caller must not close it
     * @return the stream
     * @throws IOException if the file cannot be opened
     */
    static OutputStream open(Path file, boolean append, OutputStream standardOutput) throws IOException {
        if (file == null) {
            return standardOutput;
        }
        return Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }
}
