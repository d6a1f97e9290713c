package io.github.solarwire.mqtt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers the records of one segment file after a restart or a crash, whatever its bytes.
 *
 * <p>A record is accepted when its marker, bounded length, CRC and body are all right and its
 * sequence number is above every one before it. After a bad record the scanner looks for the next
 * marker that starts an acceptable record and goes on from there (the bytes in between are
 * logged as skipped); when there is none, the bad record was the tail (a write cut short by a
 * crash, or damage at the end) and the file is truncated there. Nothing is allocated beyond one
 * read window and one record, and a record is never longer than the bound or the bytes left.
 */
final class SegmentScanner {

    private static final Logger LOG = LoggerFactory.getLogger(DiskOutbox.class);
    private static final int WINDOW = 64 * 1024;

    /** What a segment's first bytes say. */
    enum Header {
        /** A header this code writes. */
        VALID,
        /** Shorter than a header: the file was being created at a crash. */
        TORN,
        /** Not a header this code knows: another format or version, or damage. */
        FOREIGN
    }

    /**
     * A record found in a segment.
     *
     * @param sequence its sequence number
     * @param storedAtMillis when it was appended
     * @param bytes its topic and payload bytes
     * @param offset where its record header starts
     * @param bodyLength its body length
     */
    record Found(long sequence, long storedAtMillis, long bytes, long offset, int bodyLength) {
        long end() {
            return offset + SegmentFormat.RECORD_HEADER_BYTES + bodyLength;
        }
    }

    /**
     * The result of a scan.
     *
     * @param records the accepted records, in file order
     * @param size the file size after any truncation
     */
    record Result(List<Found> records, long size) {}

    private SegmentScanner() {}

    static Header header(FileChannel channel) throws IOException {
        if (channel.size() < SegmentFormat.HEADER_BYTES) {
            return Header.TORN;
        }
        ByteBuffer header = read(channel, 0, SegmentFormat.HEADER_BYTES);
        return SegmentFormat.isHeader(header) ? Header.VALID : Header.FOREIGN;
    }

    /**
     * Scans a segment with a valid header, truncating a damaged tail.
     *
     * @param afterSequence records must have a sequence number above this (the last one accepted
     *     in earlier segments)
     */
    static Result scan(Path path, FileChannel channel, int maxBody, long afterSequence) throws IOException {
        long size = channel.size();
        long position = SegmentFormat.HEADER_BYTES;
        long last = afterSequence;
        List<Found> found = new ArrayList<>();
        while (position < size) {
            Found record = recordAt(channel, position, size, maxBody);
            if (record != null && record.sequence() > last) {
                found.add(record);
                last = record.sequence();
                position = record.end();
                continue;
            }
            if (record != null) {
                LOG.warn(
                        "outbox segment {}: record at offset {} has sequence {}, not above {}; skipping it",
                        path,
                        position,
                        record.sequence(),
                        last);
                position = record.end();
                continue;
            }
            long next = resync(channel, position + 1, size, maxBody, last);
            if (next < 0) {
                LOG.warn(
                        "outbox segment {}: torn or corrupt record at offset {}; truncating the last {} bytes",
                        path,
                        position,
                        size - position);
                channel.truncate(position);
                size = position;
                break;
            }
            LOG.warn(
                    "outbox segment {}: corrupt record at offset {}; skipped {} bytes (the messages in them are"
                            + " lost) to the next valid record at offset {}",
                    path,
                    position,
                    next - position,
                    next);
            position = next;
        }
        return new Result(found, size);
    }

    /** The valid record at a position, or null. */
    private static Found recordAt(FileChannel channel, long position, long size, int maxBody) throws IOException {
        if (size - position < SegmentFormat.RECORD_HEADER_BYTES) {
            return null;
        }
        ByteBuffer header = read(channel, position, SegmentFormat.RECORD_HEADER_BYTES);
        int bodyLength = SegmentFormat.bodyLength(header, maxBody);
        // Checked against the bytes left before allocating: a torn or garbage length never allocates.
        if (bodyLength < 0 || bodyLength > size - position - SegmentFormat.RECORD_HEADER_BYTES) {
            return null;
        }
        Outbox.Message m =
                SegmentFormat.decode(read(channel, position, SegmentFormat.RECORD_HEADER_BYTES + bodyLength));
        if (m == null) {
            return null;
        }
        return new Found(
                m.sequence(), m.storedAtMillis(), bodyLength - SegmentFormat.BODY_FIXED_BYTES, position, bodyLength);
    }

    /** The position of the next acceptable record at or after {@code from}, or -1. */
    private static long resync(FileChannel channel, long from, long size, int maxBody, long last) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(WINDOW);
        long base = from;
        while (size - base >= SegmentFormat.RECORD_HEADER_BYTES) {
            window.clear().limit((int) Math.min(WINDOW, size - base));
            while (window.hasRemaining() && channel.read(window, base + window.position()) >= 0) {
                // fill the window
            }
            int filled = window.position();
            for (int i = 0; i + 4 <= filled; i++) {
                if (window.getInt(i) == SegmentFormat.MARKER) {
                    Found record = recordAt(channel, base + i, size, maxBody);
                    if (record != null && record.sequence() > last) {
                        return base + i;
                    }
                }
            }
            // Overlap by three bytes so that a marker across the window's edge is still seen.
            base += Math.max(1, filled - 3);
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at offset " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
