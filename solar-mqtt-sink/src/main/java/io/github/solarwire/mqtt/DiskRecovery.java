package io.github.solarwire.mqtt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an outbox directory back after a restart or a crash: the ack log, then every segment in
 * name order, keeping the records above the floor that were not removed. Damaged bytes are
 * repaired or skipped with a WARN (see {@link SegmentScanner}); a file that is not a segment of
 * this format is moved aside as {@code *.seg.corrupt}; segments with nothing left are deleted.
 * Throws only for I/O errors, never for the bytes it finds.
 */
final class DiskRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(DiskOutbox.class);

    /**
     * What a directory held.
     *
     * @param segments the segments still holding a live message, by base
     * @param entries the live messages, in sequence order
     * @param nextSequence the sequence number to continue with
     */
    record Recovered(TreeMap<Long, Segment> segments, List<DiskOutbox.Entry> entries, long nextSequence) {}

    private DiskRecovery() {}

    static Recovered run(Path directory, int maxBody) throws IOException {
        Files.deleteIfExists(directory.resolve(AckLog.TEMPORARY)); // a rewrite cut short; the old log stands
        AckLog.State acks = AckLog.read(directory);
        long high = Math.max(acks.floor(), acks.high());
        for (long removed : acks.removed()) {
            high = Math.max(high, removed);
        }
        TreeMap<Long, Segment> segments = new TreeMap<>();
        List<DiskOutbox.Entry> entries = new ArrayList<>();
        long last = 0;
        try {
            for (Map.Entry<Long, Path> file : segmentFiles(directory).entrySet()) {
                Segment segment = recover(file.getKey(), file.getValue(), maxBody, last, acks, entries);
                if (segment == null) {
                    continue;
                }
                if (segment.lastSequence() > 0) {
                    last = segment.lastSequence();
                    high = Math.max(high, last);
                }
                if (segment.live() == 0) {
                    LOG.debug("outbox segment {}: nothing left unacknowledged; deleting it", segment.path());
                    segment.delete();
                } else {
                    segments.put(segment.base(), segment);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Segment s : segments.values()) {
                try {
                    s.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new Recovered(segments, entries, high + 1);
    }

    /** Scans one file; null when it held no segment (it was deleted or moved aside). */
    private static Segment recover(
            long base, Path path, int maxBody, long last, AckLog.State acks, List<DiskOutbox.Entry> entries)
            throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            switch (SegmentScanner.header(channel)) {
                case TORN -> {
                    LOG.warn(
                            "outbox segment {}: shorter than a segment header ({} bytes), left by a crash while it"
                                    + " was created; deleting it",
                            path,
                            channel.size());
                    channel.close();
                    Files.deleteIfExists(path);
                    return null;
                }
                case FOREIGN -> {
                    channel.close();
                    moveAside(path);
                    return null;
                }
                default -> {
                    // a segment: scan it below
                }
            }
            SegmentScanner.Result scan = SegmentScanner.scan(path, channel, maxBody, last);
            Segment segment = Segment.recovered(base, path, channel, scan.size());
            for (SegmentScanner.Found f : scan.records()) {
                if (f.sequence() <= acks.floor() || acks.removed().contains(f.sequence())) {
                    segment.seen(f.sequence());
                } else {
                    segment.added(f.sequence());
                    entries.add(new DiskOutbox.Entry(
                            f.sequence(), f.storedAtMillis(), f.bytes(), segment, f.offset(), f.bodyLength()));
                }
            }
            return segment;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Keeps a file this code cannot read for a human to look at, out of the way of the outbox. */
    private static void moveAside(Path path) {
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt");
        try {
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn(
                    "outbox segment {}: not a segment this version can read (bad magic or version); its messages"
                            + " are lost; moved it aside to {}",
                    path,
                    aside);
        } catch (IOException e) {
            LOG.warn(
                    "outbox segment {}: not a segment this version can read (bad magic or version); ignoring it,"
                            + " and could not move it aside: {}",
                    path,
                    e.toString());
        }
    }

    /** The segment files of a directory by base, ignoring every other file. */
    private static TreeMap<Long, Path> segmentFiles(Path directory) throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path p : stream) {
                long base = Segment.base(p.getFileName().toString());
                if (base >= 0 && Files.isRegularFile(p)) {
                    files.put(base, p);
                }
            }
        }
        return files;
    }
}
