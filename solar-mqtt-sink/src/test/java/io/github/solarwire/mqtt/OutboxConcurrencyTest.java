package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One appender thread and one publisher thread, as in the sink, through a small blocking outbox:
 * every message arrives intact, none is lost, and the bound holds throughout.
 */
class OutboxConcurrencyTest {

    private static final int MESSAGES = 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OutboxKind.class)
    void anAppenderAndAPublisherLoseNothing(OutboxKind kind) throws Exception {
        try (Outbox outbox =
                kind.builder(dir).maxBytes(300).policy(OverflowPolicy.BLOCK).build()) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                Blocked<Void> appender = new Blocked<>("appender", () -> {
                    for (int i = 1; i <= MESSAGES; i++) {
                        outbox.append("t", ByteBuffer.allocate(4).putInt(i).array(), false);
                    }
                    return null;
                });
                BitSet acknowledged = new BitSet();
                Random random = new Random(3);
                while (acknowledged.cardinality() < MESSAGES) {
                    assertTrue(outbox.bytes() <= 300);
                    for (Outbox.Message m : outbox.next(1 + random.nextInt(8))) {
                        assertEquals(
                                m.sequence(), ByteBuffer.wrap(m.payload()).getInt(), "intact and numbered in order");
                        // Like a broker that loses a few PUBACKs: those come back after a rewind.
                        if (random.nextInt(10) > 0) {
                            outbox.acknowledge(m.sequence());
                            acknowledged.set((int) m.sequence());
                        }
                    }
                    if (random.nextInt(20) == 0) {
                        outbox.rewind();
                    }
                    Thread.onSpinWait();
                }
                appender.result().get();
            });
            assertEquals(0, outbox.size());
            assertEquals(0, outbox.dropped());
        }
    }
}
