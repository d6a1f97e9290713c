package io.github.solarwire.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticDeviceTest {

    private static final ZoneId MUNICH = ZoneId.of("Europe/Berlin");
    private static final List<Metric> TOTALS = List.of(
            Metrics.PV_ENERGY_TOTAL,
            Metrics.GRID_IMPORT_ENERGY_TOTAL,
            Metrics.GRID_EXPORT_ENERGY_TOTAL,
            Metrics.LOAD_ENERGY_TOTAL,
            Metrics.BATTERY_CHARGE_ENERGY_TOTAL,
            Metrics.BATTERY_DISCHARGE_ENERGY_TOTAL);

    /** A clock that only moves when told to. */
    static final class StepClock extends Clock {
        private Instant now;

        StepClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
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

    private static Instant local(int month, int day, int hour) {
        return LocalDateTime.of(2026, month, day, hour, 0).atZone(MUNICH).toInstant();
    }

    private static Reading pollOne(SyntheticDevice device) throws IOException {
        List<Reading> batch = device.poll();
        assertEquals(1, batch.size());
        return batch.get(0);
    }

    private static double value(Reading r, Metric m) {
        return r.value(m).orElseThrow(() -> new AssertionError(m.key() + " missing from " + r));
    }

    /** Polls every minute for {@code hours} from {@code start}. */
    private static List<Reading> simulate(long seed, Instant start, int hours) throws IOException {
        return simulate(SyntheticDevice.builder("sim-1").seed(seed), start, hours);
    }

    private static List<Reading> simulate(SyntheticDevice.Builder builder, Instant start, int hours)
            throws IOException {
        StepClock clock = new StepClock(start);
        SyntheticDevice device = builder.clock(clock).build();
        device.open();
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute < hours * 60; minute++) {
            readings.add(pollOne(device));
            clock.advance(Duration.ofMinutes(1));
        }
        return readings;
    }

    @Test
    void powerBalancesInEveryReading() throws IOException {
        // The default battery and a small one that runs full and empty, in summer and in winter.
        for (double capacity : new double[] {10_000, 2_000}) {
            for (Instant start : List.of(local(6, 20, 0), local(12, 20, 0))) {
                SyntheticDevice.Builder b = SyntheticDevice.builder("sim-1").batteryCapacity(capacity);
                for (Reading r : simulate(b, start, 48)) {
                    double load = value(r, Metrics.LOAD_POWER);
                    double sum =
                            value(r, Metrics.PV_POWER) + value(r, Metrics.BATTERY_POWER) + value(r, Metrics.GRID_POWER);
                    assertEquals(load, sum, 1.0, r.toString());
                }
            }
        }
    }

    @Test
    void stateOfChargeStaysWithinZeroAndHundred() throws IOException {
        // A small battery fills and empties within the day, pushing the state of charge to its limits.
        double lowest = 100;
        double highest = 0;
        for (Reading r : simulate(SyntheticDevice.builder("sim-1").batteryCapacity(2_000), local(6, 20, 0), 48)) {
            double soc = value(r, Metrics.BATTERY_SOC);
            assertTrue(soc >= 0 && soc <= 100, "soc " + soc + " at " + r.timestamp());
            lowest = Math.min(lowest, soc);
            highest = Math.max(highest, soc);
        }
        assertTrue(highest > 95 && lowest < 15, "soc ranged only " + lowest + ".." + highest);
    }

    @Test
    void energyTotalsNeverDecrease() throws IOException {
        // A small battery runs empty at night and full by day, so every total has something to count.
        List<Reading> readings =
                simulate(SyntheticDevice.builder("sim-1").seed(7).batteryCapacity(2_000), local(6, 20, 0), 48);
        for (Metric total : TOTALS) {
            double previous = value(readings.get(0), total);
            for (Reading r : readings) {
                double now = value(r, total);
                assertTrue(
                        now >= previous,
                        total.key() + " fell from " + previous + " to " + now + " at " + r.timestamp());
                previous = now;
            }
            assertTrue(previous > value(readings.get(0), total), total.key() + " never grew in 48 h");
        }
    }

    @Test
    void energyIsConservedOverTheRun() throws IOException {
        List<Reading> readings =
                simulate(SyntheticDevice.builder("sim-1").seed(3).batteryCapacity(2_000), local(6, 20, 0), 48);
        Reading first = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        double in = delta(first, last, Metrics.PV_ENERGY_TOTAL)
                + delta(first, last, Metrics.GRID_IMPORT_ENERGY_TOTAL)
                + delta(first, last, Metrics.BATTERY_DISCHARGE_ENERGY_TOTAL);
        double out = delta(first, last, Metrics.LOAD_ENERGY_TOTAL)
                + delta(first, last, Metrics.GRID_EXPORT_ENERGY_TOTAL)
                + delta(first, last, Metrics.BATTERY_CHARGE_ENERGY_TOTAL);
        // Each total is rounded to 0.1 Wh, so six differences may be off by 0.6 Wh together.
        assertEquals(out, in, 0.6);
    }

    private static double delta(Reading first, Reading last, Metric total) {
        return value(last, total) - value(first, total);
    }

    @Test
    void pvIsZeroAtLocalMidnightAndPositiveAtLocalNoonInSummer() throws IOException {
        for (int day = 1; day <= 30; day++) {
            StepClock clock = new StepClock(local(6, day, 0));
            SyntheticDevice device =
                    SyntheticDevice.builder("sim-1").clock(clock).seed(day).build();
            device.open();
            Reading midnight = pollOne(device);
            assertEquals(0.0, value(midnight, Metrics.PV_POWER), midnight.toString());
            assertEquals(Optional.of("standby"), midnight.state("status"));
            clock.advance(Duration.ofHours(12));
            Reading noon = pollOne(device);
            assertTrue(value(noon, Metrics.PV_POWER) > 0, noon.toString());
            assertEquals(Optional.of("producing"), noon.state("status"));
        }
    }

    @Test
    void sameSeedGivesIdenticalReadings() throws IOException {
        List<Reading> a = simulate(1234, local(6, 21, 6), 6);
        List<Reading> b = simulate(1234, local(6, 21, 6), 6);
        assertEquals(a, b);
        List<Reading> other = simulate(4321, local(6, 21, 6), 6);
        assertTrue(!a.equals(other), "a different seed gave the same readings");
    }

    @Test
    void failEveryMakesEveryNthPollThrow() throws IOException {
        SyntheticDevice device = SyntheticDevice.builder("sim-1")
                .clock(new StepClock(local(6, 21, 12)))
                .failEvery(3)
                .build();
        device.open();
        for (int poll = 1; poll <= 12; poll++) {
            if (poll % 3 == 0) {
                assertThrows(IOException.class, device::poll, "poll " + poll);
            } else {
                assertEquals(1, device.poll().size(), "poll " + poll);
            }
        }
    }

    @Test
    void pollBeforeOpenOrAfterCloseThrows() throws IOException {
        SyntheticDevice device = SyntheticDevice.builder("sim-1")
                .clock(new StepClock(local(6, 21, 12)))
                .build();
        assertThrows(IOException.class, device::poll);
        device.open();
        device.poll();
        device.close();
        assertThrows(IOException.class, device::poll);
    }

    @Test
    void describesItself() {
        SyntheticDevice device = SyntheticDevice.builder("sim-1").seed(0xabcdef).build();
        assertEquals("sim-1", device.info().id());
        assertEquals("inverter", device.info().kind());
        assertEquals("synthetic", device.info().protocol());
        assertEquals(Optional.of("SIM-ABCDEF"), device.info().serial());
        assertEquals(Duration.ofSeconds(1), device.defaultInterval());
    }

    @Test
    void builderRejectsBadSettings() {
        SyntheticDevice.Builder b = SyntheticDevice.builder("sim-1");
        assertThrows(IllegalArgumentException.class, () -> b.peakPower(0));
        assertThrows(IllegalArgumentException.class, () -> b.peakPower(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.batteryCapacity(-1));
        assertThrows(IllegalArgumentException.class, () -> b.failEvery(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> SyntheticDevice.builder("bad id").build());
    }
}
