package io.github.solarwire.mqtt;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static Outbox.Message outbox(Path dir) throws Exception {
        // tag::outbox[]
        try (Outbox outbox = Outbox.onDisk(dir.resolve("outbox"))
                .maxBytes(64 << 20)
                .maxAge(Duration.ofDays(7))
                .policy(OverflowPolicy.DROP_OLDEST)
                .build()) {
            outbox.append("solar/inv-1/state", "{\"pv.power\":1234.5}".getBytes(StandardCharsets.UTF_8), false);
            for (Outbox.Message m : outbox.next(100)) { // publish each at QoS 1, then on PUBACK:
                outbox.acknowledge(m.sequence()); // only now is it gone, also from disk
            }
            // end::outbox[]
            outbox.append("after/ack", new byte[] {1}, false);
            return outbox.next(1).get(0);
        }
    }

    static Publication discovery() {
        // tag::discovery[]
        HomeAssistantDiscovery discovery = HomeAssistantDiscovery.builder(d -> "solar/" + d.id() + "/state")
                .availabilityTopic("solar/availability")
                .expireAfter(Duration.ofMinutes(1))
                .build();
        DeviceInfo inverter =
                DeviceInfo.builder("inv-1", "inverter").vendor("Voltronic").build();
        Publication config =
                discovery.config(inverter, List.of(Metrics.PV_POWER, Metrics.PV_ENERGY_TOTAL), List.of("status"));
        // config.topic() is homeassistant/device/solarwire_inv-1/config; publish it retained
        // end::discovery[]
        return config;
    }
}
