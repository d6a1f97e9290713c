package io.github.solarwire.net;

import io.github.solarwire.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static String page(URI inverter) throws IOException {
        // tag::get[]
        try (HttpGetClient http = HttpGetClient.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(15))
                .build()) {
            HttpResult page = http.getOk(inverter.resolve("/index.fhtml"), "pvserver", Secret.of("pvwr"));
            return page.text(StandardCharsets.ISO_8859_1); // 401, 404, …: HttpStatusException
        }
        // end::get[]
    }
}
