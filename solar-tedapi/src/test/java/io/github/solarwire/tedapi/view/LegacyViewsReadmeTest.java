package io.github.solarwire.tedapi.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.solarwire.core.ProtocolException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The "Legacy views" example of the README (the core's ReadmeSnippetsTest checks the README shows it). */
class LegacyViewsReadmeTest {

    record Example(MeterAggregates aggregates, double appSoe, String csv, byte[] vitalsJson) {}

    static Example legacyViews(String din, byte[] config, byte[] status, byte[] controller) throws ProtocolException {
        // tag::legacyviews[]
        GatewaySnapshot snapshot = GatewaySnapshot.builder(din) // GET /tedapi/din
                .config(config) // FileStore config.json
                .status(status) // DeviceControllerQuery (basic)
                .controller(controller) // DeviceControllerQuery (full), for fans and THC temperatures
                .firmware(new FirmwareInfo("24.4.0 0fe780c9", "0fe780c9"))
                .takenAt(Instant.now())
                .build(); // bad JSON: ProtocolException
        MeterAggregates aggregates = LegacyViews.aggregates(snapshot).orElseThrow(); // W, V, A
        double appSoe = LegacyViews.soe(snapshot).orElse(0); // % as the Tesla app shows it
        String csv = LegacyViews.csv(snapshot, false, true); // "-2100.00,900.00,6500.00,-3500.00,24.07\n"
        byte[] vitals = LegacyViews.vitalsJson(snapshot); // the proxy's /vitals body
        // end::legacyviews[]
        return new Example(aggregates, appSoe, csv, vitals);
    }

    @Test
    void theExampleGivesThePw2Values() throws Exception {
        String scenario = TedapiVectors.PW2;
        Example e = legacyViews(
                TedapiVectors.din(scenario),
                TedapiVectors.input(scenario, "config.json"),
                TedapiVectors.input(scenario, "status.json"),
                TedapiVectors.input(scenario, "controller.json"));
        assertEquals(-2100.0, e.aggregates().site().instantPower());
        assertEquals(20.077973, e.appSoe(), 1e-6);
        assertEquals("-2100.00,900.00,6500.00,-3500.00,24.07\n", e.csv());
        assertEquals(
                2150,
                TedapiVectors.parse(e.vitalsJson())
                        .get("PVAC--1538100-00-F--C123456789JKL")
                        .get("PVAC_Fan_Speed_Actual_RPM")
                        .intValue());
    }
}
