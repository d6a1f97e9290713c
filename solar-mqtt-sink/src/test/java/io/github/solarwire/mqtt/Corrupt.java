package io.github.solarwire.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Damages outbox files the way crashes and bad disks do, and copies directories to damage. */
final class Corrupt {

    private Corrupt() {}

    /** Copies the files of an outbox directory (not the lock) into a new directory. */
    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) {
                if (!p.getFileName().toString().equals(DirectoryLock.FILE)) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
        return to;
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** XORs one byte with a non-zero mask, so that it surely changes. */
    static void flip(Path file, long offset, int mask) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ (mask == 0 ? 1 : mask)));
            b.rewind();
            ch.write(b, offset);
        }
    }

    static void write(Path file, long offset, ByteBuffer bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (bytes.hasRemaining()) {
                offset += ch.write(bytes, offset);
            }
        }
    }

    /** The records of an intact segment file, as recovery sees them. */
    static List<SegmentScanner.Found> records(Path segment) {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            return SegmentScanner.scan(segment, ch, Integer.MAX_VALUE - 64, 0).records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
