package io.github.solarwire.tedapi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GatewayAddressTest {

    @Test
    void readsTheFormsUsersWrite() {
        assertEquals(URI.create("https://192.168.91.1"), GatewayAddress.parse("192.168.91.1"));
        assertEquals(URI.create("https://192.168.91.1"), GatewayAddress.parse(" 192.168.91.1:443 "));
        assertEquals(URI.create("https://10.0.0.5:8443"), GatewayAddress.parse("10.0.0.5:8443"));
        assertEquals(URI.create("https://powerwall.lan"), GatewayAddress.parse("powerwall.lan"));
        assertEquals(URI.create("https://[fd00::5]:8443"), GatewayAddress.parse("[fd00::5]:8443"));
        assertEquals(URI.create("https://[fd00::5]"), GatewayAddress.parse("[fd00::5]"));
        assertEquals(URI.create("https://[fd00::5]"), GatewayAddress.parse("fd00::5"));
        assertEquals(
                URI.create("https://192.168.91.1/tedapi/din"),
                GatewayAddress.parse("192.168.91.1").resolve("/tedapi/din"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {
            "",
            " ",
            "https://192.168.91.1",
            "192.168.91.1/tedapi",
            "user@192.168.91.1",
            "192.168.91.1:0",
            "192.168.91.1:70000",
            "192.168.91.1:x",
            "[fd00::5",
            "gw?x=1",
            "gw#f"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> GatewayAddress.parse(bad), bad);
            assertEquals("a gateway host is 192.168.91.1, host:port or [v6]:port, was '" + bad + "'", e.getMessage());
        }
    }
}
