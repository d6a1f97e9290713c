package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the {@code /strings} view from the vitals (see {@link LegacyViews#strings}). */
final class StringsView {

    private static final String[] SUFFIXES = {"", "1", "2", "3", "4", "5", "6", "7", "8"};

    private StringsView() {}

    static Map<String, PvString> of(Vitals vitals) {
        Map<String, PvString> strings = new LinkedHashMap<>();
        int device = 0;
        for (Map.Entry<String, ObjectNode> e : vitals.blocks().entrySet()) {
            if (!e.getKey().startsWith("PVAC--") || device >= SUFFIXES.length) {
                continue;
            }
            ObjectNode pvac = e.getValue();
            ObjectNode pvs = vitals.blocks().get("PVS--" + e.getKey().substring("PVAC--".length()));
            for (char s = 'A'; s <= 'Z'; s++) {
                if (!pvac.has("PVAC_PvState_" + s) && !pvac.has("PVAC_PVCurrent_" + s)) {
                    continue;
                }
                Boolean connected = pvs == null || !pvs.has("PVS_String" + s + "_Connected")
                        ? null
                        : Trees.truthy(pvs.get("PVS_String" + s + "_Connected"));
                strings.put(
                        s + SUFFIXES[device],
                        new PvString(
                                Trees.number(pvac.get("PVAC_PVCurrent_" + s)),
                                Trees.number(pvac.get("PVAC_PVMeasuredVoltage_" + s)),
                                Trees.number(pvac.get("PVAC_PVMeasuredPower_" + s)),
                                Trees.text(pvac.get("PVAC_PvState_" + s)),
                                connected));
            }
            device++;
        }
        return strings;
    }
}
