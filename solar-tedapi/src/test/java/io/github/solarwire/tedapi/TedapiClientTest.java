package io.github.solarwire.tedapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.tedapi.TedapiClient.Item;
import io.github.solarwire.tedapi.codec.FirmwareInfo;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.TedapiResponses;
import io.github.solarwire.tedapi.transport.GatewayAuthException;
import io.github.solarwire.tedapi.transport.GatewayBusyException;
import io.github.solarwire.tedapi.transport.GatewayConnection;
import io.github.solarwire.tedapi.transport.MutableClock;
import io.github.solarwire.tedapi.transport.TestGateway;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@link TedapiClient} asks a gateway for and how often, against a {@link TestGateway} serving the vectors. */
class TedapiClientTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final String LEADER_PATH = "/tedapi/device/" + VectorGateway.PW3_LEADER + "/v1";
    private static final String FOLLOWER_PATH = "/tedapi/device/" + VectorGateway.PW3_FOLLOWER + "/v1";

    @RegisterExtension
    final TestGateway gateway = new TestGateway();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<TedapiClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(TedapiClient::close);
    }

    private VectorGateway serve(String scenario) {
        VectorGateway vectors = new VectorGateway(scenario);
        gateway.http = vectors;
        return vectors;
    }

    private GatewayConnection connection() {
        return gateway.connection().clock(clock).build();
    }

    private TedapiClient client(GatewayConnection connection) {
        TedapiClient client = TedapiClient.builder(connection).clock(clock).build();
        clients.add(client);
        return client;
    }

    private TedapiClient client() {
        return client(connection());
    }

    /** Every call of the API, three times over. */
    private static void sweep(TedapiClient client) throws IOException {
        for (int i = 0; i < 3; i++) {
            client.din();
            client.config();
            client.status();
            client.controller();
            client.firmware();
            client.components();
            client.snapshot();
        }
    }

    private String json(VectorGateway vectors, String response) throws IOException {
        return TedapiResponses.queryJson(vectors.bytes("wire/" + response));
    }

    @Test
    void aPowerwall3SweepCostsOneRequestPerItemPerTtl() throws Exception {
        VectorGateway pw3 = serve("pw3");
        TedapiClient client = client();

        sweep(client);
        assertEquals(1, pw3.count("din"));
        assertEquals(1, pw3.count("config"));
        assertEquals(1, pw3.count("V2024_06 STATUS"));
        assertEquals(1, pw3.count("V2024_06 CONTROLLER"));
        assertEquals(1, pw3.count("firmware"));
        assertEquals(2, pw3.count("V2024_06 COMPONENTS"), "one per Powerwall 3 block");
        assertEquals(1, gateway.count(LEADER_PATH), "the leader through its own device path");
        assertEquals(1, gateway.count(FOLLOWER_PATH));
        assertEquals(7, gateway.requests.size());
        assertEquals(7, client.requests());

        clock.advance(TTL);
        sweep(client);
        assertEquals(1, pw3.count("din"), "the DIN is read once");
        assertEquals(1, pw3.count("config"), "the config lives 60 s");
        assertEquals(2, pw3.count("V2024_06 STATUS"));
        assertEquals(2, pw3.count("V2024_06 CONTROLLER"));
        assertEquals(2, pw3.count("firmware"));
        assertEquals(2, gateway.count(LEADER_PATH));
        assertEquals(2, gateway.count(FOLLOWER_PATH));
        assertEquals(12, gateway.requests.size());

        clock.advance(Duration.ofSeconds(55));
        sweep(client);
        assertEquals(2, pw3.count("config"));
        assertEquals(3, pw3.count("V2024_06 STATUS"));
        assertEquals(3, gateway.count(FOLLOWER_PATH));
        assertEquals(18, gateway.requests.size());
        assertEquals(1, client.requests(Item.DIN));
        assertEquals(2, client.requests(Item.CONFIG));
        assertEquals(3, client.requests(Item.STATUS));
        assertEquals(3, client.requests(Item.CONTROLLER));
        assertEquals(3, client.requests(Item.FIRMWARE));
        assertEquals(6, client.requests(Item.COMPONENTS));
        assertEquals(18, client.requests());
    }

    @Test
    void theSnapshotHoldsEveryPartByDin() throws Exception {
        VectorGateway pw3 = serve("pw3");
        TedapiClient client = client();

        Snapshot s = client.snapshot();
        assertEquals(VectorGateway.PW3_LEADER, s.din());
        assertEquals(TedapiResponses.configJson(pw3.bytes("wire/response_config.bin")), s.config());
        assertEquals(json(pw3, "response_controller.bin"), s.status());
        assertEquals(
                List.of(VectorGateway.PW3_LEADER, VectorGateway.PW3_FOLLOWER),
                List.copyOf(s.components().keySet()));
        assertEquals(json(pw3, "response_components.bin"), s.components().get(VectorGateway.PW3_LEADER));
        assertEquals(json(pw3, "response_components_device.bin"), s.components().get(VectorGateway.PW3_FOLLOWER));
        assertEquals(TedapiResponses.firmware(pw3.bytes("wire/response_firmware.bin")), s.firmware());
        assertEquals(clock.instant(), s.takenAt());
        assertEquals(s.components(), client.components());

        clock.advance(TTL);
        Snapshot later = client.snapshot();
        assertEquals(s.takenAt(), later.takenAt(), "the config part is still the first one read");
    }

    @Test
    void onePowerwall3BlockIsAskedThroughTheGatewayPath() throws Exception {
        VectorGateway pw3 = serve("pw3");
        pw3.config = "{\"battery_blocks\":[{\"vin\":\"" + VectorGateway.PW3_LEADER + "\",\"type\":\"Powerwall3\"},"
                + "{\"vin\":\"2012170-25-E--TG123456789DEF\",\"type\":\"Powerwall2\"}]}";
        TedapiClient client = client();

        Map<String, String> components = client.components();
        assertEquals(Map.of(VectorGateway.PW3_LEADER, json(pw3, "response_components.bin")), components);
        assertEquals(1, pw3.count("V2024_06 COMPONENTS"));
        assertEquals(
                0,
                gateway.requests.stream()
                        .filter(r -> r.uri().startsWith("/tedapi/device/"))
                        .count());
    }

    @Test
    void aPowerwall2SiteAsksForNoComponents() throws Exception {
        VectorGateway pw2 = serve("pw2");
        TedapiClient client = client();

        sweep(client);
        assertEquals(Map.of(), client.components());
        assertEquals(Map.of(), client.snapshot().components());
        assertEquals(0, client.requests(Item.COMPONENTS));
        assertEquals(0, pw2.count("V2024_06 COMPONENTS") + pw2.count("V2026_06 PW3Query"));
        assertEquals(
                Map.of("din", 1, "config", 1, "V2024_06 STATUS", 1, "V2024_06 CONTROLLER", 1, "firmware", 1),
                counts(pw2));
        assertEquals(json(pw2, "response_status.bin"), client.status());
    }

    private static Map<String, Integer> counts(VectorGateway vectors) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String kind : vectors.kinds()) {
            counts.put(kind, vectors.count(kind));
        }
        return counts;
    }

    @Test
    void eightThreadsAskingForTheStatusAtOnceShareOneRequest() throws Exception {
        VectorGateway pw2 = serve("pw2");
        TedapiClient client = client();
        client.din();
        gateway.hold = true;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<String>) client::status));
            }
            TestGateway.Held first = gateway.nextHeld();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.waiting(Item.STATUS) < 7) {
                assertTrue(System.nanoTime() < deadline, "the other seven callers never queued");
                Thread.onSpinWait();
            }
            gateway.answer(first, TestGateway.response(HttpResponseStatus.OK, pw2.bytes("wire/response_status.bin")));
            for (Future<String> answer : answers) {
                assertEquals(json(pw2, "response_status.bin"), answer.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gateway.count("/tedapi/v1"), "one status request for eight callers");
        assertEquals(1, client.requests(Item.STATUS));
    }

    @Test
    void whenThePreferredQueriesFailTheOtherSetIsUsedAndRemembered() throws Exception {
        VectorGateway pw3 = serve("pw3");
        pw3.broken = Set.of(QuerySetVersion.V2024_06);
        TedapiClient client = client();

        assertEquals(json(pw3, "response_controller.bin"), client.status());
        assertEquals(1, pw3.count("V2024_06 STATUS"));
        assertEquals(1, pw3.count("V2026_06 DeviceControllerQuery"));
        assertEquals(QuerySetVersion.V2026_06, client.querySet());

        assertEquals(json(pw3, "response_controller.bin"), client.controller());
        assertEquals(
                json(pw3, "response_components_device.bin"), client.components().get(VectorGateway.PW3_FOLLOWER));
        clock.advance(TTL);
        client.status();
        assertEquals(0, pw3.count("V2024_06 CONTROLLER"), "the working set is remembered");
        assertEquals(0, pw3.count("V2024_06 COMPONENTS"));
        assertEquals(1, pw3.count("V2024_06 STATUS"));
        assertEquals(3, pw3.count("V2026_06 DeviceControllerQuery"), "status, controller, status");
        assertEquals(2, pw3.count("V2026_06 PW3Query"));
    }

    @Test
    void whenBothSetsFailTheQueryFails() throws Exception {
        VectorGateway pw2 = serve("pw2");
        pw2.broken = Set.of(QuerySetVersion.V2024_06);
        TedapiClient client = TedapiClient.builder(connection())
                .clock(clock)
                .preferred(QuerySetVersion.V2026_06)
                .build();
        clients.add(client);
        client.status();
        assertEquals(1, pw2.count("V2026_06 DeviceControllerQuery"));
        assertEquals(0, pw2.count("V2024_06 STATUS"), "the preferred set worked");

        pw2.broken = Set.of(QuerySetVersion.values());
        ProtocolException e = assertThrows(ProtocolException.class, client::controller);
        assertTrue(e.getMessage().contains("either query set"), e.getMessage());
        assertEquals(2, pw2.count("V2026_06 DeviceControllerQuery"));
        assertEquals(1, pw2.count("V2024_06 CONTROLLER"));
        assertEquals(QuerySetVersion.V2026_06, client.querySet());

        String status = client.status();
        clock.advance(TTL);
        assertEquals(status, client.status(), "stale while neither set answers");
        assertEquals(3, pw2.count("V2026_06 DeviceControllerQuery"));
    }

    @Test
    void duringACoolDownCachedAnswersAreServedAndNothingIsSent() throws Exception {
        VectorGateway pw2 = serve("pw2");
        GatewayConnection connection = connection();
        TedapiClient client = client(connection);
        String status = client.status();
        String config = client.config();

        gateway.http = r -> TestGateway.response(HttpResponseStatus.TOO_MANY_REQUESTS, "slow down");
        clock.advance(TTL);
        assertEquals(status, client.status(), "stale: the 429 answer");
        assertEquals(4, gateway.requests.size());

        clock.advance(TTL);
        long sent = connection.requests();
        assertEquals(status, client.status());
        assertEquals(config, client.config());
        assertThrows(GatewayBusyException.class, client::firmware, "nothing cached to serve");
        assertEquals(sent, connection.requests(), "no request during the cool-down");
        assertEquals(4, gateway.requests.size());
        assertEquals(2, client.requests(Item.STATUS));
        assertEquals(0, client.requests(Item.FIRMWARE));

        gateway.http = pw2;
        clock.advance(Duration.ofMinutes(5));
        assertEquals(status, client.status());
        assertEquals(2, pw2.count("V2024_06 STATUS"));
        client.firmware();
        assertEquals(1, pw2.count("firmware"));
    }

    @Test
    void aFailedRequestServesTheCachedAnswerWithoutRetrying() throws Exception {
        VectorGateway pw2 = serve("pw2");
        TedapiClient client = client();
        FirmwareInfo firmware = client.firmware();

        gateway.http = r -> TestGateway.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "oops");
        clock.advance(TTL);
        assertEquals(firmware, client.firmware());
        assertEquals(3, gateway.requests.size(), "din, firmware, one failed firmware");
        assertThrows(IOException.class, client::config, "nothing cached to serve");
        assertEquals(4, gateway.requests.size());

        gateway.http = pw2;
        assertEquals(firmware, client.firmware());
        assertEquals(2, pw2.count("firmware"));
    }

    @Test
    void anOutageIsLoggedOnceAndSoIsItsEndAndTheSwitchOfQuerySet() throws Exception {
        VectorGateway pw2 = serve("pw2");
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            TedapiClient client = client();
            client.status();
            client.firmware();
            gateway.http = r -> TestGateway.response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "oops");
            for (int i = 0; i < 3; i++) {
                clock.advance(TTL);
                client.status();
                client.firmware();
            }
            gateway.http = pw2;
            clock.advance(TTL);
            client.status();
            client.firmware();
            pw2.broken = Set.of(QuerySetVersion.V2024_06);
            clock.advance(TTL);
            client.status();
            client.controller();
        } finally {
            System.setErr(original);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, occurrences(text, "WARN " + TedapiClient.class.getName()), text);
        assertEquals(1, occurrences(text, "the gateway does not answer"), text);
        assertEquals(1, occurrences(text, "the gateway answers again"), text);
        assertEquals(1, occurrences(text, "using V2026_06 from now on"), text);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void http403SurfacesAsGatewayAuthException() throws Exception {
        serve("pw2");
        GatewayConnection wrong = GatewayConnection.builder(gateway.host())
                .password(Secret.of("WRONGWRONG"))
                .tlsTrust(TlsTrust.pinned(gateway.fingerprint()))
                .build();
        TedapiClient client = client(wrong);
        assertThrows(GatewayAuthException.class, client::din);
        assertThrows(GatewayAuthException.class, client::status);
        assertThrows(GatewayAuthException.class, client::snapshot);
    }

    @Test
    void theReadmeSnippetSummarisesAPowerwall3Site() throws Exception {
        VectorGateway pw3 = serve("pw3");
        String version = TedapiResponses.firmware(pw3.bytes("wire/response_firmware.bin"))
                .version();
        assertEquals(
                VectorGateway.PW3_LEADER + " " + version + ", 2 Powerwall 3 blocks",
                ClientReadmeSnippets.summary(connection()));
        assertEquals(6, gateway.requests.size());
    }

    @Test
    void a403IsNotHiddenBehindACachedAnswer() throws Exception {
        serve("pw2");
        TedapiClient client = client();
        client.status();
        gateway.http =
                r -> TestGateway.response(HttpResponseStatus.FORBIDDEN, "User does not have adequate access rights");
        clock.advance(TTL);
        assertThrows(GatewayAuthException.class, client::status);
    }
}
