package io.github.solarwire.mqtt;

import static io.github.solarwire.mqtt.Messages.appendNumbered;
import static io.github.solarwire.mqtt.Messages.assertNumbered;
import static io.github.solarwire.mqtt.Messages.range;
import static io.github.solarwire.mqtt.Messages.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What only the on-disk outbox does: survive a reopen, delete segments, lock its directory. */
class DiskOutboxTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    private DiskOutboxBuilder builder() {
        return Outbox.onDisk(dir).fsync(FsyncPolicy.never()).segmentBytes(1024).clock(clock);
    }

    @Test
    void aBatchOfAcknowledgementsIsAppendedToTheLogTogetherAndSurvivesAReopen() throws Exception {
        Path acks = dir.resolve("acks");
        long before;
        try (Outbox o = builder().build()) {
            appendNumbered(o, 1, 10);
            o.next(10);
            before = Files.size(acks);
            o.acknowledge(new long[] {9, 2, 4, 99, 4});
            assertEquals(7, o.size(), "unknown and repeated sequence numbers are ignored");
            assertEquals(before + 3 * AckLog.ENTRY_BYTES, Files.size(acks), "three removals, appended together");
        }
        try (Outbox o = builder().build()) {
            assertEquals(List.of(1L, 3L, 5L, 6L, 7L, 8L, 10L), seqs(o.next(100)));
        }
    }

    @Test
    void reopenBringsBackExactlyTheUnacknowledgedInOrderAndNumberingGoesOn() throws Exception {
        try (Outbox o = builder().build()) {
            appendNumbered(o, 1, 60);
            assertTrue(SegmentFiles.of(dir).size() > 2, "the messages span several segments");
            o.next(40);
            for (long s : List.of(7L, 2L, 39L, 1L, 20L, 3L, 55L)) {
                o.acknowledge(s);
            }
        }
        List<Long> expected = new ArrayList<>(range(1, 60));
        expected.removeAll(List.of(7L, 2L, 39L, 1L, 20L, 3L, 55L));
        try (Outbox o = builder().build()) {
            assertEquals(53, o.size());
            List<Outbox.Message> back = o.next(100);
            assertEquals(expected, seqs(back), "all pending again, in order");
            for (Outbox.Message m : back) {
                assertNumbered((int) m.sequence(), m);
                assertEquals(ManualClock.T0, m.storedAtMillis());
            }
            assertEquals(0, o.dropped());
            assertEquals(61, o.append("t", new byte[1], false));
        }
    }

    @Test
    void numberingGoesOnWhenEverythingWasAcknowledgedAndNoSegmentIsLeft() throws Exception {
        try (Outbox o = builder().build()) {
            appendNumbered(o, 1, 30);
            for (long s = 1; s <= 30; s++) {
                o.acknowledge(s);
            }
        }
        assertEquals(List.of(), SegmentFiles.of(dir));
        try (Outbox o = builder().build()) {
            assertEquals(0, o.size());
            assertEquals(31, o.append("t", new byte[1], false));
        }
        try (Outbox o = builder().build()) {
            assertEquals(List.of(31L), seqs(o.next(5)));
        }
    }

    @Test
    void aSegmentIsDeletedOnceAllItsMessagesAreGone() throws Exception {
        try (Outbox o = builder().build()) {
            for (int i = 0; i < 40; i++) {
                o.append("t", new byte[99], false); // 100 bytes: ten records fill a 1 KiB segment
            }
            List<Path> segments = SegmentFiles.of(dir);
            assertTrue(segments.size() >= 4, segments.toString());
            for (long s = 2; s <= 40; s++) {
                o.acknowledge(s);
            }
            List<Path> left = SegmentFiles.of(dir);
            assertEquals(segments.get(0), left.get(0), "message 1 keeps its segment");
            assertTrue(left.size() <= 2, "the first segment and at most the one appended to: " + left);
            o.acknowledge(1);
            assertFalse(Files.exists(segments.get(0)));
        }
        assertEquals(List.of(), SegmentFiles.of(dir), "close deletes the last, empty segment");
    }

    @Test
    void dropsAreRememberedAcrossAReopen() throws Exception {
        try (Outbox o = builder().maxBytes(50).build()) {
            for (int i = 0; i < 8; i++) {
                o.append("t", new byte[9], false);
            }
            assertEquals(3, o.dropped());
        }
        clock.advance(Duration.ofDays(6));
        try (Outbox o = builder().maxBytes(50).build()) {
            assertEquals(range(4, 8), seqs(o.next(10)));
            assertEquals(0, o.dropped(), "the counter is per open");
        }
        clock.advance(Duration.ofDays(2));
        try (Outbox o = builder().maxBytes(50).build()) {
            assertEquals(List.of(), o.next(10), "the age bound holds across reopens");
            assertEquals(5, o.dropped());
        }
        try (Outbox o = builder().maxBytes(50).build()) {
            assertEquals(0, o.size(), "expired messages stay dropped");
        }
    }

    @Test
    void aSecondOpenOfALockedDirectoryFailsClearly() throws Exception {
        try (Outbox first = builder().build()) {
            first.append("t", new byte[1], false);
            IOException e = assertThrows(IOException.class, () -> builder().build());
            assertTrue(e.getMessage().contains("in use") && e.getMessage().contains(dir.toString()), e.getMessage());
            assertEquals(List.of(1L), seqs(first.next(5)), "the failed open touched nothing");
        }
        try (Outbox again = builder().build()) {
            assertEquals(1, again.size(), "close released the lock");
        }
    }

    @Test
    void aMessageDamagedOnDiskWhileOpenIsDroppedAndCountedWhenHandedOut() throws Exception {
        try (Outbox o = builder().segmentBytes(1 << 20).build()) {
            appendNumbered(o, 1, 3);
            Path segment = SegmentFiles.only(dir);
            // The last byte of the file is the last byte of message 3's payload.
            try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {'X'}), ch.size() - 1);
            }
            assertEquals(List.of(1L, 2L), seqs(o.next(10)));
            assertEquals(1, o.dropped());
            assertEquals(2, o.size());
        }
    }

    static Stream<FsyncPolicy> policies() {
        return Stream.of(
                FsyncPolicy.everyWrite(),
                FsyncPolicy.every(Duration.ofMillis(1)),
                FsyncPolicy.never(),
                FsyncPolicy.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource("policies")
    void everyFsyncPolicyKeepsWhatItWasGiven(FsyncPolicy policy) throws Exception {
        try (Outbox o = builder().fsync(policy).build()) {
            appendNumbered(o, 1, 30);
            o.next(10);
            o.acknowledge(4);
            o.acknowledge(30);
        }
        try (Outbox o = builder().fsync(policy).build()) {
            List<Long> expected = new ArrayList<>(range(1, 29));
            expected.remove(Long.valueOf(4));
            assertEquals(expected, seqs(o.next(100)));
        }
    }

    @Test
    void theAckLogIsRewrittenAsItGrowsAndStillSaysTheSame() throws Exception {
        int n = 10_000;
        List<Long> kept = new ArrayList<>();
        long acks = 0;
        try (Outbox o = builder().segmentBytes(4096).build()) {
            for (int i = 1; i <= n; i++) {
                o.append("t", new byte[1], false);
                if (i == 1 || i % 1000 == 0) {
                    kept.add((long) i); // stuck messages keep their segments, and the log's entries for them
                } else {
                    o.acknowledge(i);
                    acks++;
                }
            }
            long acksFile = Files.size(dir.resolve(AckLog.FILE));
            assertTrue(
                    acksFile < acks * AckLog.ENTRY_BYTES / 2,
                    "ack log of " + acksFile + " bytes for " + acks + " acknowledgements");
        }
        try (Outbox o = builder().build()) {
            assertEquals(kept, seqs(o.next(n)));
        }
    }
}
