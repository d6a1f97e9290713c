package io.github.solarwire.pi30.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Pi30Link} waits for a reply. An inter-byte timeout rather than one tight total:
 * at 2400 baud a 143-byte reply takes 0.6 s on the wire alone, so a fixed 1 s total (what older
 * tools use) cuts long replies off, while a silent inverter is still noticed within the first-byte
 * timeout.
 *
 * @param firstByte the longest wait from the end of the request to the first reply byte
 * @param interByte the longest gap between two reply bytes
 * @param total the longest whole exchange
 */
public record LinkTimeouts(Duration firstByte, Duration interByte, Duration total) {

    /** Serial at 2400 baud: 2 s to the first byte, 500 ms between bytes, 5 s in all. */
    public static final LinkTimeouts SERIAL =
            new LinkTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(5));

    /** USB HID and TCP bridges: 3 s to the first byte, 1 s between reports, 6 s in all. */
    public static final LinkTimeouts PACKETS =
            new LinkTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(6));

    /**
     * Checks the durations.
     *
     * @param firstByte the longest wait for the first byte
     * @param interByte the longest gap between bytes
     * @param total the longest exchange
     * @throws IllegalArgumentException when one is not positive
     */
    public LinkTimeouts {
        for (Duration d : new Duration[] {
            Objects.requireNonNull(firstByte, "firstByte"),
            Objects.requireNonNull(interByte, "interByte"),
            Objects.requireNonNull(total, "total")
        }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("link timeouts must be positive, was " + d);
            }
        }
    }
}
