package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * {@link Pi30Commands#parse}: any text gives a command whose request is that text, or an
 * IllegalArgumentException saying why not.
 */
class Pi30CommandsFuzzTest {

    @FuzzTest
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (Pi30Protocol protocol : Pi30Protocol.values()) {
            try {
                Pi30Command<?> command = Pi30Commands.parse(text, protocol);
                assertEquals(text, command.request().command());
            } catch (IllegalArgumentException expected) {
                // a refused command says why
            }
        }
    }
}
