package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    record QuickStart(byte[] request, QpigsResponse status, double batteryVolts, String json) {}

    static QuickStart quickStart(byte[] reply) throws ProtocolException {
        // tag::quick-start[]
        Pi30Command<QpigsResponse> qpigs = Pi30Queries.of(Pi30Protocol.PI30).qpigs();
        byte[] request = qpigs.request().frame(); // QPIGS + CRC + CR: write it to the port

        QpigsResponse status = qpigs.decode(reply); // the reply, up to and including its CR
        double batteryVolts = status.batteryVoltage(); // 57.5, in V like every voltage
        String json =
                Pi30MppSolarFormat.toJson(qpigs, status); // {"_command": "QPIGS", "AC Input Voltage": [0.0, "V"], …
        // end::quick-start[]
        return new QuickStart(request, status, batteryVolts, json);
    }

    static List<Pi30Frame> stream(List<byte[]> hidReports) {
        List<Pi30Frame> frames = new ArrayList<>();
        // tag::stream[]
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(); // one per port; bounded to 512 bytes
        Pi30FrameDecoder.Handler handler = new Pi30FrameDecoder.Handler() {
            @Override
            public void frame(Pi30Frame frame) {
                frames.add(frame); // a checked frame: DATA, ACK, NAK or an echoed REQUEST
            }

            @Override
            public void error(ProtocolException error) {
                System.err.println("skipped: " + error.getMessage()); // e.g. bad CRC at offset 108
            }
        };
        for (byte[] report : hidReports) { // 8-byte USB HID reports, zero-padded
            decoder.feed(report, handler);
        }
        // end::stream[]
        return frames;
    }

    static Pi30Command<Pi30Ack> setting() {
        // tag::setting[]
        Pi30Settings settings = Pi30Settings.of(Pi30Protocol.PI30MAX);
        Pi30Command<Pi30Ack> cutOff = settings.batteryCutOffVoltage(BatteryBank.V48, 44.0); // PSDV44.0
        // settings.batteryCutOffVoltage(BatteryBank.V48, 38.0) throws IllegalArgumentException:
        //   "PSDV: 38.0 V is not allowed; allowed: 40.0 to 48.0 V in steps of 0.1 V on a 48 V bank"
        // end::setting[]
        return cutOff;
    }
}
