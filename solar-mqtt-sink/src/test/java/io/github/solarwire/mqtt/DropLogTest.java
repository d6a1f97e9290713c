package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DropLogTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> reports = new ArrayList<>();
    private final DropLog log =
            new DropLog((count, reason, total) -> reports.add(count + " " + reason + " " + total), now::get, 100);

    @Test
    void reportsTheFirstDropAtOnceAndABurstOnceWithItsCount() {
        log.dropped(1, "full");
        assertEquals(List.of("1 full 1"), reports);
        for (int i = 0; i < 50; i++) {
            log.dropped(2, "full");
            now.addAndGet(1);
        }
        assertEquals(1, reports.size(), "a burst is not reported per message");
        now.addAndGet(50);
        log.tick();
        assertEquals(List.of("1 full 1", "100 full 101"), reports);
        log.tick();
        log.flush();
        assertEquals(2, reports.size(), "nothing left to report");
    }

    @Test
    void reportsADropAfterAQuietSpellAtOnceAndFlushesTheRest() {
        log.dropped(3, "full");
        now.addAndGet(1000);
        log.dropped(4, "old");
        log.dropped(5, "old");
        log.dropped(0, "nothing");
        log.flush();
        assertEquals(List.of("3 full 3", "4 old 7", "5 old 12"), reports);
    }
}
