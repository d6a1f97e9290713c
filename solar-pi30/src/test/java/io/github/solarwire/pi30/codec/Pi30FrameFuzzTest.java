package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link Pi30Frame#parse}: any bytes give a frame or a ProtocolException, nothing else. */
class Pi30FrameFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        for (Pi30Frame.Check check : Pi30Frame.Check.values()) {
            try {
                Pi30Frame frame = Pi30Frame.parse(data, 0, data.length, check);
                assertTrue(frame.length() == data.length);
                frame.payload();
            } catch (ProtocolException expected) {
                // bad input is reported this way only
            }
        }
    }
}
