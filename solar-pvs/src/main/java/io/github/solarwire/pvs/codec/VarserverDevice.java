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
 * One device's fields from varserver, in either layout: the flat {@code
 * /sys/devices/<type>/<index>/<field>} variables grouped per device, or a {@code
 * /sys/devices/<index>/<type>/data} object.
 *
 * @param type the varserver device type: {@code inverter}, {@code meter}, {@code ess}, {@code
 *     transfer_switch}, …
 * @param index the device's index or id in its path
 * @param fields the camelCase fields ({@code sn}, {@code p3phsumKw}, …) with their values as text
 */
public record VarserverDevice(String type, String index, Map<String, String> fields) {

    /**
     * Makes the field map immutable.
     *
     * @param type see the record description
     * @param index see the record description
     * @param fields see the record description
     */
    public VarserverDevice {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(index, "index");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /**
     * The serial number ({@code sn}).
     *
     * @return the serial, or null when absent
     */
    public String serial() {
        String sn = fields.get("sn");
        return sn == null || sn.isBlank() ? null : sn.strip();
    }

    /**
     * The solarwire device kind: {@code inverter}, {@code meter}, {@code battery} (ESS), {@code
     * transfer_switch}, or {@code device}.
     *
     * @return the kind
     */
    public String kind() {
        return PvsFields.kind(type);
    }

    /**
     * When the values were measured ({@code msmtEps}).
     *
     * @return the instant, or null when absent
     * @throws ProtocolException when {@code msmtEps} is not an ISO-8601 instant
     */
    public Instant measuredAt() throws ProtocolException {
        return Values.isoTime(fields.get("msmtEps"), "varserver " + type + " " + index + " msmtEps");
    }

    /**
     * This device's info: id from the serial (or {@code pvs-<type>-<index>} without one).
     *
     * @param parentId the supervisor's id, or null
     * @return the device info
     */
    public DeviceInfo deviceInfo(String parentId) {
        String sn = serial();
        String id = sn != null ? PvsFields.id(sn) : PvsFields.id("pvs-" + type + "-" + index);
        return PvsFields.device(id, kind(), fields.get("prodMdlNm"), sn, null, parentId);
    }

    /**
     * This device's values as a reading in canonical units (kW, kWh and 0–1 fractions become W, Wh
     * and %), with the same metrics as the DeviceList. Missing fields are left out.
     *
     * @param parentId the supervisor's id, or null
     * @param fallback the timestamp when there is no {@code msmtEps}
     * @return the reading
     * @throws ProtocolException when a value is not a number or the time is malformed
     */
    public Reading toReading(String parentId, Instant fallback) throws ProtocolException {
        Instant at = measuredAt();
        Reading.Builder b = Reading.builder(deviceInfo(parentId), at != null ? at : fallback);
        PvsFields.addAll(b, kind(), fields, true, "varserver " + type + " " + index);
        return b.build();
    }
}
