/**
 * A SunPower PVS as a solarwire device: {@link io.github.solarwire.pvs.PvsDevice} streams the
 * telemetry WebSocket and polls the per-device data over whichever path the firmware offers.
 */
package io.github.solarwire.pvs;
