package io.github.solarwire.net;

import io.github.solarwire.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static String page(URI inverter) throws IOException {
        // tag::get[]
        try (HttpClient http = HttpClient.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(15))
                .build()) {
            HttpResult page = http.getOk(inverter.resolve("/index.fhtml"), "pvserver", Secret.of("pvwr"));
            return page.text(StandardCharsets.ISO_8859_1); // 401, 404, …: HttpStatusException
        }
        // end::get[]
    }

    static String login(URI pvs, String fingerprint, Secret password) throws IOException {
        // tag::login[]
        try (HttpClient http = HttpClient.builder()
                .tlsTrust(TlsTrust.pinned(fingerprint)) // the PVS's self-signed certificate
                .build()) {
            HttpResult login = http.sendOk(HttpRequest.get(pvs.resolve("/auth?login"))
                    .withAuthorization("basic", "ssm_owner", password)); // lower-case, as the PVS wants
            Secret session = Secret.of(login.cookie("session").orElseThrow());
            HttpResult vars = http.sendOk(
                    HttpRequest.get(pvs.resolve("/vars?match=meter")).withCookie("session", session));
            return vars.text(StandardCharsets.UTF_8);
        }
        // end::login[]
    }

    static String firstMessage(URI gateway) throws Exception {
        // tag::websocket[]
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        try (WebSocketClient ws = WebSocketClient.builder()
                .pingInterval(Duration.ofSeconds(20))
                .staleTimeout(Duration.ofSeconds(90)) // no message for 90 s: StaleConnectionException
                .build()) {
            ws.connect(gateway.resolve("/ws"), utf8 -> messages.add(new String(utf8, StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            return messages.poll(10, TimeUnit.SECONDS);
        }
        // end::websocket[]
    }
}
