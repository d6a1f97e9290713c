package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One PV string of the {@code /strings} view (DC side).
 *
 * @param current string current in A (PW3: clamped at 0), or null
 * @param voltage string voltage in V (PW2 reports -1 for an unused string; PW3 is clamped at 0),
 *     or null
 * @param power voltage × current in W, or null
 * @param state {@code PV_Active}/{@code PV_Disabled} (PW2) or the PW3 state text such as {@code
 *     Pv_Active_Parallel}
 * @param connected whether the string is connected, or null when unknown
 */
public record PvString(Double current, Double voltage, Double power, String state, Boolean connected) {

    ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.set("Connected", connected == null ? Trees.NODES.nullNode() : Trees.NODES.booleanNode(connected));
        n.set("Current", Trees.numberOrNull(current));
        n.set("Power", Trees.numberOrNull(power));
        n.set("State", Trees.textOrNull(state));
        n.set("Voltage", Trees.numberOrNull(voltage));
        return n;
    }
}
