package io.github.solarwire.pvs.codec;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metric;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Unit;
import java.time.Instant;
import java.util.Map;

/**
 * The supervisor's {@code /sys/info/*} varserver variables, trimmed (the PVS pads some, e.g.
 * {@code "PVS6 "}).
 *
 * @param serial {@code serialnum}, or null
 * @param model {@code model}, e.g. {@code PVS6}, or null
 * @param hardwareRevision {@code hwrev}, e.g. {@code 6.02}, or null
 * @param softwareRevision {@code sw_rev}, e.g. {@code 2025.06.24.61840}, or null
 * @param build the build: the last number of {@code sw_rev}, e.g. 61840; null without one
 * @param systemType {@code sys_type}: {@code PV-only} or {@code Storage}; null when absent
 * @param mac {@code lmac}, or null
 * @param uptime {@code uptime}, s, or null
 * @param cpuUsage {@code cpu_usage}, %, or null
 * @param ramUsage {@code ram_usage}, %, or null
 * @param flashUsage {@code flash_usage}, %, or null
 */
public record SystemInfo(
        String serial,
        String model,
        String hardwareRevision,
        String softwareRevision,
        Integer build,
        String systemType,
        String mac,
        Double uptime,
        Double cpuUsage,
        Double ramUsage,
        Double flashUsage) {

    private static final String P = "/sys/info/";

    static SystemInfo from(Map<String, String> values) throws ProtocolException {
        String sw = text(values, "sw_rev");
        return new SystemInfo(
                text(values, "serialnum"),
                text(values, "model"),
                text(values, "hwrev"),
                sw,
                sw == null ? null : SupervisorInfo.buildNumber(sw),
                text(values, "sys_type"),
                text(values, "lmac"),
                Values.number(values.get(P + "uptime"), P + "uptime"),
                Values.number(values.get(P + "cpu_usage"), P + "cpu_usage"),
                Values.number(values.get(P + "ram_usage"), P + "ram_usage"),
                Values.number(values.get(P + "flash_usage"), P + "flash_usage"));
    }

    private static String text(Map<String, String> values, String name) {
        String v = values.get(P + name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * The supervisor's health as a reading: {@code uptime} and CPU, RAM and flash usage in %.
     *
     * @param supervisor the supervisor device
     * @param readAt when the variables were read
     * @return the reading; absent values are left out
     */
    public Reading toReading(DeviceInfo supervisor, Instant readAt) {
        Reading.Builder b = Reading.builder(supervisor, readAt);
        if (uptime != null) {
            b.add(Metrics.UPTIME, uptime);
        }
        if (cpuUsage != null) {
            b.add(Metric.gauge("pvs.cpu_usage", Unit.PERCENT), cpuUsage);
        }
        if (ramUsage != null) {
            b.add(Metric.gauge("pvs.ram_usage", Unit.PERCENT), ramUsage);
        }
        if (flashUsage != null) {
            b.add(Metric.gauge("pvs.flash_usage", Unit.PERCENT), flashUsage);
        }
        b.state("pvs.system_type", systemType);
        return b.build();
    }
}
