package io.github.solarwire.tedapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.tedapi.codec.QueryResult;
import io.github.solarwire.tedapi.codec.QueryRole;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.QuerySets;
import io.github.solarwire.tedapi.codec.SignedQuery;
import io.github.solarwire.tedapi.codec.TedapiRequests;
import io.github.solarwire.tedapi.codec.TedapiResponses;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The README's snippet, compiled and run; the core's ReadmeSnippetsTest checks the README shows it. */
class TedapiReadmeSnippetTest {

    @Test
    void statusFromASimulatedPw3() throws Exception {
        String status = null;
        long posts;
        // tag::tedapi-status[]
        SimulatedGateway site = SimulatedGateway.pw3(); // a leader, a follower, one DC expansion
        try (GatewaySimulatorServer gateway =
                GatewaySimulatorServer.builder(site).gzip(true).start()) { // .https(sslContext) for TLS
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (TedapiRequests.USER + ":" + site.password()).getBytes(StandardCharsets.UTF_8));
            HttpRequest din = HttpRequest.newBuilder(gateway.uri().resolve(TedapiRequests.DIN_PATH))
                    .header("Authorization", auth)
                    .build();
            String gatewayDin = TedapiResponses.din(
                    http.send(din, BodyHandlers.ofByteArray()).body());

            // The 2024 queries first; if Tesla rotated that key, the 2026 ones.
            for (SignedQuery query : QuerySets.shipped().fallbackOrder(QueryRole.STATUS, QuerySetVersion.V2024_06)) {
                HttpRequest post = HttpRequest.newBuilder(gateway.uri().resolve(TedapiRequests.PATH))
                        .header("Authorization", auth)
                        .header("Content-Type", TedapiRequests.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(TedapiRequests.query(gatewayDin, query)))
                        .build();
                QueryResult result = TedapiResponses.query(
                        http.send(post, BodyHandlers.ofByteArray()).body());
                if (result.usable()) {
                    status = result.json(); // {"control":{"systemStatus":{...},"meterAggregates":[...]},...}
                    break;
                }
            }
            posts = gateway.requests(TedapiRequests.PATH); // 1: the first query set worked
        }
        // end::tedapi-status[]
        assertNotNull(status);
        assertEquals(
                4,
                new ObjectMapper()
                        .readTree(status)
                        .at("/control/meterAggregates")
                        .size());
        assertEquals(1, posts);
    }
}
