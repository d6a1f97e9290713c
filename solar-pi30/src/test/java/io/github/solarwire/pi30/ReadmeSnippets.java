package io.github.solarwire.pi30;

import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.pi30.transport.SerialLink;
import java.time.Duration;

/** The device code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static Recorder device(String port, Sink sink) {
        // tag::device[]
        Pi30Device inverter = Pi30Device.builder("inverter", () -> SerialLink.open(port, 2400))
                .build(); // PI30 or PI30MAX is detected from QPI, QMN and QGMN when opened
        Recorder recorder = Recorder.builder()
                .poll(inverter, Duration.ofSeconds(5)) // QPIGS (+QPIGS2 on a MAX), QMOD, QPIWS
                .sink(sink)
                .build();
        recorder.start(); // reopens the port with backoff when the cable is pulled
        // end::device[]
        return recorder;
    }
}
