/**
 * A simulated SunPower / SunStrong PVS5 or PVS6 supervisor for tests and demos: {@link
 * io.github.solarwire.pvs.sim.SimulatedPvs} holds the site's state and renders the bytes the real
 * supervisor sends (telemetry frames, {@code supervisor/info}, the legacy DeviceList, varserver
 * answers); {@link io.github.solarwire.pvs.sim.PvsSimulatorServer} serves them over loopback HTTP,
 * HTTPS and the telemetry WebSocket, with the real firmware's login, refusals and faults.
 */
package io.github.solarwire.pvs.sim;
