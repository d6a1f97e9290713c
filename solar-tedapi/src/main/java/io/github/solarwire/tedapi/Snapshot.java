package io.github.solarwire.tedapi;

import io.github.solarwire.tedapi.codec.FirmwareInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link TedapiClient} reads from one gateway, as the JSON texts and records it
 * came in: what the legacy API views are computed from.
 *
 * @param din the gateway DIN
 * @param config the {@code config.json} text
 * @param status the device controller's JSON: the CONTROLLER query's answer (the status plus the
 *     Backup Switch components, IEEE 2030.5 and the remote meter), or the STATUS query's when the
 *     controller query gave no data in either query set
 * @param components each Powerwall 3 battery block's components query JSON by the block's DIN, in
 *     config order; empty on a Powerwall 2/+ site
 * @param firmware the gateway's system info
 * @param takenAt when the oldest of these parts was read from the gateway (parts served from the
 *     cache, or stale during an outage, are older than the call)
 */
public record Snapshot(
        String din,
        String config,
        String status,
        Map<String, String> components,
        FirmwareInfo firmware,
        Instant takenAt) {

    /**
     * Checks and copies the values.
     *
     * @param din the DIN
     * @param config the config JSON
     * @param status the controller or status JSON
     * @param components the components JSON by DIN
     * @param firmware the firmware info
     * @param takenAt when the oldest part was read
     */
    public Snapshot {
        Objects.requireNonNull(din, "din");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(takenAt, "takenAt");
        components = TedapiClient.ordered(components);
    }
}
