package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the legacy {@code GET /cgi-bin/dl_cgi?Command=DeviceList} response: {@code
 * {"devices":[…],"result":"succeed"}}.
 *
 * <p>Pure and thread-safe. Responses over {@link #MAX_BYTES} or with more than {@link
 * #MAX_DEVICES} devices are rejected.
 */
public final class DeviceList {

    /** The longest response accepted; 30 inverters take about 30 KB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The most devices accepted in one response. */
    public static final int MAX_DEVICES = 2000;

    private DeviceList() {}

    /**
     * Decodes a DeviceList response.
     *
     * @param response the response body
     * @return the devices in the order received
     * @throws ProtocolException when the body is not a successful DeviceList (the 403 body of new
     *     firmware included), a device has no {@code SERIAL} or {@code DEVICE_TYPE}, or a time is
     *     malformed
     */
    public static List<DeviceListEntry> parse(byte[] response) throws ProtocolException {
        Map<String, Object> root = Values.object(Json.parse(response, MAX_BYTES, "DeviceList"), "DeviceList");
        PvsErrors.checkNotRefused(root, "DeviceList");
        Object result = root.get("result");
        if (result != null && !"succeed".equals(Values.raw(result, "DeviceList result"))) {
            throw new ProtocolException(
                    "DeviceList did not succeed", -1, "result succeed", Values.raw(result, "DeviceList result"));
        }
        List<Object> devices = Values.array(root.get("devices"), "DeviceList devices");
        if (devices.size() > MAX_DEVICES) {
            throw new ProtocolException(
                    "DeviceList has too many devices", -1, "at most " + MAX_DEVICES, devices.size() + " devices");
        }
        List<DeviceListEntry> entries = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            entries.add(entry(Values.object(devices.get(i), "DeviceList device " + i), i));
        }
        return List.copyOf(entries);
    }

    /**
     * One reading per device. Devices other than the supervisor name it as their parent.
     *
     * @param devices the decoded devices
     * @param fallback the timestamp for a device with neither {@code DATATIME} nor {@code CURTIME}
     * @return the readings, in device order
     * @throws ProtocolException when a metric is not a number
     */
    public static List<Reading> toReadings(List<DeviceListEntry> devices, Instant fallback) throws ProtocolException {
        String supervisor = null;
        for (DeviceListEntry d : devices) {
            if (d.kind().equals("supervisor")) {
                supervisor = d.deviceInfo(null).id();
                break;
            }
        }
        List<Reading> readings = new ArrayList<>(devices.size());
        for (DeviceListEntry d : devices) {
            String parent = d.kind().equals("supervisor") ? null : supervisor;
            readings.add(d.toReading(parent, fallback));
        }
        return List.copyOf(readings);
    }

    private static DeviceListEntry entry(Map<String, Object> device, int index) throws ProtocolException {
        String where = "DeviceList device " + index;
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : device.entrySet()) {
            String text = Values.raw(e.getValue(), where + " field " + e.getKey());
            if (text != null) {
                fields.put(e.getKey(), text);
            }
        }
        String serial = fields.get("SERIAL");
        if (serial == null || serial.isBlank()) {
            throw new ProtocolException(where + " has no serial", -1, "a SERIAL", String.valueOf(serial));
        }
        String type = fields.get("DEVICE_TYPE");
        if (type == null || type.isBlank()) {
            throw new ProtocolException(where + " has no device type", -1, "a DEVICE_TYPE", String.valueOf(type));
        }
        return new DeviceListEntry(
                type,
                serial.strip(),
                fields.get("MODEL"),
                fields.get("STATE"),
                fields.get("SWVER"),
                Values.dlTime(fields.get("DATATIME"), where + " DATATIME"),
                Values.dlTime(fields.get("CURTIME"), where + " CURTIME"),
                fields);
    }
}
