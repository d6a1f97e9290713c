package io.github.solarwire.examples;

import io.github.solarwire.examples.SemonitorDevices.Device;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One graphite data point from semonitor's JSON lines, as the peer's se2graphite.py and
 * pickle2graphite.py pick them: every numeric attribute of every device except {@code Date}, {@code
 * Time} and {@code Undeciphered_data}, named {@code [<base>.]<device>.<attribute>}, at the device's
 * local Date and Time.
 *
 * <p>Unlike the peer, only JSON numbers count (an all-digit id string such as an optimizer's {@code
 * ID} is not sent), infinities are left out like NaN, and whitespace in an attribute name becomes
 * {@code _} so that it cannot break a plaintext line.
 *
 * @param path the metric path
 * @param value the value: a {@link BigInteger} or a finite {@link Double}
 * @param timestamp seconds since the epoch
 */
record GraphiteMetric(String path, Number value, long timestamp) {

    private static final Set<String> NOT_METRICS = Set.of("Date", "Time", "Undeciphered_data");

    /** The value as Python's {@code str()} prints it: {@code 12}, {@code 0.375}, {@code 1e-05}. */
    String valueText() {
        return value instanceof Double d ? PythonNumbers.repr(d) : value.toString();
    }

    /**
     * The data points of one line.
     *
     * @param line the parsed line
     * @param base the path prefix, or "" for none
     * @param zone the zone of the records' Date and Time
     * @return the points, in the line's order
     * @throws IllegalArgumentException when the line's structure is not semonitor's, or a device's
     *     Date or Time is missing or malformed
     */
    static List<GraphiteMetric> of(Map<String, Object> line, String base, ZoneId zone) {
        List<GraphiteMetric> metrics = new ArrayList<>();
        String prefix = base.isEmpty() ? "" : base + ".";
        for (Device device : SemonitorDevices.of(line)) {
            long timestamp = timestamp(device, zone);
            for (Map.Entry<String, Object> e : device.attributes().entrySet()) {
                if (NOT_METRICS.contains(e.getKey())) {
                    continue;
                }
                Number value = null;
                if (e.getValue() instanceof BigInteger i) {
                    value = i;
                } else if (e.getValue() instanceof Double d && Double.isFinite(d)) {
                    value = d;
                }
                if (value != null) {
                    String attribute = e.getKey().replaceAll("\\s", "_");
                    metrics.add(new GraphiteMetric(prefix + device.name() + "." + attribute, value, timestamp));
                }
            }
        }
        return metrics;
    }

    private static long timestamp(Device device, ZoneId zone) {
        Object date = device.attributes().get("Date");
        Object time = device.attributes().get("Time");
        try {
            return LocalDate.parse(String.valueOf(date))
                    .atTime(LocalTime.parse(String.valueOf(time)))
                    .atZone(zone)
                    .toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    device.name() + " has no usable Date and Time ('" + date + "', '" + time + "')", e);
        }
    }
}
