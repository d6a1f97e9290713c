/**
 * The TEDAPI client: {@link io.github.solarwire.tedapi.TedapiClient} reads a gateway's DIN, config,
 * status, controller, firmware and Powerwall 3 components through one {@link
 * io.github.solarwire.tedapi.transport.GatewayConnection}, each cached for a time to live and fetched
 * once however many threads ask at the same moment, falling back to the other signed query set when
 * the preferred one stops working, and serving the last answer while the gateway cools down.
 */
package io.github.solarwire.tedapi;
