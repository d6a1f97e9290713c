package io.github.solarwire.tedapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.net.TlsTrust;
import org.junit.jupiter.api.Test;

/** The device example of the README (the core's ReadmeSnippetsTest checks the README shows it). */
class DeviceReadmeSnippetTest {

    static Recorder device(String gatewayPassword, String fingerprint, Sink sink) {
        // tag::device[]
        PowerwallDevice pw = PowerwallDevice.builder("powerwall", "192.168.91.1")
                .password(Secret.of(gatewayPassword)) // the QR sticker's (on a PW3, the PW3's own)
                .tlsTrust(TlsTrust.pinned(fingerprint)) // or TlsTrust.firstUse(known, store::save)
                .build();
        Recorder recorder = Recorder.builder().poll(pw).sink(sink).build(); // every 5 s; config once a minute
        // end::device[]
        return recorder;
    }

    @Test
    void theExampleBuildsAPolledDevice() {
        Sink none = new Sink() {
            @Override
            public void accept(Reading reading) {}

            @Override
            public void close() {}
        };
        Recorder recorder = device("ABCDEFGHIJ", "ab".repeat(32), none);
        assertEquals("powerwall", recorder.health().devices().get(0).deviceId());
        recorder.close();
    }
}
