package io.github.solarwire.tedapi.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes that are not one JSON object are a {@link ProtocolException}. */
class GatewaySnapshotTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "42", "null", "\"x\"", "{} {}", "{\"a\":1,\"a\":2}", "{'a':1}", "\u0000"})
    void badJsonIsAProtocolException(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        GatewaySnapshot.Builder b = GatewaySnapshot.builder("din");
        assertThrows(ProtocolException.class, () -> b.config(bytes));
        assertThrows(ProtocolException.class, () -> b.status(bytes));
        assertThrows(ProtocolException.class, () -> b.controller(bytes));
        assertThrows(ProtocolException.class, () -> b.components("x", bytes));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24.4.0 0fe780c9:240400",
                "25.10.1:251001",
                "24.12.6-PW3-AFCI 008bf6ff:241206",
                "x:0",
                "23.44:234400"
            })
    void versionNumber(String spec) {
        String[] parts = spec.split(":");
        assertEquals(Long.parseLong(parts[1]), new FirmwareInfo(parts[0], null).versionNumber());
    }
}
