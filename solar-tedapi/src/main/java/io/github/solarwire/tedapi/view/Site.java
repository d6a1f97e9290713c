package io.github.solarwire.tedapi.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a snapshot the views share: the config, the status, the device-controller result
 * the vitals read (the full query when fetched, else the basic status), and the PW3 units that
 * have a ComponentsQuery result.
 */
final class Site {

    final GatewaySnapshot snapshot;
    final JsonNode config;
    final JsonNode status;
    final JsonNode controller;
    final List<Pw3Unit> pw3Units = new ArrayList<>();

    Site(GatewaySnapshot snapshot) {
        this.snapshot = snapshot;
        this.config = snapshot.configTree();
        this.status = snapshot.statusTree();
        this.controller = snapshot.controllerTree() != null ? snapshot.controllerTree() : status;
        for (JsonNode block : Trees.elements(config, "battery_blocks")) {
            String type = Trees.text(block, "type");
            String vin = Trees.text(block, "vin");
            if (type != null && type.contains("Powerwall3")) {
                JsonNode components = vin == null ? null : snapshot.componentsTree(vin);
                if (components != null) {
                    pw3Units.add(new Pw3Unit(vin, components));
                }
            }
        }
    }

    /** The gateway DIN from config {@code vin}, else the snapshot's. */
    String vin() {
        String vin = Trees.text(config, "vin");
        return vin != null ? vin : snapshot.din();
    }

    /** {@code control.meterAggregates[location].realPowerW} in W, matched case-insensitively. */
    Double power(String location) {
        for (JsonNode m : Trees.elements(status, "control", "meterAggregates")) {
            String loc = Trees.text(m, "location");
            if (loc != null && loc.equalsIgnoreCase(location)) {
                return Trees.number(m, "realPowerW");
            }
        }
        return null;
    }

    /** Raw state of energy in percent, or null when either energy is missing or 0. */
    Double rawSoe() {
        Double full = Trees.number(status, "control", "systemStatus", "nominalFullPackEnergyWh");
        Double remaining = Trees.number(status, "control", "systemStatus", "nominalEnergyRemainingWh");
        if (full == null || remaining == null || full == 0 || remaining == 0) {
            return null;
        }
        return remaining / full * 100;
    }

    /** Backup reserve on the raw scale from {@code site_info.backup_reserve_percent}, or null. */
    Double rawReserve() {
        return Trees.number(config, "site_info", "backup_reserve_percent");
    }

    /**
     * The legacy grid status: {@code SystemGridConnected}, {@code SystemIslandedActive}, or null
     * when the status says nothing about the grid.
     */
    String gridStatus() {
        if (status == null) {
            return null;
        }
        if (Trees.texts(Trees.at(status, "control", "alerts", "active")).contains("SystemConnectedToGrid")) {
            return "SystemGridConnected";
        }
        JsonNode state = Trees.at(status, "esCan", "bus", "ISLANDER", "ISLAND_GridConnection", "ISLAND_GridConnected");
        if (!Trees.truthy(state)) {
            return null;
        }
        return "ISLAND_GridConnected_Connected".equals(Trees.text(state))
                ? "SystemGridConnected"
                : "SystemIslandedActive";
    }

    /** Hours of energy left at the present load, or null when load is 0 or unknown. */
    Double timeRemainingHours() {
        Double remaining = Trees.number(status, "control", "systemStatus", "nominalEnergyRemainingWh");
        Double load = power("load");
        if (remaining == null || load == null || load == 0) {
            return null;
        }
        return remaining / load;
    }

    /** Splits {@code part--serial}; a DIN without {@code --} gives a null part. */
    static String[] splitDin(String din) {
        if (din == null) {
            return new String[] {null, null};
        }
        int cut = din.indexOf("--");
        return cut < 0 ? new String[] {null, din} : new String[] {din.substring(0, cut), din.substring(cut + 2)};
    }

    /** Converts the raw (gateway) percentage to the app scale: raw 5 % is app 0 %, never below 0. */
    static Double appScale(Double raw) {
        return raw == null ? null : Math.max(0.0, raw / 0.95 - 5 / 0.95);
    }
}
