package io.github.solarwire.kostal.codec;

import java.util.List;
import java.util.Optional;

/**
 * One decoded snapshot of a PIKO inverter, from any source (status page, port 81, MP plus XML), in
 * canonical units: W, Wh, V, A.
 *
 * <p>A null value means "no reading": the inverter showed {@code x x x} or left the value out.
 * Strings and phases the inverter does not have are not in the lists at all; an existing one whose
 * values are unknown is in the list with null values.
 *
 * @param model the model, e.g. {@code "PIKO 5.5"}, or null
 * @param name the inverter name, e.g. {@code "Namenlos"}, or null
 * @param address the RS485 bus address, e.g. 255, or null
 * @param acPower the AC output power in W, or null
 * @param energyTotal the total energy yield in Wh, or null
 * @param energyToday the energy yield of the day in Wh, or null
 * @param status the status text as the inverter shows it (in its language), or null
 * @param strings the PV strings (DC inputs) the inverter has, in order of their number
 * @param phases the AC phases the inverter has, in order of their number
 */
public record PikoStatus(
        String model,
        String name,
        Integer address,
        Double acPower,
        Double energyTotal,
        Double energyToday,
        String status,
        List<PvString> strings,
        List<Phase> phases) {

    /**
     * Copies the lists.
     *
     * @param model see the record description
     * @param name see the record description
     * @param address see the record description
     * @param acPower see the record description
     * @param energyTotal see the record description
     * @param energyToday see the record description
     * @param status see the record description
     * @param strings see the record description
     * @param phases see the record description
     */
    public PikoStatus {
        strings = List.copyOf(strings);
        phases = List.copyOf(phases);
    }

    /**
     * A PV string (DC input) that exists on this inverter.
     *
     * @param number 1, 2 or 3
     * @param voltage the voltage in V, or null
     * @param current the current in A, or null
     * @param power the power in W, or null (the status page does not show it)
     */
    public record PvString(int number, Double voltage, Double current, Double power) {}

    /**
     * An AC phase that exists on this inverter.
     *
     * @param number 1, 2 or 3
     * @param voltage the voltage in V, or null
     * @param current the current in A, or null (the status page does not show it)
     * @param power the power in W, or null
     */
    public record Phase(int number, Double voltage, Double current, Double power) {}

    /**
     * The string of a number, when the inverter has it.
     *
     * @param number 1 to 3
     * @return the string, or empty
     */
    public Optional<PvString> string(int number) {
        return strings.stream().filter(s -> s.number() == number).findFirst();
    }

    /**
     * The phase of a number, when the inverter has it.
     *
     * @param number 1 to 3
     * @return the phase, or empty
     */
    public Optional<Phase> phase(int number) {
        return phases.stream().filter(p -> p.number() == number).findFirst();
    }

    /**
     * The status word mapped to the inverter's state, in any language.
     *
     * @return the state
     */
    public PikoState state() {
        return PikoState.of(status);
    }
}
