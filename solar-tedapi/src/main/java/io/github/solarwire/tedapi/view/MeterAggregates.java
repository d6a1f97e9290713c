package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The legacy {@code /api/meters/aggregates} view: one {@link Meter} per power flow. Signs follow
 * the gateway: site positive = importing from the grid, battery positive = discharging, solar
 * positive = producing, load positive = consuming.
 *
 * @param site the grid connection point
 * @param battery all Powerwalls together
 * @param load the home
 * @param solar all PV
 */
public record MeterAggregates(Meter site, Meter battery, Meter load, Meter solar) {

    /**
     * One section of the aggregates. Energies, reactive and apparent power and frequency are not
     * available over TEDAPI and are always written as 0, as pypowerwall does.
     *
     * @param lastCommunicationTime {@code status.system.time}, passed through as text, or null
     * @param instantPower real power in W from {@code control.meterAggregates}, or null
     * @param instantAverageVoltage line-to-line voltage in V (see {@link LegacyViews#aggregates}),
     *     or null when unknown
     * @param instantAverageCurrent power / voltage in A, or null when the voltage is unknown
     * @param iACurrent CT current of phase A in A (0 when not measured)
     * @param iBCurrent CT current of phase B in A (0 when not measured)
     * @param iCCurrent CT current of phase C in A (0 when not measured)
     * @param numMetersAggregated how many devices the voltage was averaged over (1 for site and load)
     * @param timeout pypowerwall's fixed {@code timeout} value (1500000000, solar 1000000000)
     * @param disclaimer where the voltage and current came from
     */
    public record Meter(
            String lastCommunicationTime,
            Double instantPower,
            Double instantAverageVoltage,
            Double instantAverageCurrent,
            double iACurrent,
            double iBCurrent,
            double iCCurrent,
            int numMetersAggregated,
            long timeout,
            String disclaimer) {

        /** @return this section with another power (the current is recomputed from the voltage) */
        Meter withPower(Double power) {
            Double current = power == null || instantAverageVoltage == null ? null : power / instantAverageVoltage;
            return new Meter(
                    lastCommunicationTime,
                    power,
                    instantAverageVoltage,
                    current,
                    iACurrent,
                    iBCurrent,
                    iCCurrent,
                    numMetersAggregated,
                    timeout,
                    disclaimer);
        }

        ObjectNode toJson() {
            ObjectNode n = Trees.NODES.objectNode();
            n.set("last_communication_time", Trees.textOrNull(lastCommunicationTime));
            n.set("instant_power", Trees.numberOrNull(instantPower));
            n.put("instant_reactive_power", 0);
            n.put("instant_apparent_power", 0);
            n.put("frequency", 0);
            n.put("energy_exported", 0);
            n.put("energy_imported", 0);
            n.set("instant_average_voltage", Trees.numberOrNull(instantAverageVoltage));
            n.set("instant_average_current", Trees.numberOrNull(instantAverageCurrent));
            n.put("i_a_current", iACurrent);
            n.put("i_b_current", iBCurrent);
            n.put("i_c_current", iCCurrent);
            n.put("last_phase_voltage_communication_time", "0001-01-01T00:00:00Z");
            n.put("last_phase_power_communication_time", "0001-01-01T00:00:00Z");
            n.put("last_phase_energy_communication_time", "0001-01-01T00:00:00Z");
            n.put("timeout", timeout);
            n.put("num_meters_aggregated", numMetersAggregated);
            n.set("instant_total_current", Trees.numberOrNull(instantAverageCurrent));
            n.put("disclaimer", disclaimer);
            return n;
        }
    }

    /**
     * pypowerwall's {@code PW_NEG_SOLAR=no}: negative solar (inverter standby draw) is moved into
     * the load and solar becomes 0.
     *
     * @return the aggregates with non-negative solar
     */
    public MeterAggregates withoutNegativeSolar() {
        Double s = solar.instantPower();
        if (s == null || s >= 0) {
            return this;
        }
        Double l = load.instantPower();
        return new MeterAggregates(site, battery, load.withPower(l == null ? null : l - s), solar.withPower(0.0));
    }

    /** @return the pypowerwall-shaped JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.set("site", site.toJson());
        n.set("battery", battery.toJson());
        n.set("load", load.toJson());
        n.set("solar", solar.toJson());
        return n;
    }
}
