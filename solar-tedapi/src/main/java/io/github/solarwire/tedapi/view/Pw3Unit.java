package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One Powerwall 3 as its ComponentsQuery result describes it: the PCH (power conversion: PV
 * strings, AC side, battery power), the BMS energies and HVP serials, and the active alerts.
 *
 * @param din the unit DIN
 * @param components the ComponentsQuery result ({@code {"components":{"pch":[…],"bms":[…],…}}})
 */
record Pw3Unit(String din, JsonNode components) {

    /** The PV string letters a PW3 reports. */
    static final String STRINGS = "ABCDEF";

    /** One BMS slot: energies in kWh, and the serial of the matching HVP (battery) or null. */
    record Bms(Double remainingKwh, Double fullKwh, String hvpSerial, List<String> alerts) {}

    private JsonNode first(String type) {
        List<JsonNode> list = Trees.elements(components, "components", type);
        return list.isEmpty() ? null : list.get(0);
    }

    /** The signal entry named {@code name} of the first component of {@code type}, or null. */
    private static JsonNode signal(JsonNode component, String name) {
        for (JsonNode s : Trees.elements(component, "signals")) {
            if (name.equals(Trees.text(s, "name"))) {
                return s;
            }
        }
        return null;
    }

    /** A numeric PCH signal ({@code value}), or null. */
    Double pch(String name) {
        return Trees.number(signal(first("pch"), name), "value");
    }

    /** An enum PCH signal ({@code textValue}), or null. */
    String pchText(String name) {
        return Trees.text(signal(first("pch"), name), "textValue");
    }

    /** PV string state, e.g. {@code Pv_Active}; {@code Unknown} when not reported. */
    String stringState(char letter) {
        String state = pchText("PCH_PvState_" + letter);
        return state == null ? "Unknown" : state;
    }

    /** @return whether the string's state contains {@code Pv_Active} (so Pv_Active_Parallel counts) */
    boolean stringConnected(char letter) {
        return stringState(letter).contains("Pv_Active");
    }

    /** DC string voltage in V, clamped at 0 (unused strings report -1), or null. */
    Double stringVoltage(char letter) {
        return clamp(pch("PCH_PvVoltage" + letter));
    }

    /** DC string current in A, clamped at 0, or null. */
    Double stringCurrent(char letter) {
        return clamp(pch("PCH_PvCurrent" + letter));
    }

    private static Double clamp(Double v) {
        return v == null ? null : Math.max(0.0, v);
    }

    /** Battery power in W (negative = charging). */
    Double batteryPowerW() {
        return pch("PCH_BatteryPower");
    }

    /** AC line-to-line voltage (A–B) in V. */
    Double acVoltage() {
        return pch("PCH_AcVoltageAB");
    }

    /** The BMS slots, index 0 being the unit itself. */
    List<Bms> bms() {
        List<JsonNode> bms = Trees.elements(components, "components", "bms");
        List<JsonNode> hvp = Trees.elements(components, "components", "hvp");
        List<Bms> list = new ArrayList<>();
        for (int i = 0; i < bms.size(); i++) {
            JsonNode b = bms.get(i);
            JsonNode h = i < hvp.size() ? hvp.get(i) : null;
            List<String> alerts = new ArrayList<>(alertNames(b));
            alerts.addAll(alertNames(h));
            list.add(new Bms(
                    Trees.number(signal(b, "BMS_nominalEnergyRemaining"), "value"),
                    Trees.number(signal(b, "BMS_nominalFullPackEnergy"), "value"),
                    Trees.text(h, "serialNumber"),
                    List.copyOf(new LinkedHashSet<>(alerts))));
        }
        return list;
    }

    /** The union of the first component's active alerts of every component type, in order. */
    List<String> alerts() {
        Set<String> names = new LinkedHashSet<>();
        JsonNode types = Trees.object(Trees.at(components, "components"));
        if (types != null) {
            types.forEach(list -> {
                List<JsonNode> items = Trees.elements(list);
                if (!items.isEmpty()) {
                    names.addAll(alertNames(items.get(0)));
                }
            });
        }
        return List.copyOf(names);
    }

    private static List<String> alertNames(JsonNode component) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : Trees.elements(component, "activeAlerts")) {
            String name = Trees.text(a, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }
}
