package io.github.solarwire.mqtt;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.MetricKind;
import java.util.Optional;

/**
 * How Home Assistant should show a metric: device class, state class, unit, and the factor from
 * the canonical unit to the one shown (energy is published in Wh and shown in kWh, as the Energy
 * dashboard expects).
 *
 * @param deviceClass the sensor's {@code device_class}, or empty for none
 * @param stateClass {@code measurement}, {@code total_increasing} or {@code total}
 * @param unit the {@code unit_of_measurement}, or empty for none
 * @param scale the factor from the canonical value to the shown one
 */
public record HomeAssistantEntity(
        Optional<String> deviceClass, String stateClass, Optional<String> unit, double scale) {

    /**
     * The entity description for a metric, from its unit, kind and key.
     *
     * @param metric the metric
     * @return how Home Assistant should show it
     */
    public static HomeAssistantEntity of(Metric metric) {
        boolean total = metric.kind() == MetricKind.TOTAL;
        String stateClass = total ? "total_increasing" : "measurement";
        return switch (metric.unit()) {
            case WATT -> entity("power", stateClass, "W", 1);
            case WATT_HOUR ->
                total ? entity("energy", stateClass, "kWh", 0.001) : entity("energy_storage", stateClass, "kWh", 0.001);
            case VOLT -> entity("voltage", stateClass, "V", 1);
            case AMPERE -> entity("current", stateClass, "A", 1);
            case HERTZ -> entity("frequency", stateClass, "Hz", 1);
            case CELSIUS -> entity("temperature", stateClass, "°C", 1);
            case PERCENT -> entity(metric.key().endsWith("soc") ? "battery" : null, stateClass, "%", 1);
            case VOLT_AMPERE -> entity("apparent_power", stateClass, "VA", 1);
            case VAR -> entity("reactive_power", stateClass, "var", 1);
            case OHM -> entity(null, stateClass, "Ω", 1);
            case SECOND -> entity("duration", stateClass, "s", 1);
            case NONE -> entity(metric.key().endsWith("power_factor") ? "power_factor" : null, stateClass, null, 1);
        };
    }

    /**
     * The Jinja template that reads this metric from the JSON state message.
     *
     * @param metric the metric
     * @return e.g. {@code {{ value_json['pv.power'] }}}
     */
    public String valueTemplate(Metric metric) {
        String value = "value_json['" + metric.key() + "']";
        return scale == 1 ? "{{ " + value + " }}" : "{{ (" + value + " * " + scale + ") | round(6) }}";
    }

    private static HomeAssistantEntity entity(String deviceClass, String stateClass, String unit, double scale) {
        return new HomeAssistantEntity(Optional.ofNullable(deviceClass), stateClass, Optional.ofNullable(unit), scale);
    }
}
