package io.github.solarwire.pvs.ess;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One poll of a SunVault: what each unit answered, and why the others did not. A unit that did not
 * answer is in {@link #failures()} only; it does not spoil the others.
 *
 * @param time when the poll started
 * @param units the decoded data of every unit that answered, in configured order
 * @param failures the error of every unit that did not, in configured order
 */
public record SunVaultPoll(
        Instant time, Map<SunVaultUnit, SunVaultUnitData> units, Map<SunVaultUnit, IOException> failures) {

    /**
     * Copies the maps, keeping their order.
     *
     * @param time when the poll started
     * @param units the decoded data of every unit that answered
     * @param failures the error of every unit that did not
     */
    public SunVaultPoll {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /**
     * Every value in the {@code <device>/<key>} layout, e.g. {@code gateway/battery_soc} → 85 or
     * {@code bms230/battery_voltage} → 52.3, for publishing under an MQTT prefix.
     *
     * @return an unmodifiable map in unit and register order
     */
    public Map<String, Object> topics() {
        Map<String, Object> out = new LinkedHashMap<>();
        units.forEach((unit, data) -> data.values().forEach((key, value) -> out.put(unit.name() + "/" + key, value)));
        return Collections.unmodifiableMap(out);
    }
}
