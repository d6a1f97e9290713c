package io.github.solarwire.pvs.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.codec.TelemetryFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator code shown in this module's README, run: the core's ReadmeSnippetsTest checks the README shows it. */
class SimulatorReadmeSnippetTest {

    @Test
    void theReadmeExampleServesAFrameToAnEnabledClient() throws Exception {
        String frame;
        // tag::simulator[]
        SimulatedPvs pvs = SimulatedPvs.builder().storage(true).seed(42).build(); // PVS6, build 61846
        try (PvsSimulatorServer server = PvsSimulatorServer.builder(pvs)
                .start(Instant.parse("2025-06-21T19:00:00Z")) // noon in California
                .messageInterval(Duration.ofMillis(50))
                .timeStep(Duration.ofSeconds(60)) // a simulated day in 72 s
                .dropEvery(Duration.ofMinutes(9))
                .start()) {
            URI base = URI.create("http://127.0.0.1:" + server.httpPort()); // /auth?login, /vars, /cgi-bin/dl_cgi
            URI telemetry = URI.create("ws://127.0.0.1:" + server.webSocketPort() + "/");
            frame = yourClient(base, telemetry, pvs.password());
        }
        // end::simulator[]
        PowerNotification power = (PowerNotification) TelemetryFrame.parse(frame);
        assertEquals(power.siteLoadPower(), power.pvPower() + power.netPower() + power.essPower(), 1e-6);
    }

    /** Stands in for the client under test: logs in, enables telemetry, takes one frame. */
    private static String yourClient(URI base, URI telemetry, String password) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Http http = new Http(client, base.toString());
        http.enableTelemetry(password);
        TelemetryClient socket = TelemetryClient.connect(client, telemetry.getPort())
                .get(TelemetryClient.SAFETY_SECONDS, TimeUnit.SECONDS);
        return socket.next();
    }
}
