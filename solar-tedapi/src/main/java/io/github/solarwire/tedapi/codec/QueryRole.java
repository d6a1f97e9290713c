package io.github.solarwire.tedapi.codec;

/**
 * What a client asks the gateway for, whichever query set answers it.
 *
 * <p>In {@link QuerySetVersion#V2024_06} each role has its own query; in {@link
 * QuerySetVersion#V2026_06} {@code DeviceControllerQuery} covers both status roles and {@code
 * PW3Query} the components.
 */
public enum QueryRole {
    /** The basic status: system status, islanding, meter aggregates, alerts, the esCan bus. */
    STATUS("device_controller_basic", "DeviceControllerQuery"),
    /** The status plus the Backup Switch (MSA) components, IEEE 2030.5 and the remote meter. */
    CONTROLLER("device_controller_full", "DeviceControllerQuery"),
    /** The PW3 components: PCH, BMS, HVP, PW3SAF and BAGGR signals of one unit. */
    COMPONENTS("components", "PW3Query");

    private final String v2024Name;
    private final String v2026Name;

    QueryRole(String v2024Name, String v2026Name) {
        this.v2024Name = v2024Name;
        this.v2026Name = v2026Name;
    }

    /**
     * The query's key in a shipped set.
     *
     * @param version the set
     * @return the role name (2024) or operation name (2026)
     */
    public String queryName(QuerySetVersion version) {
        return version == QuerySetVersion.V2024_06 ? v2024Name : v2026Name;
    }
}
