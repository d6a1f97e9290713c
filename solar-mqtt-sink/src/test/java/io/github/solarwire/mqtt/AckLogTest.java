package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckLogTest {

    @TempDir
    Path dir;

    @Test
    void aMissingLogSaysNothingIsGone() throws Exception {
        assertEquals(new AckLog.State(0, 0, Set.of()), AckLog.read(dir));
    }

    @Test
    void readsBackWhatWasWrittenAndAppended() throws Exception {
        try (AckLog log = AckLog.write(dir, 10, 40, LongStream.of(12, 15).iterator(), false)) {
            log.append(new long[] {11, 39});
            log.append(new long[] {20});
            assertEquals(3, log.appended());
            assertFalse(log.damaged());
        }
        assertEquals(new AckLog.State(10, 40, Set.of(12L, 15L, 11L, 39L, 20L)), AckLog.read(dir));
        assertEquals(AckLog.HEADER_BYTES + 7L * AckLog.ENTRY_BYTES, Files.size(dir.resolve(AckLog.FILE)));
    }

    @Test
    void aRewriteReplacesTheOldLogWhole() throws Exception {
        try (AckLog log = AckLog.write(dir, 0, 5, LongStream.of(1, 2, 3).iterator(), false)) {
            log.append(new long[] {4});
        }
        AckLog.write(dir, 4, 5, LongStream.empty().iterator(), true).close();
        assertEquals(new AckLog.State(4, 5, Set.of()), AckLog.read(dir));
        assertFalse(Files.exists(dir.resolve(AckLog.TEMPORARY)));
    }

    @Test
    void aDamagedEntryIsSkippedAndTheOnesAfterItAreRead() throws Exception {
        try (AckLog log = AckLog.write(dir, 0, 9, LongStream.of(1, 2, 3).iterator(), false)) {
            log.append(new long[] {4});
        }
        long third = AckLog.HEADER_BYTES + 2L * AckLog.ENTRY_BYTES; // floor, high, then 1
        Corrupt.flip(dir.resolve(AckLog.FILE), third + 8, 0x01);
        assertEquals(new AckLog.State(0, 9, Set.of(2L, 3L, 4L)), AckLog.read(dir));
    }
}
