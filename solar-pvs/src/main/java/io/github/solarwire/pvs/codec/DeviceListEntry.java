package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One device of a legacy {@code dl_cgi} DeviceList: the supervisor ({@code PVS}), a {@code Power
 * Meter} or an {@code Inverter}, with its properties and every field as received.
 *
 * @param deviceType {@code DEVICE_TYPE}, e.g. {@code Inverter}
 * @param serial {@code SERIAL}, the only trustworthy key ({@code DESCR} may disagree with it)
 * @param model {@code MODEL}, or null
 * @param state {@code STATE}, e.g. {@code working} or {@code error} (inverters at night), or null
 * @param swVersion {@code SWVER}, or null
 * @param dataTime {@code DATATIME} taken as UTC: when the data was measured; null when absent
 *     (error-state inverters may have no data at all)
 * @param currentTime {@code CURTIME} taken as UTC: when the response was built; null when absent
 * @param fields every key of the device with its value as text (numbers and booleans as written)
 */
public record DeviceListEntry(
        String deviceType,
        String serial,
        String model,
        String state,
        String swVersion,
        Instant dataTime,
        Instant currentTime,
        Map<String, String> fields) {

    /**
     * Checks the required components and makes the field map immutable.
     *
     * @param deviceType see the record description
     * @param serial see the record description
     * @param model see the record description
     * @param state see the record description
     * @param swVersion see the record description
     * @param dataTime see the record description
     * @param currentTime see the record description
     * @param fields see the record description
     */
    public DeviceListEntry {
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(serial, "serial");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /**
     * The solarwire device kind: {@code supervisor}, {@code meter}, {@code inverter}, or {@code
     * device} for a type this codec does not know.
     *
     * @return the kind
     */
    public String kind() {
        return PvsFields.kind(deviceType);
    }

    /**
     * This device's info: id from the serial, vendor {@code SunPower}, protocol {@code pvs}.
     *
     * @param parentId the supervisor's id for a device behind it, or null
     * @return the device info
     */
    public DeviceInfo deviceInfo(String parentId) {
        return PvsFields.device(PvsFields.id(serial), kind(), model, serial, swVersion, parentId);
    }

    /**
     * This device's values as a reading, in canonical units (kW and kWh become W and Wh). A field
     * the device did not report is left out, never zero; an error-state inverter without metrics
     * gives a reading with only its states.
     *
     * @param parentId the supervisor's id for a device behind it, or null
     * @param fallback the timestamp when the device has neither {@code DATATIME} nor {@code CURTIME}
     * @return the reading
     * @throws ProtocolException when a metric is not a number
     */
    public Reading toReading(String parentId, Instant fallback) throws ProtocolException {
        Instant at = dataTime != null ? dataTime : currentTime != null ? currentTime : fallback;
        Reading.Builder b = Reading.builder(deviceInfo(parentId), at);
        PvsFields.addAll(b, kind(), fields, false, "device " + serial);
        return b.build();
    }
}
