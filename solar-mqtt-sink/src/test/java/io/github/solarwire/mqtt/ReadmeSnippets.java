package io.github.solarwire.mqtt;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.core.sim.SyntheticDevice;
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

    static Recorder sink(String host, int port, Secret password, Path dir) throws Exception {
        // tag::sink[]
        MqttSink mqtt = MqttSink.builder(host)
                .port(port)
                .credentials("solar", password) // a Secret: never logged, never in toString()
                .outbox(Outbox.onDisk(dir.resolve("outbox")).build()) // a restart loses nothing
                .build(); // connects in the background; readings wait in the outbox meanwhile
        Recorder recorder = Recorder.builder()
                .poll(SyntheticDevice.builder("inv-1").build(), Duration.ofSeconds(10))
                .sink(mqtt)
                .build();
        recorder.start(); // Home Assistant discovery, then a JSON state on solar/inv-1/state every 10 s
        // end::sink[]
        return recorder;
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
