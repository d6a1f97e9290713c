package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code QPIWS} reply: one {@code 0}/{@code 1} character per warning (32 on older PI30
 * firmware, 36 on PI30MAX, up to 38 in the 2015 document), read with the variant's table ({@link
 * Pi30Warning#table}). Over temperature, fan locked, battery voltage high and overload are faults
 * when the inverter-fault character (position 1) is set, warnings otherwise.
 *
 * @param protocol the variant whose table was used
 * @param bits the characters as sent
 * @param active the warnings set, in position order (reserved positions and fault-code bits
 *     left out)
 */
public record QpiwsResponse(Pi30Protocol protocol, String bits, List<ActiveWarning> active) {

    /**
     * Copies the list.
     *
     * @param protocol see the record description
     * @param bits see the record description
     * @param active see the record description
     */
    public QpiwsResponse {
        active = List.copyOf(active);
    }

    /**
     * One warning that is set.
     *
     * @param position its character position, from 0
     * @param warning what it is
     * @param fault true when it is a fault, false for a warning
     */
    public record ActiveWarning(int position, Pi30Warning warning, boolean fault) {}

    /**
     * Whether the character at a position is {@code 1}.
     *
     * @param position from 0
     * @return true when set; false when unset or beyond the reply
     */
    public boolean isSet(int position) {
        return position >= 0 && position < bits.length() && bits.charAt(position) == '1';
    }

    /**
     * Whether any active warning is a fault.
     *
     * @return true when the inverter reports a fault
     */
    public boolean hasFault() {
        for (ActiveWarning w : active) {
            if (w.fault()) {
                return true;
            }
        }
        return false;
    }

    static QpiwsResponse decode(Pi30Protocol protocol, Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QPIWS", frame).require(1, 1);
        String bits = f.text();
        if (bits.length() < 32 || bits.length() > 64) {
            throw f.invalid("warning bits", "32 to 64 characters 0 or 1");
        }
        boolean inverterFault = bits.charAt(1) == '1';
        List<ActiveWarning> active = new ArrayList<>(4);
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c != '0' && c != '1') {
                throw f.invalid("warning bits", "32 to 64 characters 0 or 1");
            }
            Pi30Warning warning = Pi30Warning.at(protocol, i);
            if (c == '1' && warning.isWarning()) {
                active.add(new ActiveWarning(i, warning, Pi30Warning.isFault(protocol, i, inverterFault)));
            }
        }
        return new QpiwsResponse(protocol, bits, active);
    }
}
