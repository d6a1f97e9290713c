package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The battery-block views: blocks, by-serial, system status, {@code /freq} and {@code /pod}. */
final class BatteryViews {

    private static final String[] POD_FLAGS = {
        "POD_ActiveHeating",
        "POD_ChargeComplete",
        "POD_ChargeRequest",
        "POD_DischargeComplete",
        "POD_PermanentlyFaulted",
        "POD_PersistentlyFaulted",
        "POD_enable_line"
    };
    private static final String[] BLOCK_FLAGS = {
        "off_grid", "vf_mode", "wobble_detected", "charge_power_clamped", "backup_ready"
    };

    private BatteryViews() {}

    static List<BatteryBlock> blocks(Site site, Vitals vitals) {
        Map<String, ObjectNode> v = vitals.blocks();
        List<BatteryBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : v.entrySet()) {
            if (!e.getKey().startsWith("TEPINV--")) {
                continue;
            }
            String din = e.getKey().substring("TEPINV--".length());
            String[] parts = Site.splitDin(din);
            ObjectNode inv = e.getValue();
            ObjectNode pod = v.get("TEPOD--" + din);
            ObjectNode thc = v.get("TETHC--" + din);
            blocks.add(new BatteryBlock(
                    "",
                    parts[0],
                    parts[1],
                    inv.get("PINV_State"),
                    inv.get("PINV_GridState"),
                    pod == null ? null : Trees.number(pod.get("POD_nom_energy_remaining")),
                    pod == null ? null : Trees.number(pod.get("POD_nom_full_pack_energy")),
                    Trees.number(inv.get("PINV_Pout")),
                    Trees.number(inv.get("PINV_Vout")),
                    Trees.number(inv.get("PINV_Fout")),
                    thc == null ? null : Trees.number(thc.get("THC_AmbientTemp"))));
        }
        for (JsonNode block : Trees.elements(site.config, "battery_blocks")) {
            for (JsonNode exp : Trees.elements(block, "battery_expansions")) {
                String din = Trees.text(exp, "din");
                if (din == null) {
                    continue;
                }
                String[] parts = Site.splitDin(din);
                ObjectNode pod = v.get("TEPOD--" + din);
                blocks.add(new BatteryBlock(
                        "BatteryExpansion",
                        parts[0],
                        parts[1],
                        null,
                        null,
                        pod == null ? null : Trees.number(pod.get("POD_nom_energy_remaining")),
                        pod == null ? null : Trees.number(pod.get("POD_nom_full_pack_energy")),
                        null,
                        null,
                        null,
                        null));
            }
        }
        return blocks;
    }

    static ObjectNode bySerial(List<BatteryBlock> blocks) {
        ObjectNode n = Trees.NODES.objectNode();
        for (BatteryBlock b : blocks) {
            ObjectNode j = b.toJson();
            j.remove("PackageSerialNumber");
            if (b.temperatureC() != null || "".equals(b.type()) && b.pinvGridState() != null) {
                j.putNull("THC_State");
                j.set("temperature", Trees.numberOrNull(b.temperatureC()));
            }
            n.set(String.valueOf(b.serialNumber()), j);
        }
        return n;
    }

    static ObjectNode systemStatus(Site site, List<BatteryBlock> blocks) {
        int count = Trees.elements(site.status, "control", "batteryBlocks").size();
        ObjectNode n = Trees.NODES.objectNode();
        n.put("command_source", "Configuration");
        n.put("battery_target_power", 0);
        n.put("battery_target_reactive_power", 0);
        systemEnergies(n, site);
        n.put("max_power_energy_remaining", 0);
        n.put("max_power_energy_to_be_charged", 0);
        n.putNull("max_charge_power");
        n.putNull("max_discharge_power");
        n.putNull("max_apparent_power");
        n.put("instantaneous_max_discharge_power", 0);
        n.put("instantaneous_max_charge_power", 0);
        n.put("instantaneous_max_apparent_power", 0);
        n.put("hardware_capability_charge_power", 0);
        n.put("hardware_capability_discharge_power", 0);
        n.putNull("grid_services_power");
        n.set("system_island_state", Trees.textOrNull(site.gridStatus()));
        n.put("available_blocks", count);
        n.put("available_charger_blocks", 0);
        ArrayNode list = n.putArray("battery_blocks");
        blocks.forEach(b -> list.add(b.toJson()));
        n.put("ffr_power_availability_high", 0);
        n.put("ffr_power_availability_low", 0);
        n.put("load_charge_constraint", 0);
        n.put("max_sustained_ramp_rate", 0);
        n.putArray("grid_faults");
        n.put("can_reboot", "Yes");
        n.put("smart_inv_delta_p", 0);
        n.put("smart_inv_delta_q", 0);
        // pypowerwall's template constant, kept so consumers see the same shape.
        n.put("last_toggle_timestamp", "2023-10-13T04:08:05.957195-07:00");
        n.putNull("solar_real_power_limit");
        n.put("score", 10000);
        n.put("blocks_controlled", count);
        n.put("primary", true);
        n.put("auxiliary_load", 0);
        n.put("all_enable_lines_high", true);
        n.put("inverter_nominal_usable_power", 0);
        n.put("expected_energy_remaining", 0);
        return n;
    }

    /** Writes one battery block's {@code PW<n>_} keys, given its own vitals block (or null). */
    private interface BlockWriter {
        void write(String prefix, ObjectNode vitalsBlock, BatteryBlock block);
    }

    /**
     * For each battery block, {@code PW<n>_name} = the key of the vitals block of {@code type} with
     * the block's part and serial (null when there is none), then the writer's keys.
     */
    private static void perBlock(ObjectNode n, Site site, String type, BlockWriter writer) {
        Vitals vitals = new Vitals(VitalsSynthesizer.build(site));
        int i = 1;
        for (BatteryBlock b : blocks(site, vitals)) {
            String prefix = "PW" + i++ + "_";
            String key = type + "--" + b.partNumber() + "--" + b.serialNumber();
            ObjectNode own = vitals.blocks().get(key);
            n.set(prefix + "name", own == null ? Trees.NODES.nullNode() : Trees.NODES.textNode(key));
            writer.write(prefix, own, b);
        }
        if ("TEPINV".equals(type)) {
            vitals.blocks().forEach((k, block) -> {
                if (k.startsWith("TESYNC--") || k.startsWith("TEMSA--")) {
                    block.properties().forEach(f -> {
                        if (f.getKey().startsWith("ISLAND_") || f.getKey().startsWith("METER_")) {
                            n.set(f.getKey(), f.getValue().deepCopy());
                        }
                    });
                }
            });
        }
    }

    private static void copy(ObjectNode n, String prefix, JsonNode from, String... keys) {
        for (String k : keys) {
            n.set(prefix + k, from == null ? Trees.NODES.nullNode() : Trees.copyOrNull(from.get(k)));
        }
    }

    private static void systemEnergies(ObjectNode n, Site site) {
        n.set(
                "nominal_full_pack_energy",
                Trees.copyOrNull(Trees.at(site.status, "control", "systemStatus", "nominalFullPackEnergyWh")));
        n.set(
                "nominal_energy_remaining",
                Trees.copyOrNull(Trees.at(site.status, "control", "systemStatus", "nominalEnergyRemainingWh")));
    }

    static ObjectNode freq(Site site) {
        ObjectNode n = Trees.NODES.objectNode();
        perBlock(n, site, "TEPINV", (p, inv, b) -> {
            copy(n, p, inv, "PINV_Fout", "PINV_VSplit1", "PINV_VSplit2");
            copy(
                    n,
                    p,
                    b.toJson(),
                    "PackagePartNumber",
                    "PackageSerialNumber",
                    "p_out",
                    "q_out",
                    "v_out",
                    "f_out",
                    "i_out");
        });
        String grid = site.gridStatus();
        n.set(
                "grid_status",
                grid == null
                        ? Trees.NODES.nullNode()
                        : Trees.NODES.numberNode("SystemGridConnected".equals(grid) ? 1 : 0));
        return n;
    }

    static ObjectNode pod(Site site) {
        ObjectNode n = Trees.NODES.objectNode();
        perBlock(n, site, "TEPOD", (p, pod, b) -> {
            ObjectNode j = b.toJson();
            for (String flag : POD_FLAGS) {
                n.put(p + flag, pod != null && Trees.truthy(pod.get(flag)) ? 1 : 0);
            }
            copy(n, p, pod, "POD_available_charge_power", "POD_available_dischg_power");
            n.set(p + "POD_nom_energy_remaining", j.get("nominal_energy_remaining"));
            copy(n, p, pod, "POD_nom_energy_to_be_charged");
            n.set(p + "POD_nom_full_pack_energy", j.get("nominal_full_pack_energy"));
            copy(
                    n,
                    p,
                    j,
                    "PackagePartNumber",
                    "PackageSerialNumber",
                    "pinv_state",
                    "pinv_grid_state",
                    "p_out",
                    "q_out",
                    "v_out",
                    "f_out",
                    "i_out",
                    "energy_charged",
                    "energy_discharged");
            for (String k : BLOCK_FLAGS) {
                n.put(p + k, 0);
            }
            n.putNull(p + "OpSeqState");
            n.putNull(p + "version");
        });
        systemEnergies(n, site);
        n.set("time_remaining_hours", Trees.numberOrNull(site.timeRemainingHours()));
        n.set("backup_reserve_percent", Trees.numberOrNull(Site.appScale(site.rawReserve())));
        return n;
    }
}
