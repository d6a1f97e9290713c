package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricTest {

    @ParameterizedTest
    @ValueSource(strings = {"pv.power", "grid.import.energy.total", "ac.power_factor", "pi30.bus.voltage", "uptime"})
    void acceptsLowerCaseDottedKeys(String key) {
        assertEquals(key, Metric.gauge(key, Unit.WATT).key());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "PV.power",
                "pv.Power",
                ".pv.power",
                "pv.power.",
                "pv..power",
                "pv power",
                "pv-power",
                "pv/power",
                "pv.powér"
            })
    void rejectsMalformedKeys(String key) {
        assertThrows(IllegalArgumentException.class, () -> Metric.gauge(key, Unit.WATT));
    }

    @Test
    void keyOf128CharactersIsAcceptedAnd129Rejected() {
        String longest = "a".repeat(128);
        assertEquals(longest, Metric.gauge(longest, Unit.NONE).key());
        assertThrows(IllegalArgumentException.class, () -> Metric.gauge(longest + "b", Unit.NONE));
    }

    @Test
    void rejectsNullParts() {
        assertThrows(NullPointerException.class, () -> new Metric(null, Unit.WATT, MetricKind.GAUGE, "x"));
        assertThrows(NullPointerException.class, () -> new Metric("pv.power", null, MetricKind.GAUGE, "x"));
        assertThrows(NullPointerException.class, () -> new Metric("pv.power", Unit.WATT, null, "x"));
    }

    @Test
    void missingOrBlankNameIsDerivedFromKey() {
        assertEquals(
                "Grid import energy total",
                Metric.total("grid.import.energy.total", Unit.WATT_HOUR).name());
        assertEquals("Ac power factor", new Metric("ac.power_factor", Unit.NONE, MetricKind.GAUGE, "  ").name());
        assertEquals("PV power", new Metric("pv.power", Unit.WATT, MetricKind.GAUGE, "PV power").name());
    }

    @Test
    void factoriesSetKind() {
        assertEquals(MetricKind.GAUGE, Metric.gauge("pv.power", Unit.WATT).kind());
        assertEquals(
                MetricKind.TOTAL,
                Metric.total("pv.energy.total", Unit.WATT_HOUR).kind());
    }

    @Test
    void equalityIsOnKeyUnitAndKindNotName() {
        Metric a = new Metric("pv.power", Unit.WATT, MetricKind.GAUGE, "PV power");
        Metric b = new Metric("pv.power", Unit.WATT, MetricKind.GAUGE, "Something else");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Metric("pv.power", Unit.VOLT, MetricKind.GAUGE, "PV power"));
        assertNotEquals(a, new Metric("pv.power", Unit.WATT, MetricKind.TOTAL, "PV power"));
        assertNotEquals(a, new Metric("load.power", Unit.WATT, MetricKind.GAUGE, "PV power"));
    }

    @Test
    void toStringShowsKeyAndUnitSymbol() {
        assertEquals("pv.power[W]", Metrics.PV_POWER.toString());
        assertEquals("ac.power_factor", Metrics.AC_POWER_FACTOR.toString());
    }

    @Test
    void byKeyFindsCatalogueMetrics() {
        assertEquals(Optional.of(Metrics.PV_POWER), Metrics.byKey("pv.power"));
        assertEquals(Optional.of(Metrics.BATTERY_SOC), Metrics.byKey("battery.soc"));
        assertEquals(Optional.empty(), Metrics.byKey("no.such.metric"));
        for (Metric m : Metrics.all()) {
            assertEquals(Optional.of(m), Metrics.byKey(m.key()), m.key());
        }
    }

    @Test
    void everyCatalogueMetricHasAUniqueKey() {
        Set<String> keys = new HashSet<>();
        for (Metric m : Metrics.all()) {
            assertTrue(keys.add(m.key()), "duplicate key " + m.key());
        }
        // A duplicate in the catalogue would silently overwrite its map entry, so count the constants too.
        long constants = java.util.Arrays.stream(Metrics.class.getFields())
                .filter(f -> f.getType() == Metric.class)
                .count();
        assertEquals(constants, keys.size());
    }

    @Test
    void catalogueIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> Metrics.all().clear());
    }

    @Test
    void energyTotalsAreTotalsInWattHours() {
        int seen = 0;
        for (Metric m : Metrics.all()) {
            if (m.key().contains("energy")) {
                assertEquals(Unit.WATT_HOUR, m.unit(), m.key());
                assertEquals(MetricKind.TOTAL, m.kind(), m.key());
                seen++;
            }
        }
        assertTrue(seen >= 7, "expected the energy totals in the catalogue, saw " + seen);
    }

    @Test
    void powersAreGaugesInWatts() {
        int seen = 0;
        for (Metric m : Metrics.all()) {
            String[] words = m.key().split("\\.");
            boolean activePower = java.util.Arrays.asList(words).contains("power")
                    && !m.key().startsWith("ac.apparent")
                    && !m.key().startsWith("ac.reactive");
            if (activePower) {
                assertEquals(Unit.WATT, m.unit(), m.key());
                assertEquals(MetricKind.GAUGE, m.kind(), m.key());
                seen++;
            }
        }
        assertTrue(seen >= 10, "expected the power gauges in the catalogue, saw " + seen);
        assertEquals(Unit.VOLT_AMPERE, Metrics.AC_APPARENT_POWER.unit());
        assertEquals(Unit.VAR, Metrics.AC_REACTIVE_POWER.unit());
    }
}
