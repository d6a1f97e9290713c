package io.github.solarwire.mqtt;

import static io.github.solarwire.mqtt.Messages.range;
import static io.github.solarwire.mqtt.Messages.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The byte bound under both overflow policies. Every test message is 10 bytes unless said. */
class OutboxBoundsTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Outbox outbox;

    private Outbox open(OutboxKind kind, long maxBytes, OverflowPolicy policy) throws IOException {
        outbox = kind.builder(dir).maxBytes(maxBytes).policy(policy).build();
        return outbox;
    }

    @AfterEach
    void close() throws IOException {
        if (outbox != null) {
            outbox.close();
        }
    }

    /** Topic "t" and a payload making {@code bytes} in all. */
    private static long append(Outbox o, int bytes) throws Exception {
        return o.append("t", new byte[bytes - 1], false);
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void dropOldestDropsJustEnoughAndCountsEveryDrop(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 100, OverflowPolicy.DROP_OLDEST);
        for (int i = 0; i < 10; i++) {
            append(o, 10);
        }
        assertEquals(100, o.bytes());
        assertEquals(0, o.dropped());
        append(o, 10);
        append(o, 10);
        append(o, 10);
        assertEquals(3, o.dropped());
        assertEquals(100, o.bytes());
        append(o, 35); // 100 + 35 needs 35 bytes: four 10-byte messages
        assertEquals(7, o.dropped());
        assertEquals(95, o.bytes());
        assertEquals(7, o.size());
        assertEquals(range(8, 14), seqs(o.next(20)));
        append(o, 100); // exactly the bound: everything else goes
        assertEquals(14, o.dropped());
        assertEquals(List.of(15L), seqs(o.next(20)));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void aMessageDroppedInFlightStaysDroppedAndItsAckIsIgnored(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 30, OverflowPolicy.DROP_OLDEST);
        append(o, 10);
        append(o, 10);
        append(o, 10);
        assertEquals(List.of(1L, 2L, 3L), seqs(o.next(3)));
        append(o, 10);
        assertEquals(1, o.dropped());
        o.rewind();
        assertEquals(List.of(2L, 3L, 4L), seqs(o.next(10)));
        o.acknowledge(1);
        assertEquals(3, o.size());
        assertEquals(30, o.bytes());
        assertEquals(1, o.dropped());
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    void aMessageThatCanNeverFitIsRefused(OverflowPolicy policy) throws Exception {
        for (OutboxKind kind : OutboxKind.values()) {
            try (Outbox o = kind.builder(dir.resolve(policy.name()))
                    .maxBytes(50)
                    .policy(policy)
                    .build()) {
                append(o, 20);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> append(o, 51));
                assertTrue(e.getMessage().contains("51 bytes") && e.getMessage().contains("50"), e.getMessage());
                assertEquals(1, o.size(), "nothing dropped for a refused message");
                assertEquals(0, o.dropped());
                assertEquals(2, append(o, 30));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void blockWaitsUntilAnAcknowledgementMakesRoom(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 20, OverflowPolicy.BLOCK);
        append(o, 10);
        append(o, 10);
        assertEquals(List.of(1L, 2L), seqs(o.next(2)));
        assertTimeoutPreemptively(LIMIT, () -> {
            Blocked<Long> third = new Blocked<>("appender", () -> append(o, 10)).awaitParked();
            assertFalse(third.result().isDone());
            assertEquals(2, o.size());
            o.acknowledge(2);
            assertEquals(3L, third.result().get());
        });
        assertEquals(0, o.dropped());
        o.rewind();
        assertEquals(List.of(1L, 3L), seqs(o.next(10)));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void blockWaitsForEnoughRoomNotJustSome(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 30, OverflowPolicy.BLOCK);
        append(o, 10);
        append(o, 10);
        append(o, 10);
        assertTimeoutPreemptively(LIMIT, () -> {
            Blocked<Long> big = new Blocked<>("appender", () -> append(o, 20)).awaitParked();
            o.acknowledge(1);
            // 10 bytes free, 20 needed: it must park again, and only the second ack lets it in.
            big.awaitParked();
            assertFalse(big.result().isDone());
            assertEquals(2, o.size());
            o.acknowledge(3);
            assertEquals(4L, big.result().get());
        });
        assertEquals(30, o.bytes());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void aBlockedAppendCanBeInterruptedAndStoresNothing(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 10, OverflowPolicy.BLOCK);
        append(o, 10);
        assertTimeoutPreemptively(LIMIT, () -> {
            Blocked<Long> blocked = new Blocked<>("appender", () -> append(o, 10)).awaitParked();
            blocked.interrupt();
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> blocked.result().get());
            assertInstanceOf(InterruptedException.class, e.getCause());
        });
        assertEquals(1, o.size());
        o.acknowledge(1);
        assertEquals(2, append(o, 10), "the interrupted append used no sequence number");
        assertEquals(List.of(2L), seqs(o.next(10)));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void closeWakesABlockedAppendWithAnIOException(OutboxKind kind) throws Exception {
        Outbox o = open(kind, 10, OverflowPolicy.BLOCK);
        append(o, 10);
        assertTimeoutPreemptively(LIMIT, () -> {
            Blocked<Long> blocked = new Blocked<>("appender", () -> append(o, 10)).awaitParked();
            o.close();
            ExecutionException e = assertThrows(
                    ExecutionException.class, () -> blocked.result().get());
            assertInstanceOf(IOException.class, e.getCause());
        });
    }
}
