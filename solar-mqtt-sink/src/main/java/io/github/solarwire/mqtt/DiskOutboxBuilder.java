package io.github.solarwire.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds an outbox kept in a directory, which survives a restart of the process. Obtained from
 * {@link Outbox#onDisk(Path)}; not thread-safe.
 *
 * <p>The directory holds segment files ({@code 00000000000000000001.seg}, named after their first
 * sequence number), an acknowledgement log ({@code acks}) and a lock file ({@code lock}); nothing
 * else should write there. Lowering {@link #maxBytes(long)} below the size of a message already
 * stored makes that message unreadable on the next open (it is logged and skipped).
 */
public final class DiskOutboxBuilder extends OutboxBuilder<DiskOutboxBuilder> {

    /** 4 MiB. */
    static final long DEFAULT_SEGMENT_BYTES = 4L << 20;

    private static final long MIN_SEGMENT_BYTES = 1024;
    private static final long MAX_SEGMENT_BYTES = 1L << 30;

    private final Path directory;
    private FsyncPolicy fsync = FsyncPolicy.DEFAULT;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;

    DiskOutboxBuilder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * When writes are forced to the disk; see {@link FsyncPolicy} for the trade-off. Default
     * {@link FsyncPolicy#DEFAULT} (at most once a second).
     *
     * @param fsync the policy
     * @return this builder
     */
    public DiskOutboxBuilder fsync(FsyncPolicy fsync) {
        this.fsync = Objects.requireNonNull(fsync, "fsync");
        return this;
    }

    /**
     * The size at which a segment file is closed and a new one started. A segment is deleted once
     * all its messages are acknowledged or dropped, so smaller segments give disk space back
     * sooner, at the cost of more files. Default 4 MiB.
     *
     * @param segmentBytes the size in bytes, from 1 KiB to 1 GiB
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public DiskOutboxBuilder segmentBytes(long segmentBytes) {
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("outbox segmentBytes must be from 1 KiB to 1 GiB, was " + segmentBytes);
        }
        this.segmentBytes = segmentBytes;
        return this;
    }

    /**
     * Opens the directory, creating it when missing, and recovers what it holds: exactly the
     * unacknowledged messages, in order, all pending. Damaged files are repaired or skipped with a
     * WARN log, never refused.
     *
     * @return the outbox, to be closed by the caller
     * @throws IOException when the directory cannot be created, read or written, or when another
     *     outbox (in this or another process) holds it
     */
    @Override
    public Outbox build() throws IOException {
        return DiskOutbox.open(directory, settings(), fsync, segmentBytes);
    }

    @Override
    DiskOutboxBuilder self() {
        return this;
    }

    FsyncPolicy fsyncPolicy() {
        return fsync;
    }

    long segmentBytesSetting() {
        return segmentBytes;
    }
}
