package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of append, next, acknowledge, rewind, clock moves and (on disk) reopen, from
 * fixed seeds, against {@link OutboxModel}: after every step the outbox and the model agree on
 * what is handed out and on size, bytes and drops.
 */
class OutboxModelTest {

    private static final int STEPS = 700;
    private static final long MAX_BYTES = 400;
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        return Stream.of(OutboxKind.values())
                .flatMap(kind -> Stream.of(11L, 22L, 33L, 44L, 55L).map(seed -> Arguments.of(kind, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void agreesWithTheModelAtEveryStep(OutboxKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        ManualClock clock = new ManualClock();
        OutboxModel model = new OutboxModel(MAX_BYTES, MAX_AGE.toMillis());
        List<Long> handedOut = new ArrayList<>();
        Outbox outbox = open(kind, clock);
        try {
            for (int step = 0; step < STEPS; step++) {
                String where = kind + " seed " + seed + " step " + step;
                int op = random.nextInt(100);
                if (op < 35) {
                    byte[] payload = new byte[random.nextInt(60)];
                    random.nextBytes(payload);
                    String topic = "solar/" + random.nextInt(5);
                    boolean retain = random.nextBoolean();
                    assertEquals(
                            model.append(topic, payload, retain, clock.millis()),
                            outbox.append(topic, payload, retain),
                            where);
                } else if (op < 55) {
                    int max = 1 + random.nextInt(5);
                    List<OutboxModel.Msg> expected = model.next(max, clock.millis());
                    List<Outbox.Message> actual = outbox.next(max);
                    assertSame(expected, actual, where);
                    actual.forEach(m -> handedOut.add(m.sequence()));
                } else if (op < 75) {
                    long seq = !handedOut.isEmpty() && random.nextInt(5) > 0
                            ? handedOut.remove(random.nextInt(handedOut.size()))
                            : random.nextInt((int) model.next + 2);
                    model.acknowledge(seq);
                    outbox.acknowledge(seq);
                } else if (op < 83) {
                    model.rewind();
                    outbox.rewind();
                } else if (op < 93) {
                    clock.advance(Duration.ofSeconds(random.nextInt(40)));
                } else if (kind == OutboxKind.DISK) {
                    outbox.close();
                    outbox = open(kind, clock);
                    model.reopen();
                }
                assertEquals(model.live.size(), outbox.size(), where);
                assertEquals(model.bytes, outbox.bytes(), where);
                assertEquals(model.dropped, outbox.dropped(), where);
            }
        } finally {
            outbox.close();
        }
    }

    private Outbox open(OutboxKind kind, ManualClock clock) throws IOException {
        return kind.builder(dir)
                .maxBytes(MAX_BYTES)
                .maxAge(MAX_AGE)
                .clock(clock)
                .build();
    }

    private static void assertSame(List<OutboxModel.Msg> expected, List<Outbox.Message> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": " + expected + " vs " + actual);
        for (int i = 0; i < expected.size(); i++) {
            OutboxModel.Msg e = expected.get(i);
            Outbox.Message a = actual.get(i);
            assertEquals(e.seq(), a.sequence(), where);
            assertEquals(e.topic(), a.topic(), where);
            assertArrayEquals(e.payload(), a.payload(), where);
            assertEquals(e.retain(), a.retain(), where);
            assertEquals(e.storedAt(), a.storedAtMillis(), where);
        }
    }
}
