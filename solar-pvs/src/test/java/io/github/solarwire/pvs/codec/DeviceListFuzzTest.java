package io.github.solarwire.pvs.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;
import java.time.Instant;

/** {@link DeviceList#parse}: any bytes give a result or a ProtocolException, nothing else. */
class DeviceListFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            DeviceList.toReadings(DeviceList.parse(data), Instant.EPOCH);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
