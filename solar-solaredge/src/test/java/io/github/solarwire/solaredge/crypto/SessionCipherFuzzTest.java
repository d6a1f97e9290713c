package io.github.solarwire.solaredge.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;
import java.util.Arrays;

/** {@link SessionCipher}: any 0x0503 and 0x003d payloads give a frame or a ProtocolException. */
class SessionCipherFuzzTest {

    private static final InverterKey KEY = InverterKey.of(new byte[16]);

    @FuzzTest(maxDuration = "60s")
    void decrypt(byte[] data) {
        int split = Math.min(34, data.length);
        try {
            SessionCipher cipher = SessionCipher.fromSessionKeyMessage(KEY, Arrays.copyOf(data, split));
            byte[] payload = Arrays.copyOfRange(data, split, data.length);
            cipher.innerSequence(payload);
            cipher.decrypt(payload);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
