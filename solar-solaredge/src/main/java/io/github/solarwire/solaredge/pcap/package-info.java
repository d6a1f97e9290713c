/**
 * Capture reading: the TCP segments of pcap and pcapng files ({@link
 * io.github.solarwire.solaredge.pcap.PcapReader}), reassembled into the byte streams between
 * inverter and monitoring server ({@link io.github.solarwire.solaredge.pcap.TcpReassembler}, {@link
 * io.github.solarwire.solaredge.pcap.SolarEdgeTraffic}).
 */
package io.github.solarwire.solaredge.pcap;
