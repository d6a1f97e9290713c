package io.github.solarwire.pi30.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/**
 * {@link QpigsResponse#decode(byte[], int, int)}, the polling fast path: the input as a whole frame,
 * and as a payload sealed with a valid CRC so that the field decoding is reached.
 */
class QpigsResponseFuzzTest {

    @FuzzTest
    void decode(byte[] data) {
        try {
            QpigsResponse.decode(data, 0, data.length);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
        byte[] sealed = Sealed.reply(data);
        try {
            QpigsResponse.decode(sealed, 0, sealed.length);
        } catch (ProtocolException expected) {
            // as above
        }
    }
}
