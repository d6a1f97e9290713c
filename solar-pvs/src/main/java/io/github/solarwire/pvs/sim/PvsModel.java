package io.github.solarwire.pvs.sim;

/** The supervisor hardware a {@link SimulatedPvs} plays. */
public enum PvsModel {
    /** The PVS5: varserver from build 5408, never the telemetry WebSocket. */
    PVS5,
    /** The PVS6: varserver from build 61840, telemetry WebSocket on port 9002. */
    PVS6
}
