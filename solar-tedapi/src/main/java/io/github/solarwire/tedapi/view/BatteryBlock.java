package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One battery of {@code /api/system_status} {@code battery_blocks} and of the {@code /pod},
 * {@code /freq} and battery views: a Powerwall (one per TEPINV vitals block) or a PW3 DC
 * expansion pack.
 *
 * @param type {@code ""} for a Powerwall, {@code BatteryExpansion} for a DC expansion
 * @param partNumber the package part number, or null
 * @param serialNumber the package serial number, or null
 * @param pinvState the inverter state as the gateway reports it (a number on PW2, text such as
 *     {@code AcMode_GridFollowing} on PW3), or null
 * @param pinvGridState the inverter grid state (PW2 only), or null
 * @param nominalEnergyRemainingWh energy left in Wh, or null
 * @param nominalFullPackEnergyWh full-pack energy in Wh, or null
 * @param pOutKw inverter output power {@code PINV_Pout}: kW on PW3 ({@code PCH_BatteryPower}/1000);
 *     on PW2 the gateway's value unchanged; null for an expansion
 * @param vOut inverter AC voltage in V, or null
 * @param fOut inverter AC frequency in Hz, or null
 * @param temperatureC the THC ambient temperature in °C (PW2 with the full query), or null
 */
public record BatteryBlock(
        String type,
        String partNumber,
        String serialNumber,
        JsonNode pinvState,
        JsonNode pinvGridState,
        Double nominalEnergyRemainingWh,
        Double nominalFullPackEnergyWh,
        Double pOutKw,
        Double vOut,
        Double fOut,
        Double temperatureC) {

    /** @return the {@code system_status.battery_blocks[]} JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.put("Type", type);
        n.set("PackagePartNumber", Trees.textOrNull(partNumber));
        n.set("PackageSerialNumber", Trees.textOrNull(serialNumber));
        n.putArray("disabled_reasons");
        n.set("pinv_state", Trees.copyOrNull(pinvState));
        n.set("pinv_grid_state", Trees.copyOrNull(pinvGridState));
        n.set("nominal_energy_remaining", wh(nominalEnergyRemainingWh));
        n.set("nominal_full_pack_energy", wh(nominalFullPackEnergyWh));
        n.set("p_out", Trees.numberOrNull(pOutKw));
        n.putNull("q_out");
        n.set("v_out", Trees.numberOrNull(vOut));
        n.set("f_out", Trees.numberOrNull(fOut));
        n.putNull("i_out");
        for (String k : new String[] {
            "energy_charged",
            "energy_discharged",
            "off_grid",
            "vf_mode",
            "wobble_detected",
            "charge_power_clamped",
            "backup_ready",
            "OpSeqState",
            "version"
        }) {
            n.putNull(k);
        }
        return n;
    }

    private static JsonNode wh(Double value) {
        return value == null ? Trees.NODES.nullNode() : VitalsSynthesizer.number(value);
    }
}
