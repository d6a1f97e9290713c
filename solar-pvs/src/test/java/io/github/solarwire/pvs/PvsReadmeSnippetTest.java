package io.github.solarwire.pvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.net.TlsTrust;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The "Read a PVS" example of the README (the core's ReadmeSnippetsTest checks the README shows it). */
class PvsReadmeSnippetTest {

    static Recorder readAPvs(String fingerprint, Sink sink) {
        // tag::read-a-pvs[]
        PvsDevice pvs = PvsDevice.builder("pvs", "172.27.153.1")
                .tlsTrust(TlsTrust.pinned(fingerprint)) // the PVS's self-signed certificate; or TlsTrust.insecure()
                .pollInterval(Duration.ofMinutes(1)) // inverters, meters, supervisor
                .build();
        Recorder recorder = Recorder.builder().stream(pvs).sink(sink).build();
        // end::read-a-pvs[]
        return recorder;
    }

    @Test
    void theExampleBuildsADeviceWithThosePaths() {
        Sink none = new Sink() {
            @Override
            public void accept(Reading reading) {}

            @Override
            public void close() {}
        };
        Recorder recorder = readAPvs("ab".repeat(32), none);
        assertEquals(1, recorder.health().devices().size());
        assertEquals("pvs", recorder.health().devices().get(0).deviceId());
        PvsDevice device = PvsDevice.builder("pvs", "172.27.153.1").build();
        assertTrue(device.toString().contains("172.27.153.1"), device.toString());
        assertEquals("site", device.info().kind());
        recorder.close();
    }
}
