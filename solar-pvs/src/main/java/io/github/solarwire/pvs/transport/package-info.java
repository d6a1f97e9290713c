/**
 * The PVS's HTTP interfaces on the shared solarwire network clients: the varserver session of new
 * firmware ({@link io.github.solarwire.pvs.transport.VarserverClient}) and the {@code dl_cgi}
 * endpoints ({@link io.github.solarwire.pvs.transport.DlCgiClient}).
 */
package io.github.solarwire.pvs.transport;
