package io.github.solarwire.mqtt;

import static io.github.solarwire.mqtt.Messages.appendNumbered;
import static io.github.solarwire.mqtt.Messages.assertNumbered;
import static io.github.solarwire.mqtt.Messages.range;
import static io.github.solarwire.mqtt.Messages.seqs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a directory that a crash, a bad disk or a stranger left behind. */
class DiskRecoveryTest {

    @TempDir
    Path dir;

    private static DiskOutboxBuilder at(Path d) {
        return Outbox.onDisk(d).fsync(FsyncPolicy.never());
    }

    /** A closed outbox holding messages 1..count in one segment, all unacknowledged. */
    private Path written(int count) throws Exception {
        Path src = dir.resolve("src");
        try (Outbox o = at(src).build()) {
            appendNumbered(o, 1, count);
        }
        return src;
    }

    private static List<Long> recovered(Path d) throws Exception {
        try (Outbox o = at(d).build()) {
            List<Outbox.Message> back = o.next(1000);
            back.forEach(m -> assertNumbered((int) m.sequence(), m));
            return seqs(back);
        }
    }

    @Test
    void aTornTailIsTruncatedAtEveryCutAndEverythingBeforeItComesBack() throws Exception {
        Path src = dir.resolve("src");
        try (Outbox o = at(src).build()) {
            appendNumbered(o, 1, 6);
            o.acknowledge(2);
        }
        Path segment = SegmentFiles.only(src);
        SegmentScanner.Found last = Corrupt.records(segment).get(5);
        long end = Files.size(segment);
        assertEquals(last.end(), end);
        TreeSet<Long> cuts = new TreeSet<>(List.of(last.offset(), last.offset() + 1, end - 1));
        Random random = new Random(20261129);
        while (cuts.size() < 25) {
            cuts.add(last.offset() + random.nextInt((int) (end - last.offset())));
        }
        for (long cut : cuts) {
            Path d = Corrupt.copy(src, dir.resolve("cut-" + cut));
            Path copy = d.resolve(segment.getFileName());
            Corrupt.truncate(copy, cut);
            try (Outbox o = at(d).build()) {
                assertEquals(List.of(1L, 3L, 4L, 5L), seqs(o.next(10)), "cut at " + cut);
                assertEquals(last.offset(), Files.size(copy), "the torn record is cut away");
                assertEquals(7, o.append("t", new byte[1], false), "numbers are never reused");
            }
        }
    }

    @Test
    void aFlippedByteAnywhereInAMiddleRecordLosesThatRecordOnly() throws Exception {
        Path src = written(5);
        Path segment = SegmentFiles.only(src);
        SegmentScanner.Found third = Corrupt.records(segment).get(2);
        for (long at = third.offset(); at < third.end(); at++) {
            Path d = Corrupt.copy(src, dir.resolve("flip-" + at));
            Corrupt.flip(d.resolve(segment.getFileName()), at, 0x5A);
            assertEquals(List.of(1L, 2L, 4L, 5L), recovered(d), "byte flipped at offset " + at);
        }
    }

    @Test
    void aFlippedByteInTheLastRecordTruncatesIt() throws Exception {
        Path src = written(4);
        Path segment = SegmentFiles.only(src);
        SegmentScanner.Found last = Corrupt.records(segment).get(3);
        for (long at :
                List.of(last.offset(), last.offset() + 5, last.offset() + 9, last.offset() + 14, last.end() - 1)) {
            Path d = Corrupt.copy(src, dir.resolve("flip-" + at));
            Corrupt.flip(d.resolve(segment.getFileName()), at, 0x80);
            assertEquals(range(1, 3), recovered(d), "byte flipped at offset " + at);
            assertEquals(last.offset(), Files.size(d.resolve(segment.getFileName())));
        }
    }

    @Test
    void aLargeGarbageFileNamedLikeASegmentIsMovedAsideWithoutAllocatingForIt() throws Exception {
        byte[] garbage = new byte[8 << 20];
        new Random(7).nextBytes(garbage);
        Path d = Files.createDirectories(dir.resolve("garbage"));
        Path file = d.resolve(Segment.fileName(1));
        Files.write(file, garbage);
        long allocated = Allocations.measure(() -> {
            try (Outbox o = at(d).build()) {
                assertEquals(0, o.size());
            }
        });
        assertTrue(allocated < 4 << 20, "allocated " + allocated + " bytes");
        assertFalse(Files.exists(file));
        assertArrayEquals(garbage, Files.readAllBytes(d.resolve(file.getFileName() + ".corrupt")), "kept for a human");
        try (Outbox o = at(d).build()) {
            assertEquals(1, o.append("t", new byte[1], false));
        }
    }

    @Test
    void aHugeLengthInAValidSegmentIsNotAllocatedAndLaterRecordsAreFound() throws Exception {
        Path d = Files.createDirectories(dir.resolve("huge"));
        Path file = d.resolve(Segment.fileName(1));
        long claimed = 60L << 20;
        Corrupt.write(file, 0, SegmentFormat.header());
        ByteBuffer fake = ByteBuffer.allocate(12)
                .putInt(SegmentFormat.MARKER)
                .putInt((int) claimed)
                .putInt(0)
                .flip();
        Corrupt.write(file, SegmentFormat.HEADER_BYTES, fake);
        byte[] topic = "t/1".getBytes(StandardCharsets.UTF_8);
        // A valid record past the claimed length, behind a sparse hole of zeros.
        Corrupt.write(file, 64L << 20, SegmentFormat.encode(1, ManualClock.T0, false, topic, Messages.payload(1)));
        long allocated = Allocations.measure(() -> {
            try (Outbox o = at(d).maxBytes(1 << 20).clock(new ManualClock()).build()) {
                List<Outbox.Message> back = o.next(10);
                assertEquals(List.of(1L), seqs(back));
                assertNumbered(1, back.get(0));
            }
        });
        assertTrue(allocated < claimed / 4, "allocated " + allocated + " bytes");
    }

    @Test
    void aSegmentCutInsideItsHeaderIsDeleted() throws Exception {
        Path d = Files.createDirectories(dir.resolve("torn"));
        Path file = d.resolve(Segment.fileName(1));
        Files.write(file, new byte[] {'S', 'W', 'O'});
        try (Outbox o = at(d).build()) {
            assertEquals(0, o.size());
            assertFalse(Files.exists(file));
            assertEquals(1, o.append("t", new byte[1], false));
        }
    }

    @Test
    void aSegmentOfAnUnknownVersionIsMovedAsideNotMisread() throws Exception {
        Path src = written(3);
        Path segment = SegmentFiles.only(src);
        Corrupt.write(segment, 4, ByteBuffer.allocate(4).putInt(2).flip());
        try (Outbox o = at(src).build()) {
            assertEquals(0, o.size());
            assertTrue(Files.exists(segment.resolveSibling(segment.getFileName() + ".corrupt")));
            assertEquals(4, o.append("t", new byte[1], false), "the ack log still knows the numbers used");
        }
    }

    @Test
    void aCopyOfASegmentUnderALaterNameBringsNothingBackTwice() throws Exception {
        Path src = written(3);
        Path segment = SegmentFiles.only(src);
        Files.copy(segment, src.resolve(Segment.fileName(2)));
        assertEquals(range(1, 3), recovered(src));
        assertEquals(List.of(segment), SegmentFiles.of(src), "the copy held nothing new and was deleted");
    }

    @Test
    void aDamagedAckLogEntryBringsBackOnlyItsMessage() throws Exception {
        Path src = dir.resolve("src");
        try (Outbox o = at(src).build()) {
            appendNumbered(o, 1, 6);
            o.acknowledge(2);
            o.acknowledge(4);
            o.acknowledge(5);
        }
        // The log closes as: header, floor 0, high 6, removed 2, 4, 5.
        Path acks = src.resolve(AckLog.FILE);
        assertEquals(AckLog.HEADER_BYTES + 5L * AckLog.ENTRY_BYTES, Files.size(acks));
        long entry4 = AckLog.HEADER_BYTES + 3L * AckLog.ENTRY_BYTES;
        Path damaged = Corrupt.copy(src, dir.resolve("damaged"));
        Corrupt.flip(damaged.resolve(AckLog.FILE), entry4 + 4, 0x10);
        assertEquals(List.of(1L, 3L, 4L, 6L), recovered(damaged), "at least once: 4 is sent again");
        Path torn = Corrupt.copy(src, dir.resolve("torn"));
        Corrupt.truncate(torn.resolve(AckLog.FILE), Files.size(acks) - 6);
        assertEquals(List.of(1L, 3L, 5L, 6L), recovered(torn), "at least once: 5 is sent again");
    }

    @Test
    void anAckLogWithoutAValidHeaderIsIgnoredAndALeftoverRewriteIsRemoved() throws Exception {
        Path src = dir.resolve("src");
        try (Outbox o = at(src).build()) {
            appendNumbered(o, 1, 3);
            o.acknowledge(2);
        }
        Files.write(src.resolve(AckLog.TEMPORARY), new byte[] {1, 2, 3});
        assertEquals(List.of(1L, 3L), recovered(src));
        assertFalse(Files.exists(src.resolve(AckLog.TEMPORARY)));
        Files.write(src.resolve(AckLog.FILE), "not a log".getBytes(StandardCharsets.UTF_8));
        assertEquals(range(1, 3), recovered(src), "at least once: every stored message comes back");
    }
}
