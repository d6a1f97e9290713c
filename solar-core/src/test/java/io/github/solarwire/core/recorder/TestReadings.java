package io.github.solarwire.core.recorder;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/** Readings numbered by a sequence metric, so tests can check order and completeness. */
final class TestReadings {

    static final Metric SEQ = Metric.gauge("test.seq", Unit.NONE);
    static final Instant T0 = Instant.parse("2026-06-21T00:00:00Z");

    private TestReadings() {}

    static Reading numbered(DeviceInfo device, long n) {
        return Reading.builder(device, T0.plusSeconds(n)).add(SEQ, n).build();
    }

    static long seq(Reading reading) {
        return (long) reading.value(SEQ).orElseThrow();
    }

    static List<Long> seqs(List<Reading> readings) {
        return readings.stream().map(TestReadings::seq).toList();
    }

    /** 1, 2, …, n. */
    static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }
}
