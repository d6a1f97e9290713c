package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link Pi30Request#parse}: any bytes give a request or a ProtocolException; a request re-encodes to its command. */
class Pi30RequestFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        try {
            Pi30Request request = Pi30Request.parse(data);
            assertEquals(request.command(), Pi30Request.of(request.command()).command());
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
