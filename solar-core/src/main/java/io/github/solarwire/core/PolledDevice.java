package io.github.solarwire.core;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A device that answers when asked: a serial inverter, an HTTP status page, a gateway API. */
public non-sealed interface PolledDevice extends Device {

    /**
     * Reads the device once. One poll of a gateway may yield many readings (one per inverter,
     * optimizer or battery behind it).
     *
     * @return the readings of this poll, possibly empty (at night, say), never null
     * @throws ProtocolException when an answer was malformed; the link is still usable and the
     *     caller simply polls again at the next interval
     * @throws IOException when the link failed; the caller closes the device and opens it again
     *     after a backoff
     */
    List<Reading> poll() throws IOException;

    /**
     * How often this kind of device is usefully polled, when the user does not say.
     *
     * @return the default poll interval; 10 s unless the device knows better
     */
    default Duration defaultInterval() {
        return Duration.ofSeconds(10);
    }
}
