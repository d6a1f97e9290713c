package io.github.solarwire.core;

import java.io.Closeable;
import java.io.IOException;

/**
 * A device (or a gateway in front of several) that yields {@link Reading}s.
 *
 * <p>A device is either {@link PolledDevice polled} (the caller asks, it answers) or {@link
 * StreamingDevice streaming} (it pushes readings as they come). The {@link
 * io.github.solarwire.core.recorder.Recorder} treats both alike: it opens the device, collects
 * readings, and on failure closes it and opens it again after a backoff. {@link #open()} may be
 * called again after {@link #close()}.
 *
 * <p>Implementations say in their Javadoc whether they are thread-safe; the recorder calls
 * {@code open}, {@code poll} and {@code close} of one device from one thread at a time, except that
 * {@code close} may come from another thread to stop a device that is stuck.
 */
public sealed interface Device extends Closeable permits PolledDevice, StreamingDevice {

    /**
     * Who this device is. Before {@link #open()} this may hold only what the configuration says
     * (an id and a kind); after it, what the device reported about itself.
     *
     * @return the device info, never null
     */
    DeviceInfo info();

    /**
     * Connects to the device: opens the port or socket, logs in, reads its identity.
     *
     * @throws IOException when the device cannot be reached; the caller retries later
     */
    void open() throws IOException;

    /**
     * Disconnects and releases the port or socket. Idempotent; never throws for a device that
     * is already closed.
     *
     * @throws IOException when releasing fails; the device counts as closed all the same
     */
    @Override
    void close() throws IOException;
}
