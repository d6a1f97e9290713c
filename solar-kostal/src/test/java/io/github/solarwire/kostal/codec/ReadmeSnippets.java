package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.time.Instant;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    record QuickStart(PikoStatus status, String document, Reading reading) {}

    static QuickStart quickStart(byte[] page, Instant now) throws ProtocolException {
        // tag::quick-start[]
        PikoStatus status = PikoStatusPage.parse(page); // the bytes of GET /index.fhtml
        Double watts = status.acPower(); // 2336.0 W, or null when the page shows x x x
        String document = KostalDocument.toJson(status); // {"PIKO":{"ENERGY":{"actual":2336,...

        DeviceInfo piko = DeviceInfo.builder("piko", "inverter")
                .vendor("Kostal")
                .model(status.model()) // "PIKO 3.6"
                .build();
        Reading reading = KostalReadings.toReading(status, piko, now); // ac.power, pv.energy.total in Wh, ...
        // end::quick-start[]
        if (watts != null && watts < 0) {
            throw new IllegalStateException();
        }
        return new QuickStart(status, document, reading);
    }
}
