package io.github.solarwire.core.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.sim.SyntheticDevice;
import io.github.solarwire.core.sink.CsvSink;
import io.github.solarwire.core.sink.JsonLinesSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped pieces together: a synthetic inverter with injected faults recorded into real files. */
class RecorderPipelineTest {

    /** Every call to instant() is one minute after the previous one. */
    private static final class MinuteClock extends Clock {
        private final AtomicLong minutes = new AtomicLong();
        private final Instant start = Instant.parse("2026-06-21T04:00:00Z");

        @Override
        public Instant instant() {
            return start.plus(Duration.ofMinutes(minutes.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TempDir
    Path dir;

    @Test
    void syntheticReadingsReachJsonAndCsvFilesAcrossReconnects() throws Exception {
        SyntheticDevice sim = SyntheticDevice.builder("sim-1")
                .clock(new MinuteClock())
                .failEvery(3)
                .build();
        Path jsonl = dir.resolve("solar.jsonl");
        RecordingSink probe = new RecordingSink("probe");
        Recorder recorder = Recorder.builder()
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.0))
                .pauses(new PauseLog())
                .poll(sim, Duration.ofHours(1))
                .sink(JsonLinesSink.toFile(jsonl))
                .sink(CsvSink.inDirectory(dir.resolve("csv")))
                .sink(probe)
                .build();
        recorder.start();
        assertTrue(probe.acceptedCount.awaitAtLeast(20));
        assertTimeoutPreemptively(Duration.ofSeconds(30), recorder::close);

        List<Reading> readings = probe.accepted();
        RecorderHealth h = recorder.health();
        assertEquals(0, h.dropped());
        assertEquals(3L * readings.size(), h.readingsOut());
        // Every third poll fails and is followed by a reconnect (the last one perhaps cut short by close).
        long errors = h.deviceErrors();
        assertTrue(errors >= readings.size() / 2 - 1, h.toString());
        assertTrue(h.reconnects() == errors || h.reconnects() == errors - 1, h.toString());

        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(readings.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Reading r = readings.get(i);
            assertTrue(
                    lines.get(i).startsWith("{\"time\":\"" + r.timestamp() + "\",\"device\":\"sim-1\""), lines.get(i));
        }

        List<String> rows = Files.readAllLines(dir.resolve("csv").resolve("inverter.csv"), StandardCharsets.UTF_8);
        assertEquals(readings.size() + 1, rows.size());
        // Synthetic values and states hold no commas or quotes, so a plain split reads them.
        List<String> header = List.of(rows.get(0).split(","));
        assertEquals(List.of("time", "device", "pv.power", "load.power"), header.subList(0, 4));
        List<String> lastRow = List.of(rows.get(rows.size() - 1).split(","));
        Reading last = readings.get(readings.size() - 1);
        assertEquals(last.timestamp().toString(), lastRow.get(0));
        assertEquals(Double.toString(last.value(Metrics.PV_POWER).orElseThrow()), lastRow.get(2));
    }
}
