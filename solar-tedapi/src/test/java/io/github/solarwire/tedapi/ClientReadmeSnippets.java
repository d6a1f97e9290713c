package io.github.solarwire.tedapi;

import io.github.solarwire.tedapi.transport.GatewayConnection;
import java.io.IOException;
import java.time.Duration;

/** The client code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ClientReadmeSnippets {

    private ClientReadmeSnippets() {}

    static String summary(GatewayConnection connection) throws IOException {
        // tag::client[]
        try (TedapiClient tedapi = TedapiClient.builder(connection) // one client per gateway, shared
                .statusTtl(Duration.ofSeconds(30)) // status, controller, firmware, PW3 components
                .configTtl(Duration.ofMinutes(5))
                .build()) {
            Snapshot s = tedapi.snapshot(); // at most one request per item per TTL; stale during a cool-down
            return s.din() + " " + s.firmware().version() + ", "
                    + s.components().size() + " Powerwall 3 blocks";
        }
        // end::client[]
    }
}
