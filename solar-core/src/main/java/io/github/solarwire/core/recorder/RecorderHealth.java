package io.github.solarwire.core.recorder;

import java.util.List;

/**
 * A snapshot of a {@link Recorder}'s health counters.
 *
 * @param readingsIn readings received from all devices
 * @param devices one entry per device, in the order they were added
 * @param sinks one entry per sink, in the order they were added
 */
public record RecorderHealth(long readingsIn, List<DeviceHealth> devices, List<SinkHealth> sinks) {

    /**
     * Copies the lists.
     *
     * @param readingsIn see the record description
     * @param devices see the record description
     * @param sinks see the record description
     */
    public RecorderHealth {
        devices = List.copyOf(devices);
        sinks = List.copyOf(sinks);
    }

    /**
     * Readings delivered, summed over all sinks.
     *
     * @return the sum
     */
    public long readingsOut() {
        return sinks.stream().mapToLong(SinkHealth::delivered).sum();
    }

    /**
     * Readings dropped, summed over all sinks.
     *
     * @return the sum
     */
    public long dropped() {
        return sinks.stream().mapToLong(SinkHealth::dropped).sum();
    }

    /**
     * Device errors, summed over all devices.
     *
     * @return the sum
     */
    public long deviceErrors() {
        return devices.stream().mapToLong(DeviceHealth::errors).sum();
    }

    /**
     * Reconnects, summed over all devices.
     *
     * @return the sum
     */
    public long reconnects() {
        return devices.stream().mapToLong(DeviceHealth::reconnects).sum();
    }
}
