package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class OutboxBuilderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAre64MiB7DaysDropOldestAndASyncASecond() {
        OutboxSettings memory = Outbox.inMemory().settings();
        assertEquals(64L << 20, memory.maxBytes());
        assertEquals(Duration.ofDays(7).toMillis(), memory.maxAgeMillis());
        assertEquals(OverflowPolicy.DROP_OLDEST, memory.policy());
        assertEquals(Clock.systemUTC(), memory.clock());
        DiskOutboxBuilder disk = Outbox.onDisk(dir);
        assertEquals(memory, disk.settings());
        assertEquals(FsyncPolicy.every(Duration.ofSeconds(1)), disk.fsyncPolicy());
        assertEquals(FsyncPolicy.DEFAULT, disk.fsyncPolicy());
        assertEquals(4L << 20, disk.segmentBytesSetting());
    }

    @Test
    void settingsAreTakenAsGiven() {
        Clock clock = new ManualClock();
        OutboxSettings s = Outbox.inMemory()
                .maxBytes(1)
                .maxAge(Duration.ofMillis(1))
                .policy(OverflowPolicy.BLOCK)
                .clock(clock)
                .settings();
        assertEquals(new OutboxSettings(1, 1, OverflowPolicy.BLOCK, clock), s);
        assertEquals(
                Long.MAX_VALUE,
                Outbox.inMemory()
                        .maxAge(ChronoUnit.FOREVER.getDuration())
                        .settings()
                        .maxAgeMillis());
    }

    @Test
    void badParametersAreRefusedWithAMessageNamingThem() {
        refused("maxBytes", () -> Outbox.inMemory().maxBytes(0));
        refused("maxBytes", () -> Outbox.onDisk(dir).maxBytes(-1));
        refused("maxAge", () -> Outbox.inMemory().maxAge(Duration.ZERO));
        refused("maxAge", () -> Outbox.inMemory().maxAge(Duration.ofSeconds(-1)));
        refused("segmentBytes", () -> Outbox.onDisk(dir).segmentBytes(1023));
        refused("segmentBytes", () -> Outbox.onDisk(dir).segmentBytes((1L << 30) + 1));
        refused("fsync interval", () -> FsyncPolicy.every(Duration.ZERO));
        refused("fsync interval", () -> FsyncPolicy.every(Duration.ofHours(2)));
        assertThrows(NullPointerException.class, () -> Outbox.onDisk(null));
        assertThrows(NullPointerException.class, () -> Outbox.inMemory().policy(null));
        assertThrows(NullPointerException.class, () -> Outbox.inMemory().clock(null));
        assertThrows(NullPointerException.class, () -> Outbox.inMemory().maxAge(null));
        assertThrows(NullPointerException.class, () -> Outbox.onDisk(dir).fsync(null));
    }

    @Test
    void aDiskOutboxCreatesItsDirectoryAndRefusesAFileInItsPlace() throws Exception {
        Path nested = dir.resolve("a/b/outbox");
        try (Outbox o = Outbox.onDisk(nested).build()) {
            assertEquals(1, o.append("t", new byte[1], false));
        }
        assertTrue(Files.isDirectory(nested));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThrows(java.io.IOException.class, () -> Outbox.onDisk(file).build());
    }

    @Test
    void fsyncPoliciesSayWhatTheyAre() {
        assertEquals("FsyncPolicy[every write]", FsyncPolicy.everyWrite().toString());
        assertEquals("FsyncPolicy[never]", FsyncPolicy.never().toString());
        assertEquals("FsyncPolicy[every 1000 ms]", FsyncPolicy.DEFAULT.toString());
        assertEquals(FsyncPolicy.never(), FsyncPolicy.never());
        assertEquals(FsyncPolicy.never().hashCode(), FsyncPolicy.never().hashCode());
    }

    private static void refused(String name, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
