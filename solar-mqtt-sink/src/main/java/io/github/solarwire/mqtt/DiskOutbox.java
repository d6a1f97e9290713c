package io.github.solarwire.mqtt;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox in a directory: messages are appended to segment files (see {@link SegmentFormat}),
 * removals to the ack log (see {@link AckLog}), and only an index of offsets stays in memory; the
 * messages are read back from the files when handed out. A segment is deleted once none of its
 * messages is left; a new one is started when the current one reaches its size, and after every
 * open (recovered segments are only read). Thread-safe through the shared lock; the sync thread of
 * {@link FsyncPolicy#every} touches only the channels' {@code force}.
 */
final class DiskOutbox extends BoundedOutbox<DiskOutbox.Entry> {

    private static final Logger LOG = LoggerFactory.getLogger(DiskOutbox.class);

    /** The ack log is rewritten once it holds this many appended entries and twice what it needs. */
    private static final long REWRITE_AFTER = 4096;

    /**
     * Where a live message is.
     *
     * @param sequence its sequence number
     * @param storedAtMillis when it was appended
     * @param bytes its topic and payload bytes
     * @param segment the segment holding it
     * @param offset the offset of its record
     * @param bodyLength the length of its record's body
     */
    record Entry(long sequence, long storedAtMillis, long bytes, Segment segment, long offset, int bodyLength)
            implements Stored {}

    private final Path directory;
    private final DirectoryLock lock;
    private final FsyncPolicy fsync;
    private final long segmentBytes;
    private final NavigableMap<Long, Segment> segments;
    private final AtomicBoolean segmentDirty = new AtomicBoolean();
    private final AtomicBoolean acksDirty = new AtomicBoolean();
    private final ScheduledExecutorService syncer;
    /** The segment appended to, or null until the next append; volatile for the sync thread. */
    private volatile Segment active;
    /** Volatile for the sync thread. */
    private volatile AckLog acks;

    private DiskOutbox(
            Path directory,
            DirectoryLock lock,
            OutboxSettings settings,
            FsyncPolicy fsync,
            long segmentBytes,
            DiskRecovery.Recovered recovered) {
        super(settings, DropLog.warnings(LOG, directory.toString()), recovered.entries(), recovered.nextSequence());
        this.directory = directory;
        this.lock = lock;
        this.fsync = fsync;
        this.segmentBytes = segmentBytes;
        this.segments = recovered.segments();
        this.syncer = fsync.backgroundMillis() > 0
                ? Executors.newSingleThreadScheduledExecutor(DiskOutbox::syncThread)
                : null;
    }

    /** Locks and recovers a directory; see {@link DiskOutboxBuilder#build()}. */
    static DiskOutbox open(Path directory, OutboxSettings settings, FsyncPolicy fsync, long segmentBytes)
            throws IOException {
        Files.createDirectories(directory);
        DirectoryLock lock = DirectoryLock.acquire(directory);
        DiskRecovery.Recovered recovered = null;
        try {
            recovered = DiskRecovery.run(directory, SegmentFormat.maxBodyBytes(settings.maxBytes()));
            DiskOutbox outbox = new DiskOutbox(directory, lock, settings, fsync, segmentBytes, recovered);
            // A fresh log: what recovery found, and nothing it no longer needs.
            outbox.rewriteAcks();
            if (outbox.syncer != null) {
                long period = fsync.backgroundMillis();
                outbox.syncer.scheduleWithFixedDelay(outbox::syncDirty, period, period, TimeUnit.MILLISECONDS);
            }
            LOG.debug(
                    "outbox {}: opened with {} unacknowledged messages in {} segments",
                    directory,
                    recovered.entries().size(),
                    recovered.segments().size());
            return outbox;
        } catch (IOException | RuntimeException e) {
            if (recovered != null) {
                for (Segment s : recovered.segments().values()) {
                    closeAfter(s, e);
                }
            }
            closeAfter(lock, e);
            throw e;
        }
    }

    @Override
    Entry store(long sequence, String topic, byte[] topicBytes, byte[] payload, boolean retain, long storedAtMillis)
            throws IOException {
        Segment segment = active;
        if (segment == null) {
            segment = Segment.create(directory, sequence);
            if (fsync.syncs()) {
                Fsync.directory(directory);
            }
            segments.put(segment.base(), segment);
            active = segment;
        }
        ByteBuffer record = SegmentFormat.encode(sequence, storedAtMillis, retain, topicBytes, payload);
        long offset;
        try {
            offset = segment.append(record, fsync.syncsEveryWrite());
        } catch (IOException e) {
            // Start afresh in a new file rather than write behind what may be a partial record.
            retire(segment, e);
            throw e;
        }
        segment.added(sequence);
        segmentDirty.set(true);
        Entry entry = new Entry(
                sequence,
                storedAtMillis,
                (long) topicBytes.length + payload.length,
                segment,
                offset,
                record.capacity() - SegmentFormat.RECORD_HEADER_BYTES);
        if (segment.size() >= segmentBytes) {
            retire(segment, null);
        }
        return entry;
    }

    @Override
    Outbox.Message load(Entry e) throws IOException {
        ByteBuffer record = e.segment().read(e.offset(), SegmentFormat.RECORD_HEADER_BYTES + e.bodyLength());
        Outbox.Message m = SegmentFormat.decode(record);
        if (m == null || m.sequence() != e.sequence()) {
            LOG.warn(
                    "outbox segment {}: message {} at offset {} no longer reads back intact; dropping it",
                    e.segment().path(),
                    e.sequence(),
                    e.offset());
            return null;
        }
        return m;
    }

    @Override
    void removed(List<Entry> gone) throws IOException {
        long[] sequences = new long[gone.size()];
        List<Segment> emptied = new ArrayList<>();
        for (int i = 0; i < sequences.length; i++) {
            Entry e = gone.get(i);
            sequences[i] = e.sequence();
            e.segment().removedOne();
            if (e.segment().live() == 0 && e.segment() != active) {
                emptied.add(e.segment());
            }
        }
        if (acks.damaged()) {
            rewriteAcks(); // a failed append may have left a partial entry: start a clean log
        } else {
            acks.append(sequences);
            if (fsync.syncsEveryWrite()) {
                acks.force();
            } else {
                acksDirty.set(true);
            }
        }
        for (Segment s : emptied) {
            delete(s);
        }
        long appended = acks.appended();
        if (appended >= REWRITE_AFTER && appended > 2 * liveSpan()) {
            rewriteAcks();
        }
    }

    @Override
    void closeStorage() throws IOException {
        if (syncer != null) {
            syncer.shutdown(); // no interrupt: an interrupted force would close the channel
        }
        IOException failure = null;
        try {
            Segment segment = active;
            if (segment != null && fsync.syncs()) {
                segment.force();
            }
            active = null;
            rewriteAcks(); // records the highest sequence number, so numbering goes on after a reopen
            for (Segment s : new ArrayList<>(segments.values())) {
                if (s.live() == 0) {
                    delete(s);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            for (Segment s : segments.values()) {
                failure = close(s, failure);
            }
            failure = close(acks, failure);
            failure = close(lock, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops appending to a segment: syncs it, and deletes it when nothing in it is left. */
    private void retire(Segment segment, IOException failure) throws IOException {
        if (active == segment) {
            active = null;
        }
        try {
            if (fsync.syncs()) {
                segment.force();
            }
            if (segment.live() == 0) {
                delete(segment);
            }
        } catch (IOException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Deletes a segment none of whose messages is left, once the log says they are gone. */
    private void delete(Segment segment) throws IOException {
        if (fsync.syncs()) {
            acks.force();
        }
        segments.remove(segment.base());
        segment.delete();
    }

    /**
     * Writes a fresh ack log: a floor below the oldest live message, the highest sequence number,
     * and the removed sequence numbers above the floor that still sit in a segment file.
     */
    private void rewriteAcks() throws IOException {
        long next = nextSequence();
        long oldest = oldestSequence();
        long floor = oldest < 0 ? next - 1 : oldest - 1;
        LongStream removed = segments.values().stream()
                .flatMapToLong(s -> LongStream.rangeClosed(Math.max(s.firstSequence(), floor + 1), s.lastSequence()))
                .filter(s -> !isLive(s));
        AckLog old = acks;
        acks = AckLog.write(directory, floor, next - 1, removed.iterator(), fsync.syncs());
        acksDirty.set(false);
        if (old != null) {
            old.close();
        }
    }

    /** How many sequence numbers the segment files span: what a fresh ack log may need to name. */
    private long liveSpan() {
        long span = 0;
        for (Segment s : segments.values()) {
            if (s.firstSequence() > 0) {
                span += s.lastSequence() - s.firstSequence() + 1;
            }
        }
        return span;
    }

    /** The sync thread's work: force what was written since the last time, outside the lock. */
    private void syncDirty() {
        try {
            Segment segment = active;
            if (segmentDirty.getAndSet(false) && segment != null) {
                segment.forceQuietly();
            }
            AckLog log = acks;
            if (acksDirty.getAndSet(false) && log != null) {
                log.forceQuietly();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("outbox {}: background fsync failed: {}", directory, e.toString());
        }
    }

    private static Thread syncThread(Runnable r) {
        Thread t = new Thread(r, "solarwire-outbox-fsync");
        t.setDaemon(true);
        return t;
    }

    /** Closes, returning the first failure of a series; later ones are added to it as suppressed. */
    private static IOException close(Closeable c, IOException failure) {
        if (c == null) {
            return failure;
        }
        try {
            c.close();
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** Closes after a failure, which stays the one reported. */
    private static void closeAfter(Closeable c, Throwable primary) {
        IOException e = close(c, null);
        if (e != null) {
            primary.addSuppressed(e);
        }
    }
}
