package io.github.solarwire.kostal.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.solarwire.core.ProtocolException;

/** {@link MpPlusXml#parse}: any bytes give a document or a ProtocolException, nothing else. */
class MpPlusXmlFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            KostalDocument.toJson(MpPlusXml.parse(data).toStatus());
        } catch (ProtocolException expected) {
            // bad input is reported this way only
        }
    }
}
