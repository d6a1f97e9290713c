package io.github.solarwire.tedapi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's self-signed certificate under each trust a user would choose. */
class GatewayTlsTest {

    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private String din(TlsTrust trust) throws IOException {
        try (GatewayConnection gw = GatewayConnection.builder(gateway.host())
                .password(Secret.of(TestGateway.PASSWORD))
                .tlsTrust(trust)
                .build()) {
            return gw.din();
        }
    }

    @Test
    void theDefaultSystemTrustRefusesTheGateway() {
        IOException e = assertThrows(IOException.class, () -> {
            try (GatewayConnection gw = GatewayConnection.builder(gateway.host())
                    .password(Secret.of(TestGateway.PASSWORD))
                    .build()) {
                gw.din();
            }
        });
        assertTrue(e.getMessage().contains("TLS failure"), e.getMessage());
        assertEquals(0, gateway.received.get());
    }

    @Test
    void aPinnedCertificateIsAccepted() throws Exception {
        assertEquals(TestGateway.DIN, din(TlsTrust.pinned(gateway.fingerprint())));
    }

    @Test
    void trustOnFirstUseAcceptsAndReportsTheCertificate() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        TlsTrust trust = TlsTrust.firstUse(null, reported::add);
        assertEquals(TestGateway.DIN, din(trust));
        assertEquals(TestGateway.DIN, din(trust));
        String expected = HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(gateway.fingerprint()));
        assertEquals(List.of(expected), reported);
    }

    @Test
    void theReadmeSnippetPinsOnFirstUseAndThenUsesTheStoredFingerprint() throws Exception {
        List<String> stored = new CopyOnWriteArrayList<>();
        Secret password = Secret.of(TestGateway.PASSWORD);
        assertEquals(
                TestGateway.DIN + " (Powerwall 2/+)", ReadmeSnippets.din(gateway.host(), password, null, stored::add));
        assertEquals(1, stored.size());
        assertEquals(
                TestGateway.DIN + " (Powerwall 2/+)",
                ReadmeSnippets.din(gateway.host(), password, stored.get(0), fp -> {
                    throw new AssertionError("a stored fingerprint is not a first use");
                }));
    }

    @Test
    void insecureAcceptsTheGateway() throws Exception {
        assertEquals(TestGateway.DIN, din(TlsTrust.insecure()));
    }
}
