package io.github.solarwire.kostal.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link Port81Decoder#decode}: any frame gives a value or a ProtocolException, for every command. */
class Port81DecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        int address = data.length > 1 ? data[1] & 0xFF : 255;
        for (Port81Command command : Port81Command.values()) {
            try {
                Port81Decoder.decode(data, address, command);
            } catch (ProtocolException expected) {
                // bad input is reported this way only
            }
        }
    }
}
