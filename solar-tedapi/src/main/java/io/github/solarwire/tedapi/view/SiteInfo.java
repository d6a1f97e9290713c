package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /api/site_info} view, read from config {@code site_info}. (pypowerwall reads the
 * top level of config by mistake and returns only nulls.)
 *
 * @param maxSystemEnergyKWh {@code nominal_system_energy_ac} in kWh, or null
 * @param maxSystemPowerKW {@code nominal_system_power_ac} in kW, or null
 * @param siteName the site name, or null
 * @param timezone the IANA time zone, or null
 * @param maxSiteMeterPowerKW {@code max_site_meter_power_ac}, or null
 * @param minSiteMeterPowerKW {@code min_site_meter_power_ac}, or null
 * @param nominalSystemEnergyKWh {@code nominal_system_energy_ac} in kWh, or null
 * @param nominalSystemPowerKW {@code nominal_system_power_ac} in kW, or null
 * @param panelMaxCurrent the main panel rating in A, or null
 * @param gridCode the grid code name, or null
 * @param country the country, or null
 * @param state the state, or null
 * @param utility the utility, or null
 */
public record SiteInfo(
        Double maxSystemEnergyKWh,
        Double maxSystemPowerKW,
        String siteName,
        String timezone,
        Double maxSiteMeterPowerKW,
        Double minSiteMeterPowerKW,
        Double nominalSystemEnergyKWh,
        Double nominalSystemPowerKW,
        Double panelMaxCurrent,
        String gridCode,
        String country,
        String state,
        String utility) {

    /** @return the pypowerwall-shaped JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.set("max_system_energy_kWh", Trees.numberOrNull(maxSystemEnergyKWh));
        n.set("max_system_power_kW", Trees.numberOrNull(maxSystemPowerKW));
        n.set("site_name", Trees.textOrNull(siteName));
        n.set("timezone", Trees.textOrNull(timezone));
        n.set("max_site_meter_power_kW", Trees.numberOrNull(maxSiteMeterPowerKW));
        n.set("min_site_meter_power_kW", Trees.numberOrNull(minSiteMeterPowerKW));
        n.set("nominal_system_energy_kWh", Trees.numberOrNull(nominalSystemEnergyKWh));
        n.set("nominal_system_power_kW", Trees.numberOrNull(nominalSystemPowerKW));
        n.set("panel_max_current", Trees.numberOrNull(panelMaxCurrent));
        ObjectNode g = n.putObject("grid_code");
        g.set("grid_code", Trees.textOrNull(gridCode));
        g.putNull("grid_voltage_setting");
        g.putNull("grid_freq_setting");
        g.putNull("grid_phase_setting");
        g.set("country", Trees.textOrNull(country));
        g.set("state", Trees.textOrNull(state));
        g.set("utility", Trees.textOrNull(utility));
        return n;
    }
}
