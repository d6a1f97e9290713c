package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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

        void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            text(g, "last_communication_time", lastCommunicationTime);
            number(g, "instant_power", instantPower);
            for (String zero : new String[] {
                "instant_reactive_power", "instant_apparent_power", "frequency", "energy_exported", "energy_imported"
            }) {
                g.writeNumberField(zero, 0);
            }
            number(g, "instant_average_voltage", instantAverageVoltage);
            number(g, "instant_average_current", instantAverageCurrent);
            g.writeNumberField("i_a_current", iACurrent);
            g.writeNumberField("i_b_current", iBCurrent);
            g.writeNumberField("i_c_current", iCCurrent);
            for (String time : new String[] {
                "last_phase_voltage_communication_time",
                "last_phase_power_communication_time",
                "last_phase_energy_communication_time"
            }) {
                g.writeStringField(time, "0001-01-01T00:00:00Z");
            }
            g.writeNumberField("timeout", timeout);
            g.writeNumberField("num_meters_aggregated", numMetersAggregated);
            number(g, "instant_total_current", instantAverageCurrent);
            text(g, "disclaimer", disclaimer);
            g.writeEndObject();
        }

        private static void number(JsonGenerator g, String name, Double value) throws IOException {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeNumberField(name, value);
            }
        }

        private static void text(JsonGenerator g, String name, String value) throws IOException {
            if (value == null) {
                g.writeNullField(name);
            } else {
                g.writeStringField(name, value);
            }
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

    /**
     * Writes the pypowerwall-shaped JSON straight from the values (this is the hot path of a
     * poller, so no tree is built).
     *
     * @return the JSON object as UTF-8 bytes
     */
    public byte[] toJsonBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = Trees.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("site");
            site.write(g);
            g.writeFieldName("battery");
            battery.write(g);
            g.writeFieldName("load");
            load.write(g);
            g.writeFieldName("solar");
            solar.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** @return the pypowerwall-shaped JSON object */
    public ObjectNode toJson() {
        return (ObjectNode) Trees.parseTrusted(toJsonBytes());
    }
}
