package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.testkit.TestVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's telemetry snippet, compiled and run. */
class TelemetryReadmeSnippetTest {

    @Test
    void snippetRuns() throws IOException {
        byte[] stream = Files.readAllBytes(TestVectors.directory("solaredge").resolve("synthetic_all_devices.dat"));
        byte[] payload = MessageStream.telemetryPayloads(stream).get(0);
        List<String> log = new ArrayList<>();

        // tag::parse-telemetry[]
        TelemetryBatch batch = Telemetry.parse(payload); // the 0x0500 message's payload
        for (ProtocolException e : batch.errors()) {
            log.add("skipped: " + e.getMessage()); // the other records are still in the batch
        }
        List<Reading> readings = TelemetryReadings.readings(batch.records());
        String line = SemonitorJson.line(batch.records(), ZoneId.of("UTC")); // as semonitor.py writes it
        // end::parse-telemetry[]

        assertEquals(List.of(), log);
        assertEquals(11, readings.size());
        assertTrue(line.startsWith("{\"Unknown_device_0x0017\": {"), line);
    }
}
