package io.github.solarwire.core.docs;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.core.sim.SyntheticDevice;
import io.github.solarwire.core.sink.CsvSink;
import io.github.solarwire.core.sink.JsonLinesSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The code shown in the READMEs, between {@code tag::name[]} and {@code end::name[]} markers.
 * {@link ReadmeSnippetsTest} checks that each README shows exactly this code, so what the READMEs
 * show compiles, and runs it.
 */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static void usage(Path dir, Duration runFor) throws Exception {
        // tag::usage[]
        PolledDevice inverter = SyntheticDevice.builder("roof").build(); // or a PI30, PVS, Kostal device
        try (Recorder recorder = Recorder.builder()
                .poll(inverter, Duration.ofSeconds(1))
                .sink(JsonLinesSink.toFile(dir.resolve("solar.jsonl")))
                .sink(CsvSink.inDirectory(dir.resolve("csv")))
                .build()) {
            recorder.start();
            Thread.sleep(runFor.toMillis()); // your app runs; close() drains every sink
            System.out.println(recorder.health());
        }
        // end::usage[]
    }

    // tag::device[]
    /** A meter read over some link: one reading per poll, in canonical units. */
    static final class GridMeter implements PolledDevice {
        private final DeviceInfo info = DeviceInfo.builder("meter-1", "meter")
                .vendor("Acme")
                .model("M1")
                .build();

        @Override
        public DeviceInfo info() {
            return info;
        }

        @Override
        public void open() {} // open the port or socket here

        @Override
        public List<Reading> poll() {
            double kilowatts = 1.2345; // what the device said, in its own unit
            return List.of(Reading.builder(info, Instant.now())
                    .add(Metrics.GRID_POWER, kilowatts * 1000) // convert once, at the boundary
                    .state("status", "ok")
                    .build());
        }

        @Override
        public void close() {}
    }
    // end::device[]
}
