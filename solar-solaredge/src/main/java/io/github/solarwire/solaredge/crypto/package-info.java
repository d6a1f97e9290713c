/**
 * SolarEdge encryption: the inverter key ({@link io.github.solarwire.solaredge.crypto.InverterKey})
 * and the AES-128 session cipher of 0x0503 and 0x003d messages ({@link
 * io.github.solarwire.solaredge.crypto.SessionCipher}).
 */
package io.github.solarwire.solaredge.crypto;
