package io.github.solarwire.solaredge.pcap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static List<byte[]> captures(Path capture) throws IOException {
        // tag::captures[]
        byte[] pcap = Files.readAllBytes(capture); // pcap or pcapng
        List<TcpStream> streams = PcapReader.streams(pcap, SolarEdgeTraffic.serverPort());
        for (TcpStream stream : streams) {
            System.out.println(stream); // TcpStream[192.168.1.23:40000 -> 62.156.12.10:22222, 637 bytes, 0 missing]
        }
        // end::captures[]
        return streams.stream().map(TcpStream::bytes).toList();
    }
}
