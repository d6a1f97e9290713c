package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /api/status} view. TEDAPI has no uptime, git hash or device type, so those are
 * written as null; the other constant fields are pypowerwall's.
 *
 * @param din the gateway DIN (config {@code vin})
 * @param startTime {@code site_info.battery_commission_date}, or null
 * @param version the firmware version text, or null when the firmware was not read
 */
public record GatewayStatus(String din, String startTime, String version) {

    /** @return the pypowerwall-shaped JSON object */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.set("din", Trees.textOrNull(din));
        n.set("start_time", Trees.textOrNull(startTime));
        n.putNull("up_time_seconds");
        n.put("is_new", false);
        n.set("version", Trees.textOrNull(version));
        n.putNull("git_hash");
        n.put("commission_count", 0);
        n.putNull("device_type");
        n.put("teg_type", "unknown");
        n.put("sync_type", "unknown");
        n.put("cellular_disabled", false);
        n.put("can_reboot", true);
        return n;
    }
}
