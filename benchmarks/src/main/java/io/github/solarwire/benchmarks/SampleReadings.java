package io.github.solarwire.benchmarks;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A pool of distinct, realistic readings: 10 metrics from the catalogue with non-integer values
 * rounded as devices report them (0.1 W, 0.01 Hz, ...), and 2 text states.
 */
final class SampleReadings {

    /** Pool size: a power of two, so that {@code index & MASK} cycles through it. */
    static final int POOL = 1024;

    static final int MASK = POOL - 1;

    private static final Instant START = Instant.parse("2026-06-21T10:00:00Z");

    private SampleReadings() {}

    /**
     * Builds {@link #POOL} readings from four inverters, one every 2.5 s each, with millisecond
     * timestamps.
     *
     * @param seed the random seed, for reproducible values
     * @return the readings
     */
    static Reading[] pool(long seed) {
        DeviceInfo[] devices = new DeviceInfo[4];
        for (int d = 0; d < devices.length; d++) {
            devices[d] = DeviceInfo.builder("inv-" + (d + 1), "inverter")
                    .vendor("Voltronic")
                    .protocol("pi30")
                    .model("Axpert MKS II 5K")
                    .serial("9632110" + (d + 1))
                    .build();
        }
        SplittableRandom random = new SplittableRandom(seed);
        Reading[] pool = new Reading[POOL];
        double pvTotal = 12_345_678.9;
        double importTotal = 8_765_432.1;
        for (int i = 0; i < POOL; i++) {
            double pv = round(random.nextDouble(0, 6_000), 10);
            double load = round(random.nextDouble(150, 4_500), 10);
            double battery = round(random.nextDouble(-2_500, 2_500), 10);
            double grid = round(load - pv - battery, 10);
            pvTotal = round(pvTotal + pv * 2.5 / 3_600, 10);
            importTotal = round(importTotal + Math.max(grid, 0) * 2.5 / 3_600, 10);
            Instant time = START.plusMillis(i * 2_500L + random.nextInt(1_000));
            pool[i] = Reading.builder(devices[i & 3], time)
                    .add(Metrics.PV_POWER, pv)
                    .add(Metrics.LOAD_POWER, load)
                    .add(Metrics.GRID_POWER, grid)
                    .add(Metrics.BATTERY_POWER, battery)
                    .add(Metrics.BATTERY_SOC, round(random.nextDouble(10, 100), 10))
                    .add(Metrics.PV_ENERGY_TOTAL, pvTotal)
                    .add(Metrics.GRID_IMPORT_ENERGY_TOTAL, importTotal)
                    .add(Metrics.AC_VOLTAGE_L1, round(random.nextDouble(225, 245), 10))
                    .add(Metrics.AC_FREQUENCY, round(random.nextDouble(49.9, 50.1), 100))
                    .add(Metrics.TEMPERATURE_INVERTER, round(random.nextDouble(25, 55), 10))
                    .state("status", battery < 0 ? "charging" : "discharging")
                    .state("pi30.mode", grid < 0 ? "Battery" : "Line")
                    .build();
        }
        return pool;
    }

    /** Rounds to {@code 1 / scale}, nudging a whole number off it so every value has a fraction. */
    private static double round(double value, int scale) {
        long scaled = Math.round(value * scale);
        if (scaled % scale == 0) {
            scaled++;
        }
        return scaled / (double) scale;
    }
}
