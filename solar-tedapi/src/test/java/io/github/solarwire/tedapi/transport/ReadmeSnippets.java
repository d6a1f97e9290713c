package io.github.solarwire.tedapi.transport;

import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import java.io.IOException;
import java.util.function.Consumer;

/** The transport code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static String din(String host, Secret stickerPassword, String storedFingerprint, Consumer<String> store)
            throws IOException {
        // tag::gateway[]
        try (GatewayConnection gateway = GatewayConnection.builder(host) // "192.168.91.1" over the gateway's Wi-Fi
                .password(stickerPassword) // the QR sticker's; on a Powerwall 3 the PW3's own sticker
                .tlsTrust(TlsTrust.firstUse(storedFingerprint, store)) // self-signed: pin it on first use
                .build()) {
            String kind = gateway.probe() == 200 ? "Powerwall 2/+" : "Powerwall 3";
            return gateway.din() + " (" + kind + ")"; // 403: GatewayAuthException, 429/503: GatewayBusyException
        }
        // end::gateway[]
    }
}
