package io.github.solarwire.kostal.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link PikoStatusPage#parse}: any bytes give a status or a ProtocolException, nothing else. */
class PikoStatusPageFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            KostalDocument.toJson(PikoStatusPage.parse(data));
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
