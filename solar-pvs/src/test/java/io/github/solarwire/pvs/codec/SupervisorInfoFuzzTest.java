package io.github.solarwire.pvs.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link SupervisorInfo#parse}: any bytes give a result or a ProtocolException, nothing else. */
class SupervisorInfoFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            SupervisorInfo.parse(data).hasVarserver();
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
