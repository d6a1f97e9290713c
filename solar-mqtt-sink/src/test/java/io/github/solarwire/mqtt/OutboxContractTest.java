package io.github.solarwire.mqtt;

import static io.github.solarwire.mqtt.Messages.appendNumbered;
import static io.github.solarwire.mqtt.Messages.assertNumbered;
import static io.github.solarwire.mqtt.Messages.payload;
import static io.github.solarwire.mqtt.Messages.range;
import static io.github.solarwire.mqtt.Messages.seqs;
import static io.github.solarwire.mqtt.Messages.size;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every outbox does: numbering, order, next / acknowledge / rewind, and close. */
class OutboxContractTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private Outbox outbox;

    private Outbox open(OutboxKind kind) throws IOException {
        outbox = kind.builder(dir).clock(clock).build();
        return outbox;
    }

    @AfterEach
    void close() throws IOException {
        if (outbox != null) {
            outbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void numbersFromOneAndHandsOutInOrderWithEverything(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        for (int n = 1; n <= 30; n++) {
            assertEquals(n, o.append(Messages.topic(n), payload(n), n % 2 == 0));
        }
        List<Outbox.Message> out = o.next(100);
        assertEquals(range(1, 30), seqs(out));
        for (int n = 1; n <= 30; n++) {
            assertNumbered(n, out.get(n - 1));
            assertEquals(ManualClock.T0, out.get(n - 1).storedAtMillis());
        }
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void acknowledgingABatchRemovesEachKnownMessageOnceAndMakesRoom(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 6);
        long bytes = o.bytes();
        o.next(6);
        o.acknowledge(new long[] {5, 1, 5, 42});
        assertEquals(4, o.size());
        assertTrue(o.bytes() < bytes, "the removed messages' bytes are given back");
        o.rewind();
        assertEquals(List.of(2L, 3L, 4L, 6L), seqs(o.next(10)));
        o.acknowledge(new long[0]);
        assertEquals(4, o.size());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void nextHonoursMaxAndNeverHandsOutAMessageInFlightTwice(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 5);
        assertEquals(List.of(1L, 2L), seqs(o.next(2)));
        assertEquals(List.of(3L, 4L), seqs(o.next(2)));
        assertEquals(List.of(5L), seqs(o.next(10)));
        assertEquals(List.of(), o.next(10));
        appendNumbered(o, 6, 6);
        assertEquals(List.of(6L), seqs(o.next(10)));
        assertEquals(6, o.size(), "in flight is still stored");
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void outOfOrderAcknowledgementsRemoveExactlyThoseMessages(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 6);
        o.next(6);
        o.acknowledge(5);
        o.acknowledge(2);
        o.acknowledge(4);
        assertEquals(3, o.size());
        assertEquals(size(1) + size(3) + size(6), o.bytes());
        assertEquals(List.of(), o.next(10), "acks do not make anything pending");
        o.rewind();
        List<Outbox.Message> again = o.next(10);
        assertEquals(List.of(1L, 3L, 6L), seqs(again));
        assertNumbered(3, again.get(1));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void rewindAfterPartialAcksResendsTheRestOldestFirst(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 5);
        assertEquals(List.of(1L, 2L, 3L), seqs(o.next(3)));
        o.acknowledge(1);
        o.rewind();
        assertEquals(List.of(2L, 3L), seqs(o.next(2)));
        o.acknowledge(3);
        o.rewind();
        assertEquals(List.of(2L, 4L, 5L), seqs(o.next(10)));
        o.rewind();
        o.rewind();
        assertEquals(List.of(2L, 4L, 5L), seqs(o.next(10)), "rewinding twice is rewinding once");
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void acknowledgingWhatIsNotStoredIsIgnored(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 3);
        o.next(3);
        o.acknowledge(2);
        o.acknowledge(2);
        o.acknowledge(0);
        o.acknowledge(-7);
        o.acknowledge(99);
        assertEquals(2, o.size());
        assertEquals(size(1) + size(3), o.bytes());
        assertEquals(4, o.append("t/4", payload(4), false), "an ack of a future number changes nothing");
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void acknowledgingAPendingMessageRemovesIt(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 4);
        o.acknowledge(3);
        assertEquals(List.of(1L, 2L, 4L), seqs(o.next(10)));
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void bytesCountUtf8TopicAndPayload(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        o.append("zähler/ü", new byte[10], false); // 8 characters, 10 bytes in UTF-8
        o.append("x", new byte[0], true);
        assertEquals(2, o.size());
        assertEquals(10 + 10 + 1, o.bytes());
        List<Outbox.Message> out = o.next(2);
        assertEquals("zähler/ü", out.get(0).topic());
        assertEquals(0, out.get(1).payload().length);
        o.acknowledge(1);
        assertEquals(1, o.bytes());
        o.acknowledge(2);
        assertEquals(0, o.bytes());
        assertEquals(0, o.size());
        assertEquals(0, o.dropped());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void keepsItsOwnCopyOfThePayload(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        byte[] buffer = "first".getBytes(StandardCharsets.UTF_8);
        o.append("t", buffer, false);
        buffer[0] = 'F';
        assertArrayEquals(
                "first".getBytes(StandardCharsets.UTF_8), o.next(1).get(0).payload());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void refusesBadArguments(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        assertThrows(IllegalArgumentException.class, () -> o.next(0));
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> o.append("", new byte[1], false));
        assertTrue(empty.getMessage().contains("topic"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.append("x".repeat(65_536), new byte[1], false));
        assertThrows(NullPointerException.class, () -> o.append(null, new byte[1], false));
        assertThrows(NullPointerException.class, () -> o.append("t", null, false));
        assertEquals(0, o.size());
        assertEquals(1, o.append("x".repeat(65_535), new byte[0], false), "refusals use no number");
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void afterCloseAppendThrowsAndTheRestIsQuiet(OutboxKind kind) throws Exception {
        Outbox o = open(kind);
        appendNumbered(o, 1, 2);
        o.next(1);
        o.close();
        IOException e = assertThrows(IOException.class, () -> o.append("t", payload(3), false));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(List.of(), o.next(5));
        o.acknowledge(1);
        o.rewind();
        o.close();
    }
}
