package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code QMCHGCR}, {@code QMUCHGCR} and {@code QMSCHGCR} reply: the currents the max (utility,
 * solar) charging current may be set to, e.g. {@code 010 020 … 120}.
 *
 * @param amperes the selectable currents, A, in the order sent
 */
public record ChargingCurrentOptions(List<Integer> amperes) {

    /**
     * Copies the list.
     *
     * @param amperes see the record description
     */
    public ChargingCurrentOptions {
        amperes = List.copyOf(amperes);
    }

    /**
     * Whether a current is one of the options.
     *
     * @param amps the current, A
     * @return true when it may be set
     */
    public boolean allows(int amps) {
        return amperes.contains(amps);
    }

    static ChargingCurrentOptions decode(String command, Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of(command, frame).require(1);
        List<Integer> amperes = new ArrayList<>(f.count());
        while (f.hasNext()) {
            amperes.add(f.integer("current option"));
        }
        return new ChargingCurrentOptions(amperes);
    }
}
