package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {

    private static final DeviceInfo INV =
            DeviceInfo.builder("inv-1", "inverter").build();
    private static final Instant T = Instant.parse("2026-06-21T12:00:00Z");

    private static Reading.Builder builder() {
        return Reading.builder(INV, T);
    }

    @Test
    void keepsDeviceAndTimestamp() {
        Reading r = builder().build();
        assertSame(INV, r.device());
        assertEquals("inv-1", r.deviceId());
        assertEquals(T, r.timestamp());
        assertEquals(0, r.size());
        assertEquals(Map.of(), r.states());
    }

    @Test
    void rejectsNullDeviceOrTimestamp() {
        assertThrows(NullPointerException.class, () -> Reading.builder(null, T));
        assertThrows(NullPointerException.class, () -> Reading.builder(INV, null));
        assertThrows(NullPointerException.class, () -> builder().add((Metric) null, 1.0));
    }

    @Test
    void keepsTheOrderValuesWereAdded() {
        Reading r = builder()
                .add(Metrics.LOAD_POWER, 800)
                .add(Metrics.PV_POWER, 1200)
                .add(Metrics.BATTERY_SOC, 55.5)
                .add(Metrics.GRID_POWER, -400)
                .build();
        assertEquals(
                List.of(Metrics.LOAD_POWER, Metrics.PV_POWER, Metrics.BATTERY_SOC, Metrics.GRID_POWER), r.metrics());
        assertEquals(4, r.size());
        assertEquals(Metrics.PV_POWER, r.metric(1));
        assertEquals(1200, r.value(1));
        assertEquals(-400, r.value(3));
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        Reading.Builder b = builder();
        for (int i = 0; i < 40; i++) {
            b.add(Metric.gauge("test.m" + i, Unit.NONE), i);
        }
        Reading r = b.build();
        assertEquals(40, r.size());
        for (int i = 0; i < 40; i++) {
            assertEquals("test.m" + i, r.metric(i).key());
            assertEquals(i, r.value(i));
        }
    }

    @Test
    void looksUpByMetricAndByKey() {
        Reading r = builder()
                .add(Metrics.PV_POWER, 1234.5)
                .add(Metrics.BATTERY_SOC, 80)
                .build();
        assertEquals(OptionalDouble.of(1234.5), r.value(Metrics.PV_POWER));
        assertEquals(OptionalDouble.of(80), r.value("battery.soc"));
        assertEquals(OptionalDouble.empty(), r.value(Metrics.GRID_POWER));
        assertEquals(OptionalDouble.empty(), r.value("grid.power"));
    }

    @Test
    void lookupByMetricComparesUnitAndKind() {
        Reading r = builder().add(Metrics.PV_POWER, 1000).build();
        // Same key, different unit: a different metric.
        assertEquals(OptionalDouble.empty(), r.value(Metric.gauge("pv.power", Unit.VOLT)));
        assertEquals(OptionalDouble.of(1000), r.value(Metric.gauge("pv.power", Unit.WATT)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void addRejectsNonFiniteValues(double bad) {
        Reading.Builder b = builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(Metrics.PV_POWER, bad));
        assertTrue(e.getMessage().contains("pv.power"), e.getMessage());
        assertEquals(0, b.build().size());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void addIfFiniteSkipsNonFiniteValues(double bad) {
        Reading r = builder()
                .addIfFinite(Metrics.PV_POWER, bad)
                .addIfFinite(Metrics.LOAD_POWER, 500)
                .build();
        assertEquals(List.of(Metrics.LOAD_POWER), r.metrics());
        assertEquals(OptionalDouble.empty(), r.value(Metrics.PV_POWER));
    }

    @Test
    void addOptionalAddsOnlyWhenPresent() {
        Reading r = builder()
                .add(Metrics.PV_POWER, OptionalDouble.empty())
                .add(Metrics.LOAD_POWER, OptionalDouble.of(321))
                .build();
        assertEquals(List.of(Metrics.LOAD_POWER), r.metrics());
        assertEquals(321, r.value(0));
    }

    @Test
    void rejectsTheSameMetricTwice() {
        Reading.Builder b = builder().add(Metrics.PV_POWER, 1);
        assertThrows(IllegalArgumentException.class, () -> b.add(Metrics.PV_POWER, 2));
        // Same key with another unit is still the same key.
        assertThrows(IllegalArgumentException.class, () -> b.add(Metric.gauge("pv.power", Unit.VOLT), 2));
        assertEquals(OptionalDouble.of(1), b.build().value(Metrics.PV_POWER));
    }

    @Test
    void rejectsTheSameStateTwice() {
        Reading.Builder b = builder().state("status", "ok");
        assertThrows(IllegalArgumentException.class, () -> b.state("status", "fault"));
        assertEquals(Optional.of("ok"), b.build().state("status"));
    }

    @Test
    void rejectsMalformedStateKeys() {
        Reading.Builder b = builder();
        for (String key : new String[] {"", "Status", "battery mode", ".status", "status.", "a..b"}) {
            assertThrows(IllegalArgumentException.class, () -> b.state(key, "x"), key);
        }
        assertThrows(IllegalArgumentException.class, () -> b.state(null, "x"));
        assertEquals(Optional.of("x"), b.state("battery.mode_2", "x").build().state("battery.mode_2"));
    }

    @Test
    void nullStateTextLeavesTheStateOut() {
        Reading r = builder().state("status", null).build();
        assertEquals(Optional.empty(), r.state("status"));
        assertTrue(r.states().isEmpty());
    }

    @Test
    void statesKeepTheirOrder() {
        Reading r = builder()
                .state("z.last", "1")
                .state("a.first", "2")
                .state("m.middle", "3")
                .build();
        assertEquals(
                List.of("z.last", "a.first", "m.middle"), List.copyOf(r.states().keySet()));
        assertEquals(Optional.of("2"), r.state("a.first"));
    }

    @Test
    void changingTheBuilderAfterBuildDoesNotChangeTheReading() {
        Reading.Builder b = builder().add(Metrics.PV_POWER, 100).state("status", "ok");
        Reading first = b.build();
        b.add(Metrics.LOAD_POWER, 200).state("mode", "grid");
        Reading second = b.build();

        assertEquals(List.of(Metrics.PV_POWER), first.metrics());
        assertEquals(Map.of("status", "ok"), first.states());
        assertEquals(OptionalDouble.empty(), first.value(Metrics.LOAD_POWER));
        assertEquals(List.of(Metrics.PV_POWER, Metrics.LOAD_POWER), second.metrics());
        assertEquals(Map.of("status", "ok", "mode", "grid"), second.states());
    }

    @Test
    void metricsAndStatesAreUnmodifiable() {
        Reading r = builder().add(Metrics.PV_POWER, 1).state("status", "ok").build();
        assertThrows(UnsupportedOperationException.class, () -> r.states().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> r.states().remove("status"));
        assertThrows(UnsupportedOperationException.class, () -> r.metrics().set(0, Metrics.LOAD_POWER));
        assertThrows(UnsupportedOperationException.class, () -> r.metrics().add(Metrics.LOAD_POWER));
        assertEquals(Map.of("status", "ok"), r.states());
        assertEquals(List.of(Metrics.PV_POWER), r.metrics());
    }

    @Test
    void equalReadingsHaveEqualHashCodes() {
        Reading a = builder().add(Metrics.PV_POWER, 1).state("status", "ok").build();
        Reading b = builder().add(Metrics.PV_POWER, 1).state("status", "ok").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void readingsDifferingInAnyPartAreNotEqual() {
        Reading a = builder().add(Metrics.PV_POWER, 1).state("status", "ok").build();
        assertNotEquals(
                a, builder().add(Metrics.PV_POWER, 2).state("status", "ok").build());
        assertNotEquals(
                a, builder().add(Metrics.LOAD_POWER, 1).state("status", "ok").build());
        assertNotEquals(
                a, builder().add(Metrics.PV_POWER, 1).state("status", "fault").build());
        assertNotEquals(a, builder().add(Metrics.PV_POWER, 1).build());
        assertNotEquals(
                a,
                Reading.builder(INV, T.plusSeconds(1))
                        .add(Metrics.PV_POWER, 1)
                        .state("status", "ok")
                        .build());
        assertNotEquals(
                a,
                Reading.builder(DeviceInfo.builder("inv-2", "inverter").build(), T)
                        .add(Metrics.PV_POWER, 1)
                        .state("status", "ok")
                        .build());
        assertFalse(a.equals(null));
    }

    @Test
    void toStringContainsValuesAndUnits() {
        Reading r = builder()
                .add(Metrics.PV_POWER, 1234.5)
                .add(Metrics.AC_POWER_FACTOR, 0.98)
                .state("status", "ok")
                .build();
        String s = r.toString();
        assertTrue(s.contains("inv-1"), s);
        assertTrue(s.contains("2026-06-21T12:00:00Z"), s);
        assertTrue(s.contains("pv.power=1234.5 W"), s);
        assertTrue(s.contains("ac.power_factor=0.98"), s);
        assertTrue(s.contains("status='ok'"), s);
    }
}
