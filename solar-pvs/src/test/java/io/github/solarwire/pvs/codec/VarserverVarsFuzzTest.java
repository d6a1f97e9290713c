package io.github.solarwire.pvs.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;
import java.time.Instant;

/** {@link VarserverVars#parse}: any bytes give a result or a ProtocolException, nothing else. */
class VarserverVarsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            VarserverVars v = VarserverVars.parse(data);
            v.liveData();
            v.systemInfo();
            for (VarserverDevice d : v.devices()) {
                d.toReading(null, Instant.EPOCH);
            }
            ;
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
