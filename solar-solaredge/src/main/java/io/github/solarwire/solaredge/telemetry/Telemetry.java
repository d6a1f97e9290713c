package io.github.solarwire.solaredge.telemetry;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the payload of a SolarEdge 0x0500 performance-data message.
 *
 * <p>The payload is a run of records, each a little-endian {@code u16 deviceType, u32 deviceId,
 * u16 length} header and {@code length} bytes. Known types become typed records; other types
 * become {@link UnknownRecord}. A record shorter than its type needs is reported as an error and
 * skipped; the walk goes on with the next record. A header or length that runs past the end of the
 * payload ends the walk with an error. Stateless and thread-safe.
 */
public final class Telemetry {

    private static final int HEADER = 8;

    private Telemetry() {}

    /**
     * Parses one payload. Never throws on bad input: problems are in {@link
     * TelemetryBatch#errors()}.
     *
     * @param payload the 0x0500 message's payload, after the frame header
     * @return the records and errors, in payload order
     */
    public static TelemetryBatch parse(byte[] payload) {
        List<TelemetryRecord> records = new ArrayList<>();
        List<ProtocolException> errors = new ArrayList<>(0);
        PayloadReader reader = new PayloadReader(payload);
        int off = 0;
        while (off < payload.length) {
            int left = payload.length - off;
            if (left < HEADER) {
                errors.add(new ProtocolException(
                        "truncated record header", off, HEADER + " bytes", left + (left == 1 ? " byte" : " bytes")));
                break;
            }
            PayloadReader header = reader.at(off, HEADER);
            int type = header.u16(0);
            String id = TelemetryRecord.formatId(header.u32(2));
            int length = header.u16(6);
            if (length > left - HEADER) {
                errors.add(new ProtocolException(
                        "record " + typeName(type) + " of device " + id + " runs past the payload",
                        off,
                        "at most " + (left - HEADER) + " bytes",
                        length + " bytes"));
                break;
            }
            int needed = minimumLength(type);
            if (length < needed) {
                errors.add(new ProtocolException(
                        "record " + typeName(type) + " of device " + id + " too short",
                        off,
                        "at least " + needed + " bytes",
                        length + " bytes"));
            } else {
                records.add(decode(type, id, reader.at(off + HEADER, length)));
            }
            off += HEADER + length;
        }
        return new TelemetryBatch(records, errors);
    }

    /**
     * A device type's code and name, e.g. {@code 0x0010 single-phase inverter}.
     *
     * @param type the device type code
     * @return the description
     */
    public static String typeName(int type) {
        String code = String.format(Locale.ROOT, "0x%04x", type);
        return switch (type) {
            case SinglePhaseInverterRecord.TYPE -> code + " single-phase inverter";
            case ThreePhaseInverterRecord.TYPE -> code + " three-phase inverter";
            case LegacyOptimizerRecord.TYPE -> code + " optimizer (old format)";
            case PackedOptimizerRecord.TYPE -> code + " optimizer (packed)";
            case S440OptimizerRecord.TYPE -> code + " optimizer (S-series)";
            case BatteryRecord.TYPE -> code + " battery";
            case MeterRecord.TYPE -> code + " meter";
            case EventRecord.TYPE -> code + " event";
            default -> code + " unknown device";
        };
    }

    private static int minimumLength(int type) {
        return switch (type) {
            case SinglePhaseInverterRecord.TYPE -> SinglePhaseInverterRecord.LENGTH;
            case ThreePhaseInverterRecord.TYPE -> ThreePhaseInverterRecord.LENGTH;
            case LegacyOptimizerRecord.TYPE -> LegacyOptimizerRecord.LENGTH;
            case PackedOptimizerRecord.TYPE -> PackedOptimizerRecord.LENGTH;
            case S440OptimizerRecord.TYPE -> S440OptimizerRecord.LENGTH;
            case BatteryRecord.TYPE -> BatteryRecord.LENGTH;
            case MeterRecord.TYPE -> MeterRecord.LENGTH;
            case EventRecord.TYPE -> EventRecord.LENGTH;
            default -> UnknownRecord.LENGTH;
        };
    }

    private static TelemetryRecord decode(int type, String id, PayloadReader r) {
        return switch (type) {
            case SinglePhaseInverterRecord.TYPE -> SinglePhaseInverterRecord.decode(id, r);
            case ThreePhaseInverterRecord.TYPE -> ThreePhaseInverterRecord.decode(id, r);
            case LegacyOptimizerRecord.TYPE -> LegacyOptimizerRecord.decode(id, r);
            case PackedOptimizerRecord.TYPE -> PackedOptimizerRecord.decode(id, r);
            case S440OptimizerRecord.TYPE -> S440OptimizerRecord.decode(id, r);
            case BatteryRecord.TYPE -> BatteryRecord.decode(id, r);
            case MeterRecord.TYPE -> MeterRecord.decode(id, r);
            case EventRecord.TYPE -> EventRecord.decode(id, r);
            default -> UnknownRecord.decode(type, id, r);
        };
    }
}
