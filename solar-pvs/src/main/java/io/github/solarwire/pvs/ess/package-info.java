/**
 * SunVault ESS (the Schneider Conext gateway behind a PVS at 172.27.153.171) over Modbus TCP: the
 * register table ({@link io.github.solarwire.pvs.ess.SunVaultRegister}), a pure decoder of raw
 * register words ({@link io.github.solarwire.pvs.ess.SunVaultDecoder}), a client that reads the
 * gateway, the Conext XW inverters and the BMS units ({@link
 * io.github.solarwire.pvs.ess.SunVaultClient}), a polled device ({@link
 * io.github.solarwire.pvs.ess.SunVaultDevice}) and a loopback simulator ({@link
 * io.github.solarwire.pvs.ess.SimulatedSunVault}). Modbus framing and sockets are digitalpetri
 * modbus 2.x.
 */
package io.github.solarwire.pvs.ess;
