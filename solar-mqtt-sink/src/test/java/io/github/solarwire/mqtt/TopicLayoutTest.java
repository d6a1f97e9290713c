package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    private static final Reading READING = Reading.builder(
                    DeviceInfo.builder("inv-1", "inverter").build(), Instant.parse("2026-06-21T10:00:00Z"))
            .add(Metrics.PV_POWER, 1234)
            .add(Metrics.BATTERY_SOC, 55.5)
            .state("status", "ok")
            .build();

    @Test
    void perMetricPublishesEachValueAsAPlainNumberUnderTheDevice() {
        List<Publication> out = TopicLayout.perMetric().publications(READING, "solar");
        assertEquals(
                List.of("solar/inv-1/pv.power=1234", "solar/inv-1/battery.soc=55.5"),
                out.stream().map(p -> p.topic() + "=" + p.payloadText()).toList());
    }

    @Test
    void plainValuesUsesTheCallersNamesAndLeavesOutUnnamedMetrics() {
        TopicLayout layout = TopicLayout.plainValues(m -> m == Metrics.PV_POWER ? "pv_p" : null);
        List<Publication> out = layout.publications(READING, "pvs");
        assertEquals(
                List.of("pvs/pv_p=1234"),
                out.stream().map(p -> p.topic() + "=" + p.payloadText()).toList());
    }

    @Test
    void jsonStateIsTheStatePayloadOnTheStateTopic() {
        Publication p = TopicLayout.jsonState().publications(READING, "solar").get(0);
        assertEquals("solar/inv-1/state", p.topic());
        assertEquals(
                new String(StatePayload.encode(READING), java.nio.charset.StandardCharsets.UTF_8), p.payloadText());
    }

    @Test
    void plainNumbersArePlainDecimalsThatReadBackExactly() {
        assertEquals("0", TopicLayout.plainNumber(0));
        assertEquals("0", TopicLayout.plainNumber(-0.0));
        assertEquals("-17", TopicLayout.plainNumber(-17));
        assertEquals("0.0001", TopicLayout.plainNumber(1e-4));
        assertEquals("123456789012345680000", TopicLayout.plainNumber(1.23456789012345678e20));
        assertEquals("0.1", TopicLayout.plainNumber(0.1));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String text = TopicLayout.plainNumber(v);
            assertTrue(text.matches("-?[0-9]+(\\.[0-9]+)?"), text);
            assertEquals(v, Double.parseDouble(text), text);
        }
        assertThrows(IllegalArgumentException.class, () -> TopicLayout.plainNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TopicLayout.plainNumber(Double.POSITIVE_INFINITY));
    }

    @Test
    void discoveryWithoutTheStateTopicIsRefusedAtBuildTime() {
        MqttSink.Builder builder = MqttSink.builder("127.0.0.1").layouts(TopicLayout.perMetric());
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().contains("TopicLayout.jsonState()"), e.getMessage());
    }
}
