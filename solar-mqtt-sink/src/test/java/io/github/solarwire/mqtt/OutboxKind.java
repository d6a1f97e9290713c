package io.github.solarwire.mqtt;

import java.nio.file.Path;

/** The implementations the shared tests run against. */
enum OutboxKind {
    MEMORY {
        @Override
        OutboxBuilder<?> builder(Path dir) {
            return Outbox.inMemory();
        }
    },
    /** Small segments, so that tests cross segment boundaries; no fsync, to keep tests quick. */
    DISK {
        @Override
        OutboxBuilder<?> builder(Path dir) {
            return Outbox.onDisk(dir.resolve("outbox"))
                    .fsync(FsyncPolicy.never())
                    .segmentBytes(1024);
        }
    };

    abstract OutboxBuilder<?> builder(Path dir);
}
