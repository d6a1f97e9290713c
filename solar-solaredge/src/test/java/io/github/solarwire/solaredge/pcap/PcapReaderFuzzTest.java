package io.github.solarwire.solaredge.pcap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link PcapReader}: any bytes give streams or a ProtocolException. */
class PcapReaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void streams(byte[] data) {
        try {
            PcapReader.streams(data, SolarEdgeTraffic.all());
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
