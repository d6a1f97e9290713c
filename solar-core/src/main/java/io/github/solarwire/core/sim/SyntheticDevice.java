package io.github.solarwire.core.sim;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.PolledDevice;
import io.github.solarwire.core.Reading;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A simulated hybrid inverter with a battery, following a solar day: the device the demo and the
 * tests run when no hardware is at hand.
 *
 * <p>Each poll advances the model to the clock's instant and returns one reading with PV, load,
 * grid and battery power, state of charge, energy totals, AC voltage and frequency, PV string
 * voltage and current and the inverter temperature, plus {@code status} and {@code battery.mode}
 * states. Clouds and household load wander randomly but reproducibly for a given seed. The battery
 * charges from surplus PV, covers the deficit while its state of charge is above 10 %, and the
 * grid takes the rest, so {@code load = pv + battery + grid} holds in every reading.
 *
 * <p>Faults can be injected: {@link Builder#failEvery(int)} makes every n-th poll throw, to
 * exercise reconnects. Not thread-safe; the recorder polls it from one thread.
 */
public final class SyntheticDevice implements PolledDevice {

    private final DeviceInfo info;
    private final Clock clock;
    private final SolarDay sun;
    private final double peakWatts;
    private final double capacityWh;
    private final int failEvery;
    private final SplittableRandom random;

    private boolean open;
    private long pollCount;
    private Instant last;
    private double cloud = 1.0;
    private double socWh;
    private double pvWh;
    private double importWh;
    private double exportWh;
    private double loadWh;
    private double chargeWh;
    private double dischargeWh;

    private SyntheticDevice(Builder b) {
        this.info = DeviceInfo.builder(b.id, "inverter")
                .vendor("solarwire")
                .protocol("synthetic")
                .model("Synthetic hybrid " + Math.round(b.peakWatts / 1000) + " kW")
                .serial("SIM-" + Long.toHexString(b.seed & 0xffffffL).toUpperCase(java.util.Locale.ROOT))
                .firmware("1.0")
                .build();
        this.clock = b.clock;
        this.sun = b.sun;
        this.peakWatts = b.peakWatts;
        this.capacityWh = b.capacityWh;
        this.failEvery = b.failEvery;
        this.random = new SplittableRandom(b.seed);
        this.socWh = capacityWh * 0.5;
        this.pvWh = 1_234_000 + random.nextInt(100_000);
    }

    /**
     * Starts a builder.
     *
     * @param id the device id
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public List<Reading> poll() throws IOException {
        if (!open) {
            throw new IOException(info.id() + " is not open");
        }
        pollCount++;
        if (failEvery > 0 && pollCount % failEvery == 0) {
            throw new IOException("injected fault on poll " + pollCount);
        }
        Instant now = clock.instant();
        double hours =
                last == null ? 0 : Math.max(0, Duration.between(last, now).toMillis() / 3_600_000.0);
        last = now;

        cloud = clamp(cloud + (random.nextDouble() - 0.5) * 0.15 + (0.85 - cloud) * 0.05, 0.15, 1.0);
        double pv = Math.round(peakWatts * sun.clearSkyFraction(now) * cloud);
        double load = Math.round(loadAt(now) * (0.9 + random.nextDouble() * 0.2));
        double battery = batteryPower(load - pv, hours);
        double grid = load - pv - battery;

        pvWh += pv * hours;
        loadWh += load * hours;
        importWh += Math.max(0, grid) * hours;
        exportWh += Math.max(0, -grid) * hours;
        double vPv = pv > 0 ? 320 + 60 * Math.min(1, pv / peakWatts * 3) : 0;
        double temperature = 22 + 25 * pv / peakWatts + random.nextDouble();

        Reading reading = Reading.builder(info, now)
                .add(Metrics.PV_POWER, pv)
                .add(Metrics.LOAD_POWER, load)
                .add(Metrics.GRID_POWER, grid)
                .add(Metrics.BATTERY_POWER, battery)
                .add(Metrics.BATTERY_SOC, round(100 * socWh / capacityWh, 1))
                .add(Metrics.PV_ENERGY_TOTAL, round(pvWh, 1))
                .add(Metrics.GRID_IMPORT_ENERGY_TOTAL, round(importWh, 1))
                .add(Metrics.GRID_EXPORT_ENERGY_TOTAL, round(exportWh, 1))
                .add(Metrics.LOAD_ENERGY_TOTAL, round(loadWh, 1))
                .add(Metrics.BATTERY_CHARGE_ENERGY_TOTAL, round(chargeWh, 1))
                .add(Metrics.BATTERY_DISCHARGE_ENERGY_TOTAL, round(dischargeWh, 1))
                .add(Metrics.AC_VOLTAGE_L1, round(230 + (random.nextDouble() - 0.5) * 6, 1))
                .add(Metrics.AC_FREQUENCY, round(50 + (random.nextDouble() - 0.5) * 0.1, 2))
                .add(Metrics.DC_VOLTAGE_PV1, round(vPv, 1))
                .add(Metrics.DC_CURRENT_PV1, vPv > 0 ? round(pv / vPv, 2) : 0)
                .add(Metrics.TEMPERATURE_INVERTER, round(temperature, 1))
                .state("status", pv > 0 ? "producing" : "standby")
                .state("battery.mode", battery > 0 ? "discharging" : battery < 0 ? "charging" : "idle")
                .build();
        return List.of(reading);
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void close() {
        open = false;
    }

    /** Household load: a base, a morning bump and an evening peak, in local solar time. */
    private double loadAt(Instant now) {
        double hour =
                (now.atZone(ZoneId.of("UTC")).toLocalTime().toSecondOfDay() / 3600.0 + sun.longitude() / 15 + 24) % 24;
        double morning = 900 * Math.exp(-Math.pow((hour - 7.5) / 1.2, 2));
        double evening = 1800 * Math.exp(-Math.pow((hour - 19) / 2.0, 2));
        return 350 + morning + evening;
    }

    /** Chooses the battery power for a deficit (positive) or surplus, and moves the charge. */
    private double batteryPower(double deficit, double hours) {
        double maxPower = Math.min(5000, capacityWh / 2);
        double power;
        if (deficit > 0) {
            double available = Math.max(0, socWh - 0.1 * capacityWh);
            power = Math.min(Math.min(deficit, maxPower), hours > 0 ? available / hours : available);
        } else {
            double room = Math.max(0, capacityWh - socWh);
            power = -Math.min(Math.min(-deficit, maxPower), hours > 0 ? room / hours : room);
        }
        power = Math.round(power);
        socWh = clamp(socWh - power * hours, 0, capacityWh);
        if (power > 0) {
            dischargeWh += power * hours;
        } else {
            chargeWh -= power * hours;
        }
        return power;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    /** Configures a {@link SyntheticDevice}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private Clock clock = Clock.systemUTC();
        private SolarDay sun = new SolarDay(48.1, 11.6);
        private double peakWatts = 6000;
        private double capacityWh = 10_000;
        private long seed = 42;
        private int failEvery;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * Sets the clock the model follows; a fast clock replays a day in minutes.
         *
         * @param clock the clock; the system UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets where the sun is computed for. Munich (48.1 N, 11.6 E) by default.
         *
         * @param sun the place
         * @return this builder
         */
        public Builder location(SolarDay sun) {
            this.sun = Objects.requireNonNull(sun, "sun");
            return this;
        }

        /**
         * Sets the PV array's peak power.
         *
         * @param watts the peak, W; 6 kW by default
         * @return this builder
         */
        public Builder peakPower(double watts) {
            if (!(watts > 0)) {
                throw new IllegalArgumentException("peak power must be positive, was " + watts);
            }
            this.peakWatts = watts;
            return this;
        }

        /**
         * Sets the battery's usable capacity.
         *
         * @param wattHours the capacity, Wh; 10 kWh by default
         * @return this builder
         */
        public Builder batteryCapacity(double wattHours) {
            if (!(wattHours > 0)) {
                throw new IllegalArgumentException("battery capacity must be positive, was " + wattHours);
            }
            this.capacityWh = wattHours;
            return this;
        }

        /**
         * Seeds clouds and load, for reproducible runs.
         *
         * @param seed the seed; 42 by default
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Makes every n-th poll throw an {@link IOException}.
         *
         * @param n the period; 0 (the default) for never
         * @return this builder
         */
        public Builder failEvery(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("failEvery must be >= 0, was " + n);
            }
            this.failEvery = n;
            return this;
        }

        /**
         * Builds the device.
         *
         * @return the device
         */
        public SyntheticDevice build() {
            return new SyntheticDevice(this);
        }
    }
}
