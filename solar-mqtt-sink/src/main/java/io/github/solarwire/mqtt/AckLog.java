package io.github.solarwire.mqtt;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@code acks}: which sequence numbers have left the outbox (acknowledged or dropped), so
 * that a restart brings back exactly the others.
 *
 * <pre>
 * acks   := magic "SWAK" (4) | version 1 (int, 4) | entry*
 * entry  := type (byte) | value (long) | crc (int, CRC-32C of type and value)
 * types  := 'F' every sequence up to value is gone | 'H' value is the highest sequence handed out
 *           | 'R' sequence value is gone
 * </pre>
 *
 * <p>Removals are appended as {@code R} entries. When the log has grown well past what it needs to
 * say, it is rewritten to a temporary file, synced and renamed over the old one: a floor (below
 * the oldest live message), the highest sequence number (so numbering continues after every
 * segment is gone) and the removals still inside a segment file. Entries have a fixed size, so a
 * damaged one is skipped and the next one read. A damaged or lost entry can only make messages be
 * sent again (at least once), never lose one. Used under the outbox's lock; {@link
 * #forceQuietly()} may be called from the sync thread.
 */
final class AckLog implements Closeable {

    static final String FILE = "acks";
    static final String TEMPORARY = "acks.tmp";
    static final int MAGIC = 0x5357414B; // "SWAK"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;
    static final int ENTRY_BYTES = 13;
    static final byte FLOOR = 'F';
    static final byte HIGH = 'H';
    static final byte REMOVED = 'R';

    private static final Logger LOG = LoggerFactory.getLogger(DiskOutbox.class);

    /**
     * What a log says.
     *
     * @param floor every sequence number up to this one is gone
     * @param high the highest sequence number known to have been handed out
     * @param removed sequence numbers above the floor that are gone
     */
    record State(long floor, long high, Set<Long> removed) {}

    private final Path path;
    private final FileChannel channel;
    private long size;
    private long appended;
    private boolean damaged;

    private AckLog(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** Reads the log of a directory; a missing or damaged log says less, never throws for bytes. */
    static State read(Path directory) throws IOException {
        Path path = directory.resolve(FILE);
        long floor = 0;
        long high = 0;
        Set<Long> removed = new HashSet<>();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            ByteBuffer h = ByteBuffer.wrap(header);
            if (header.length < HEADER_BYTES || h.getInt(0) != MAGIC || h.getInt(4) != VERSION) {
                LOG.warn(
                        "outbox ack log {}: no valid header; ignoring it, so acknowledged messages may be sent again",
                        path);
                return new State(0, 0, removed);
            }
            long bad = 0;
            long offset = HEADER_BYTES;
            byte[] entry;
            while ((entry = in.readNBytes(ENTRY_BYTES)).length == ENTRY_BYTES) {
                ByteBuffer e = ByteBuffer.wrap(entry);
                byte type = e.get(0);
                long value = e.getLong(1);
                if (e.getInt(9) != crc(type, value) || (type != FLOOR && type != HIGH && type != REMOVED)) {
                    if (bad++ == 0) {
                        LOG.warn(
                                "outbox ack log {}: damaged entry at offset {}; skipping it (its message may be"
                                        + " sent again)",
                                path,
                                offset);
                    }
                } else if (type == FLOOR) {
                    floor = Math.max(floor, value);
                } else if (type == HIGH) {
                    high = Math.max(high, value);
                } else {
                    removed.add(value);
                }
                offset += ENTRY_BYTES;
            }
            if (bad > 1) {
                LOG.warn("outbox ack log {}: {} damaged entries skipped in all", path, bad);
            }
            if (entry.length > 0) {
                LOG.warn(
                        "outbox ack log {}: torn entry at offset {} ({} bytes); ignoring it",
                        path,
                        offset,
                        entry.length);
            }
        } catch (NoSuchFileException e) {
            // a new outbox, or one that never removed anything
        }
        return new State(floor, high, removed);
    }

    /**
     * Writes a fresh log and swaps it in atomically.
     *
     * @param removed the removed sequence numbers above the floor worth remembering
     * @param sync whether to sync the file and the directory
     */
    static AckLog write(Path directory, long floor, long high, PrimitiveIterator.OfLong removed, boolean sync)
            throws IOException {
        Path temporary = directory.resolve(TEMPORARY);
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            buffer.putInt(MAGIC).putInt(VERSION);
            put(buffer, FLOOR, floor);
            put(buffer, HIGH, high);
            while (removed.hasNext()) {
                if (buffer.remaining() < ENTRY_BYTES) {
                    writeFully(out, buffer.flip());
                    buffer.clear();
                }
                put(buffer, REMOVED, removed.nextLong());
            }
            writeFully(out, buffer.flip());
            if (sync) {
                out.force(false);
            }
        }
        Path path = directory.resolve(FILE);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (sync) {
            Fsync.directory(directory);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        return new AckLog(path, channel, channel.size());
    }

    /**
     * Appends removals in one write. When the write fails and cannot be undone, the log is marked
     * {@link #damaged()} and should be rewritten.
     */
    void append(long[] sequences) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(sequences.length * ENTRY_BYTES);
        for (long s : sequences) {
            put(buffer, REMOVED, s);
        }
        buffer.flip();
        long position = size;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException suppressed) {
                damaged = true; // a partial entry would shift every later one
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size = position;
        appended += sequences.length;
    }

    /** Entries appended since the log was written. */
    long appended() {
        return appended;
    }

    /** Whether a failed append may have left a partial entry behind. */
    boolean damaged() {
        return damaged;
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Forces from the sync thread: a log closed meanwhile was synced by its replacer or closer. */
    void forceQuietly() throws IOException {
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // replaced or closed meanwhile
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static void put(ByteBuffer buffer, byte type, long value) {
        buffer.put(type).putLong(value).putInt(crc(type, value));
    }

    private static int crc(byte type, long value) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(9).put(type).putLong(value).flip());
        return (int) crc.getValue();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
