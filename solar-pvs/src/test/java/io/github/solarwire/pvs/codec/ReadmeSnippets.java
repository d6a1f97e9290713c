package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    record QuickStart(Reading site, Map<String, String> raw, String ignoredType, List<Reading> devices) {}

    static QuickStart quickStart(byte[] frame, byte[] deviceList, Instant now) throws ProtocolException {
        Reading site = null;
        Map<String, String> raw = Map.of();
        String ignoredType = null;
        // tag::quick-start[]
        DeviceInfo pvs = DeviceInfo.builder("pvs", "site").vendor("SunPower").build();
        TelemetryMessage message = TelemetryFrame.parse(frame); // one ws://<pvs>:9002 text frame
        if (message instanceof PowerNotification power) {
            site = power.toReading(pvs, now); // pv.power, grid.power (+ import), load.power in W; energies in Wh
            raw = power.raw(); // {"time":"1753730396","pv_p":"6.5590014648437509",...} as received
        } else {
            ignoredType = message.type(); // an undocumented notification: log it once and drop it
        }

        List<DeviceListEntry> entries = DeviceList.parse(deviceList); // GET /cgi-bin/dl_cgi?Command=DeviceList
        List<Reading> devices = DeviceList.toReadings(entries, now); // one reading per supervisor, meter, inverter
        // end::quick-start[]
        return new QuickStart(site, raw, ignoredType, devices);
    }
}
