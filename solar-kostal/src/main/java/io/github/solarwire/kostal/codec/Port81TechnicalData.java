package io.github.solarwire.kostal.codec;

import java.util.List;

/**
 * The port-81 technical data (command 0x43): three DC inputs and three AC phases, converted to V,
 * A and W. Inputs and phases the inverter lacks read 0.
 *
 * @param dc DC inputs 1 to 3
 * @param ac AC phases 1 to 3
 * @param acStatus the AC status bits (0x01 I, 0x02 C, 0x04/0x08/0x10 L1/L2/L3, 0x100 E)
 */
public record Port81TechnicalData(List<Dc> dc, List<Ac> ac, int acStatus) {

    /** Default reference of the temperature formula; 0x8000 on PIKO 5.5 (a heuristic). */
    public static final int DEFAULT_TEMPERATURE_REFERENCE = 0xC800;

    /**
     * Copies the lists.
     *
     * @param dc see the record description
     * @param ac see the record description
     * @param acStatus see the record description
     */
    public Port81TechnicalData {
        dc = List.copyOf(dc);
        ac = List.copyOf(ac);
    }

    /**
     * One DC input.
     *
     * @param voltage V (wire: 0.1 V)
     * @param current A (wire: 0.01 A)
     * @param power W
     * @param temperatureRaw the raw temperature reading; see {@link #celsius}
     * @param status the raw status word
     */
    public record Dc(double voltage, double current, double power, int temperatureRaw, int status) {}

    /**
     * One AC phase.
     *
     * @param voltage V (wire: 0.1 V)
     * @param current A (wire: 0.01 A)
     * @param power W
     * @param temperatureRaw the raw temperature reading; see {@link #celsius}
     */
    public record Ac(double voltage, double current, double power, int temperatureRaw) {}

    /**
     * A raw temperature in °C: (reference − raw) / 448 + 22, clamped to 0…99.99.
     *
     * @param raw the raw reading
     * @param reference {@link #DEFAULT_TEMPERATURE_REFERENCE}, or 0x8000 on a PIKO 5.5
     * @return °C
     */
    public static double celsius(int raw, int reference) {
        double c = (reference - raw) / 448.0 + 22;
        return Math.max(0, Math.min(99.99, c));
    }
}
