package io.github.solarwire.mqtt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file: records are appended at its end and read back by offset. Counts its live
 * (unacknowledged) messages so the outbox knows when it may be deleted. Written and counted under
 * the outbox's lock; {@link #forceQuietly()} may be called from the sync thread.
 */
final class Segment implements Closeable {

    private static final String SUFFIX = ".seg";

    private final long base;
    private final Path path;
    private final FileChannel channel;
    private long size;
    private int live;
    private long firstSequence = -1;
    private long lastSequence = -1;

    private Segment(long base, Path path, FileChannel channel, long size) {
        this.base = base;
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** The file name of a segment whose first sequence number is {@code base}. */
    static String fileName(long base) {
        return String.format("%020d%s", base, SUFFIX);
    }

    /** The base of a segment file name, or -1 when the name is not one. */
    static long base(String fileName) {
        if (fileName.length() != 20 + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        long base = 0;
        for (int i = 0; i < 20; i++) {
            char c = fileName.charAt(i);
            if (c < '0' || c > '9' || base > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            base = base * 10 + (c - '0');
        }
        return base;
    }

    /** Creates a new, empty segment (header only). */
    static Segment create(Path directory, long base) throws IOException {
        Path path = directory.resolve(fileName(base));
        FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Segment segment = new Segment(base, path, channel, 0);
        try {
            segment.append(SegmentFormat.header(), false);
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return segment;
    }

    /** Wraps a recovered segment file, already scanned and repaired; it is only read from now on. */
    static Segment recovered(long base, Path path, FileChannel channel, long size) {
        return new Segment(base, path, channel, size);
    }

    /** The first sequence number it was created for: its name. */
    long base() {
        return base;
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    int live() {
        return live;
    }

    long firstSequence() {
        return firstSequence;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Counts a message stored here; sequences arrive in increasing order. */
    void added(long sequence) {
        live++;
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        lastSequence = sequence;
    }

    /** Notes a sequence number that is here but already removed, so the range stays known. */
    void seen(long sequence) {
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        lastSequence = sequence;
    }

    void removedOne() {
        live--;
    }

    /**
     * Writes bytes at the end in one go, and syncs them when asked. On failure the file is cut
     * back to where it was (when possible), so that neither a half-written record sits in front of
     * a later one nor a record the caller was told failed comes back after a restart.
     *
     * @return the offset the bytes start at
     */
    long append(ByteBuffer bytes, boolean sync) throws IOException {
        long start = size;
        long position = start;
        try {
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size = position;
        return start;
    }

    /** Reads {@code length} bytes at {@code offset}. */
    ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException(path + ": unexpected end of file at offset " + (offset + buffer.position()));
            }
        }
        return buffer.flip();
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Forces from the sync thread: a segment closed meanwhile was forced or deleted by its closer. */
    void forceQuietly() throws IOException {
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // closed by close() or delete(), which sync or no longer need the data
        }
    }

    /** Closes and deletes the file. */
    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
