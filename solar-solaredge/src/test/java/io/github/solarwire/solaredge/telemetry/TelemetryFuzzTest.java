package io.github.solarwire.solaredge.telemetry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneOffset;

/**
 * {@link Telemetry#parse(byte[])} on any bytes: it returns records and errors, never throws; the
 * readings and the semonitor line of whatever decoded are built without error too.
 */
class TelemetryFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        TelemetryBatch batch = Telemetry.parse(data);
        TelemetryReadings.readings(batch.records());
        SemonitorJson.line(batch.records(), ZoneOffset.UTC);
    }
}
