package io.github.solarwire.pvs.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/**
 * {@link TelemetryFrame#parse}: any bytes give a result or a ProtocolException, nothing else; and
 * the fast path ({@link PowerFrameScanner}) agrees with the general one on every input.
 */
class TelemetryFrameFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            TelemetryFrame.parse(data);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fastPathAgreesWithTree(byte[] data) {
        PowerFrameScannerTest.assertSameAsTree(data);
    }
}
