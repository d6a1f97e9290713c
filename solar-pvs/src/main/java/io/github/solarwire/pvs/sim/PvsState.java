package io.github.solarwire.pvs.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SimulatedPvs}'s site at one instant, in the PVS's own units (kW, kWh, 0–1 fraction).
 *
 * <p>The balance the real supervisor keeps holds exactly: {@code siteLoadKw = pvKw + netKw +
 * essKw} and {@code siteLoadKwh = pvKwh + netKwh + essKwh}; {@code netKwh = importKwh -
 * exportKwh}.
 *
 * @param time the instant
 * @param pvKw PV production, kW
 * @param netKw grid power, kW, positive when importing
 * @param essKw battery power, kW, positive when discharging; 0 without storage
 * @param siteLoadKw house consumption, kW
 * @param pvKwh lifetime PV production, kWh
 * @param netKwh lifetime net grid energy, kWh
 * @param essKwh lifetime net battery energy, kWh (negative: charging losses); 0 without storage
 * @param siteLoadKwh lifetime house consumption, kWh
 * @param importKwh lifetime energy imported from the grid, kWh
 * @param exportKwh lifetime energy exported to the grid, kWh
 * @param soc battery state of charge, 0–1; NaN without storage
 * @param backupMinutes minutes of backup the battery holds at the present load; 0 without storage
 * @param inverterKw each inverter's AC power, kW; they sum to {@code pvKw}
 * @param inverterKwh each inverter's lifetime energy, kWh
 * @param uptimeSeconds seconds since the supervisor booted
 */
public record PvsState(
        Instant time,
        double pvKw,
        double netKw,
        double essKw,
        double siteLoadKw,
        double pvKwh,
        double netKwh,
        double essKwh,
        double siteLoadKwh,
        double importKwh,
        double exportKwh,
        double soc,
        long backupMinutes,
        List<Double> inverterKw,
        List<Double> inverterKwh,
        long uptimeSeconds) {

    /**
     * Copies the lists.
     *
     * @param time see the record description
     * @param pvKw see the record description
     * @param netKw see the record description
     * @param essKw see the record description
     * @param siteLoadKw see the record description
     * @param pvKwh see the record description
     * @param netKwh see the record description
     * @param essKwh see the record description
     * @param siteLoadKwh see the record description
     * @param importKwh see the record description
     * @param exportKwh see the record description
     * @param soc see the record description
     * @param backupMinutes see the record description
     * @param inverterKw see the record description
     * @param inverterKwh see the record description
     * @param uptimeSeconds see the record description
     */
    public PvsState {
        Objects.requireNonNull(time, "time");
        inverterKw = List.copyOf(inverterKw);
        inverterKwh = List.copyOf(inverterKwh);
    }

    /**
     * Whether it is night: no PV, so the inverters report {@code STATE} {@code error}.
     *
     * @return true at night
     */
    public boolean night() {
        return pvKw == 0;
    }
}
