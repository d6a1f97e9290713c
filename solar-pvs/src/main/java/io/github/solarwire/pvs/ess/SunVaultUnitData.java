package io.github.solarwire.pvs.ess;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one poll read from one SunVault unit: the values by {@code <key>} (text as {@link String},
 * unscaled integers as {@link Long}, scaled values as {@link Double}; values the device reports as
 * not implemented are absent), and their solarwire metrics. Immutable and thread-safe.
 */
public final class SunVaultUnitData {

    private final SunVaultUnit unit;
    private final Map<String, Object> values;
    private final Map<Metric, Double> metrics;

    SunVaultUnitData(SunVaultUnit unit, Map<String, Object> values, Map<Metric, Double> metrics) {
        this.unit = unit;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The unit the values come from.
     *
     * @return the unit
     */
    public SunVaultUnit unit() {
        return unit;
    }

    /**
     * The values by snake_case key ({@code battery_soc}, {@code manufacturer}, …), in register
     * table order; the keys under {@link SunVaultUnit#name()} in the {@code <device>/<key>} layout.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * A text value.
     *
     * @param key the key, e.g. {@code serial}
     * @return the text, or empty when absent or not text
     */
    public Optional<String> text(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * A numeric value in the unit of its {@link SunVaultRegister}.
     *
     * @param key the key, e.g. {@code battery_power}
     * @return the number, or empty when absent or not a number
     */
    public OptionalDouble number(String key) {
        return values.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /**
     * The unit's identity as a solarwire device: vendor from {@code manufacturer} (Schneider
     * Electric when absent), model, serial and firmware ({@code version}) as read.
     *
     * @param id the device id to give it
     * @param parentId the gateway's device id, or null for the gateway itself
     * @return the device info
     */
    public DeviceInfo deviceInfo(String id, String parentId) {
        return DeviceInfo.builder(id, unit.kind().deviceKind())
                .vendor(text("manufacturer").orElse("Schneider Electric"))
                .protocol("modbus-tcp")
                .model(text("model").orElse(null))
                .serial(text("serial").orElse(null))
                .firmware(text("version").orElse(null))
                .parentId(parentId)
                .build();
    }

    /**
     * The values as a solarwire reading: {@code battery.soc} (%), {@code battery.power} (W, positive
     * while discharging), {@code grid.power} (W, positive while importing), and so on, as mapped in
     * {@link SunVaultRegister}.
     *
     * @param device the unit as a device
     * @param time when it was read
     * @return the reading
     */
    public Reading toReading(DeviceInfo device, Instant time) {
        Reading.Builder b = Reading.builder(device, time);
        metrics.forEach(b::add);
        return b.build();
    }

    @Override
    public String toString() {
        return "SunVaultUnitData[" + unit.name() + " " + values + "]";
    }
}
