package io.github.solarwire.core.sink;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes one JSON object per reading, one per line (<a href="https://jsonlines.org">JSON Lines</a>).
 *
 * <p>Every line has the same keys in the same order:
 *
 * <pre>{@code
 * {"time":"2026-11-29T12:00:00Z","device":"inv-1","kind":"inverter","values":{"pv.power":1234.5},"states":{"status":"ok"}}
 * }</pre>
 *
 * <p>{@code time} is ISO-8601 in UTC; {@code values} holds the reading's metrics in their
 * canonical units in the reading's order; {@code states} its text states. A file is opened for
 * append and created when missing. A line is either written whole into the buffer or not at all,
 * so a retried reading never leaves half a line behind it in the buffer. {@link #flush()} pushes
 * the buffer to the operating system.
 *
 * <p>Thread-safe: calls are serialised on the sink.
 */
public final class JsonLinesSink implements Sink {

    private final String name;
    private final OutputStream out;
    private final boolean closeTarget;
    private final JsonLineWriter line = new JsonLineWriter();
    private boolean closed;

    private JsonLinesSink(String name, OutputStream out, boolean closeTarget) {
        this.name = name;
        this.out = out;
        this.closeTarget = closeTarget;
    }

    /**
     * Appends to a file, creating it (but not its directory) when missing.
     *
     * @param path the file
     * @return the sink
     * @throws IOException when the file cannot be opened for writing; the message names it
     */
    public static JsonLinesSink toFile(Path path) throws IOException {
        OutputStream file;
        try {
            file = Files.newOutputStream(
                    path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open " + path + " for appending JSON lines: " + e, e);
        }
        return new JsonLinesSink("jsonl:" + path, new BufferedOutputStream(file, 1 << 16), true);
    }

    /**
     * Writes to a stream. The sink buffers; {@link #close()} flushes but leaves the stream open.
     *
     * @param out the stream
     * @return the sink
     */
    public static JsonLinesSink toStream(OutputStream out) {
        return new JsonLinesSink("jsonl:stream", new BufferedOutputStream(Objects.requireNonNull(out), 1 << 16), false);
    }

    /**
     * Writes to standard output through its file descriptor, so that a closed pipe is reported
     * as an {@link IOException} rather than swallowed as {@link System#out} would.
     *
     * @return the sink
     */
    public static JsonLinesSink toStdout() {
        return new JsonLinesSink(
                "jsonl:stdout", new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false);
    }

    @Override
    public synchronized void accept(Reading reading) throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
        line.encode(reading);
        line.writeTo(out);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
        out.flush();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.flush();
        } finally {
            if (closeTarget) {
                out.close();
            }
        }
    }
}
