package io.github.solarwire.tedapi.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** The response readers: any bytes give a result or a ProtocolException, nothing else. */
class TedapiResponsesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readEnvelope(byte[] data) {
        try {
            TedapiResponses.configJson(data);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
        try {
            TedapiResponses.query(data).usable();
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
        try {
            TedapiResponses.firmware(data).radios();
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
        try {
            TedapiResponses.din(data);
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
