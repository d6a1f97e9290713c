package io.github.solarwire.mqtt;

import static io.github.solarwire.mqtt.Messages.appendNumbered;
import static io.github.solarwire.mqtt.Messages.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The age bound, with a clock the test moves. */
class OutboxAgeTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private Outbox outbox;

    private Outbox open(OutboxKind kind, OverflowPolicy policy, long maxBytes) throws IOException {
        outbox = kind.builder(dir)
                .maxAge(MAX_AGE)
                .clock(clock)
                .policy(policy)
                .maxBytes(maxBytes)
                .build();
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
    void nextDropsAndCountsWhatIsOlderThanTheBound(OutboxKind kind) throws Exception {
        Outbox o = open(kind, OverflowPolicy.DROP_OLDEST, 1 << 20);
        appendNumbered(o, 1, 3);
        clock.advance(Duration.ofSeconds(30));
        appendNumbered(o, 4, 5);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(o.next(10)), "exactly the bound is not older");
        o.rewind();
        clock.advance(Duration.ofMillis(1));
        assertEquals(5, o.size(), "size() does not look at ages");
        assertEquals(List.of(4L, 5L), seqs(o.next(10)));
        assertEquals(3, o.dropped());
        assertEquals(2, o.size());
        assertEquals(Messages.size(4) + Messages.size(5), o.bytes());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void appendDropsAndCountsWhatIsOlderThanTheBound(OutboxKind kind) throws Exception {
        Outbox o = open(kind, OverflowPolicy.DROP_OLDEST, 1 << 20);
        appendNumbered(o, 1, 4);
        clock.advance(MAX_AGE.plusMillis(1));
        assertEquals(5, o.append("t", new byte[1], false));
        assertEquals(4, o.dropped());
        assertEquals(1, o.size());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void anExpiredMessageInFlightIsNotBroughtBackByRewind(OutboxKind kind) throws Exception {
        Outbox o = open(kind, OverflowPolicy.DROP_OLDEST, 1 << 20);
        appendNumbered(o, 1, 2);
        assertEquals(List.of(1L, 2L), seqs(o.next(10)));
        clock.advance(MAX_AGE.plusSeconds(1));
        appendNumbered(o, 3, 3);
        o.rewind();
        assertEquals(List.of(3L), seqs(o.next(10)));
        o.acknowledge(1);
        assertEquals(2, o.dropped());
        assertEquals(1, o.size());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void aBlockedAppendGoesAheadWhenNextDropsExpiredMessages(OutboxKind kind) throws Exception {
        Outbox o = open(kind, OverflowPolicy.BLOCK, 10);
        o.append("t", new byte[9], false);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Blocked<Long> blocked = new Blocked<>("appender", () -> o.append("t", new byte[9], false)).awaitParked();
            clock.advance(MAX_AGE.plusSeconds(1));
            assertEquals(List.of(), o.next(10), "the only message expired");
            assertEquals(2L, blocked.result().get());
        });
        assertEquals(1, o.dropped());
    }

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void aFullBlockingOutboxMakesRoomFromExpiredMessagesWithoutWaiting(OutboxKind kind) throws Exception {
        Outbox o = open(kind, OverflowPolicy.BLOCK, 10);
        o.append("t", new byte[9], false);
        clock.advance(MAX_AGE.plusSeconds(1));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(2, o.append("t", new byte[9], false)));
        assertEquals(1, o.dropped());
    }
}
