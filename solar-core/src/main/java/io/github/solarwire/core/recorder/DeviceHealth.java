package io.github.solarwire.core.recorder;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one device's counters in a {@link Recorder}.
 *
 * @param deviceId the device's id
 * @param state what the recorder is doing with the device now
 * @param readings readings received from the device
 * @param polls successful polls (for a streaming device, streams started)
 * @param errors failed opens, polls and streams
 * @param reconnects times the device was opened again after a failure
 * @param lastReading when the last reading arrived, if any did
 * @param lastError the last error's message, if any occurred
 */
public record DeviceHealth(
        String deviceId,
        State state,
        long readings,
        long polls,
        long errors,
        long reconnects,
        Optional<Instant> lastReading,
        Optional<String> lastError) {

    /** What the recorder is doing with a device. */
    public enum State {
        /** Not yet opened. */
        STARTING,
        /** Open and being polled or streaming. */
        CONNECTED,
        /** Waiting before the next attempt to open it, after a failure. */
        BACKING_OFF,
        /** Closed for good: the recorder is closing. */
        STOPPED
    }
}
