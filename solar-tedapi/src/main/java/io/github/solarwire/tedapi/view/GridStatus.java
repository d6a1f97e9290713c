package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code /api/system_status/grid_status} view. Over TEDAPI only {@code SystemGridConnected}
 * and {@code SystemIslandedActive} can be told apart, never the transition states.
 *
 * @param gridStatus {@code SystemGridConnected} or {@code SystemIslandedActive}
 */
public record GridStatus(String gridStatus) {

    /** @return whether the grid is up */
    public boolean isUp() {
        return "SystemGridConnected".equals(gridStatus);
    }

    /** @return the pypowerwall-shaped JSON object ({@code grid_services_active} is always null) */
    public ObjectNode toJson() {
        ObjectNode n = Trees.NODES.objectNode();
        n.put("grid_status", gridStatus);
        n.putNull("grid_services_active");
        return n;
    }
}
