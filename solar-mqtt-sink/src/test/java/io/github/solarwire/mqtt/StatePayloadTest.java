package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatePayloadTest {

    @Test
    void timeThenValuesThenStatesAsOneJsonObject() {
        Reading reading = Reading.builder(
                        DeviceInfo.builder("inv-1", "inverter").build(), Instant.parse("2026-06-21T10:00:00.250Z"))
                .add(Metrics.PV_POWER, 1234.5)
                .add(Metrics.PV_ENERGY_TOTAL, 9_876_543)
                .addIfFinite(Metrics.GRID_POWER, Double.NaN)
                .state("status", "say \"hi\"")
                .build();
        assertEquals(
                "{\"time\":\"2026-06-21T10:00:00.250Z\",\"pv.power\":1234.5,\"pv.energy.total\":9876543.0,"
                        + "\"status\":\"say \\\"hi\\\"\"}",
                new String(StatePayload.encode(reading), StandardCharsets.UTF_8));
    }
}
