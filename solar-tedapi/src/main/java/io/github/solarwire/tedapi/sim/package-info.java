/**
 * A simulated Tesla gateway for tests and demos: {@link
 * io.github.solarwire.tedapi.sim.SimulatedGateway} makes up a PW2 or PW3 site whose config, status
 * and components move over time, and {@link
 * io.github.solarwire.tedapi.sim.GatewaySimulatorServer} serves it over loopback HTTPS the way the
 * gateway serves TEDAPI, with injectable rate limiting, slowness and gzip, and request counters.
 */
package io.github.solarwire.tedapi.sim;
