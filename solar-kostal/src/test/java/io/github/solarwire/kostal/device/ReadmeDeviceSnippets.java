package io.github.solarwire.kostal.device;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.KostalDevice;
import java.io.IOException;
import java.util.List;

/** The device code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeDeviceSnippets {

    private ReadmeDeviceSnippets() {}

    static List<Reading> poll(String host, Secret password) throws IOException {
        // tag::device[]
        KostalDevice piko = KostalDevice.builder("piko", host) // an address, host:port or URL
                .credentials("pvserver", password)
                .build();
        piko.open(); // reads the page once: the model
        List<Reading> readings = piko.poll(); // one reading: AC, energies, strings, phases, status
        // end::device[]
        piko.close();
        return readings;
    }
}
