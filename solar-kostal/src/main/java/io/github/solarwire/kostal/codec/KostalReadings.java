package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link PikoStatus} from any source as a core {@link Reading}.
 *
 * <p>Metrics: {@code ac.power} and {@code pv.power} (both the AC output: a PIKO has no battery, so
 * what its PV produces is what it feeds), {@code pv.energy.total}, {@code pv.energy.today}, {@code
 * dc.voltage.pv1..3}, {@code dc.current.pv1..3}, {@code dc.power.pv1..3}, {@code
 * ac.voltage.l1..3}, {@code ac.current.l1..3}, {@code ac.power.l1..3}; values without a reading
 * and strings or phases the inverter lacks are left out. The status text is the state {@value
 * #STATUS}.
 */
public final class KostalReadings {

    /** The state key of the status text, as the inverter shows it. */
    public static final String STATUS = "kostal.status";

    private static final Metric[][] STRING_METRICS = {
        {Metrics.DC_VOLTAGE_PV1, Metrics.DC_CURRENT_PV1, Metrics.DC_POWER_PV1},
        {Metrics.DC_VOLTAGE_PV2, Metrics.DC_CURRENT_PV2, Metrics.DC_POWER_PV2},
        {Metrics.DC_VOLTAGE_PV3, Metrics.DC_CURRENT_PV3, Metrics.DC_POWER_PV3}
    };
    private static final Metric[][] PHASE_METRICS = {
        {Metrics.AC_VOLTAGE_L1, Metrics.AC_CURRENT_L1, Metrics.AC_POWER_L1},
        {Metrics.AC_VOLTAGE_L2, Metrics.AC_CURRENT_L2, Metrics.AC_POWER_L2},
        {Metrics.AC_VOLTAGE_L3, Metrics.AC_CURRENT_L3, Metrics.AC_POWER_L3}
    };

    private KostalReadings() {}

    /**
     * Maps a status to a reading.
     *
     * @param status the decoded status
     * @param device the inverter
     * @param timestamp when it was read
     * @return the reading
     */
    public static Reading toReading(PikoStatus status, DeviceInfo device, Instant timestamp) {
        Objects.requireNonNull(status, "status");
        Reading.Builder b = Reading.builder(device, timestamp);
        add(b, Metrics.AC_POWER, status.acPower());
        add(b, Metrics.PV_POWER, status.acPower());
        add(b, Metrics.PV_ENERGY_TOTAL, status.energyTotal());
        add(b, Metrics.PV_ENERGY_TODAY, status.energyToday());
        for (PikoStatus.PvString s : status.strings()) {
            Metric[] m = STRING_METRICS[s.number() - 1];
            add(b, m[0], s.voltage());
            add(b, m[1], s.current());
            add(b, m[2], s.power());
        }
        for (PikoStatus.Phase p : status.phases()) {
            Metric[] m = PHASE_METRICS[p.number() - 1];
            add(b, m[0], p.voltage());
            add(b, m[1], p.current());
            add(b, m[2], p.power());
        }
        b.state(STATUS, status.status());
        return b.build();
    }

    private static void add(Reading.Builder b, Metric metric, Double value) {
        if (value != null) {
            b.addIfFinite(metric, value);
        }
    }
}
