package io.github.solarwire.mqtt;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs dropped messages once per burst rather than once per message: the first drop after a quiet
 * spell is reported at once, later ones are added up and reported when the next drop (or {@link
 * #tick()}) comes after the quiet time, and on {@link #flush()}. Called under the outbox's lock.
 */
final class DropLog {

    /** Reports one burst: what to say, how many messages, why. */
    interface Reporter {
        void report(long count, String reason, long total);
    }

    private final Reporter reporter;
    private final LongSupplier nanos;
    private final long quietNanos;
    private long unreported;
    private String lastReason;
    private long total;
    private long lastReport;
    private boolean reported;

    DropLog(Reporter reporter, LongSupplier nanos, long quietNanos) {
        this.reporter = reporter;
        this.nanos = nanos;
        this.quietNanos = quietNanos;
    }

    /** A WARN on the given logger, naming the outbox. */
    static DropLog warnings(Logger log, String outbox) {
        return new DropLog(
                (count, reason, total) -> log.warn(
                        "outbox {}: dropped {} message{} ({}); {} dropped since it was opened",
                        outbox,
                        count,
                        count == 1 ? "" : "s",
                        reason,
                        total),
                System::nanoTime,
                10_000_000_000L);
    }

    void dropped(long count, String reason) {
        if (count <= 0) {
            return;
        }
        unreported += count;
        total += count;
        lastReason = reason;
        tick();
    }

    /** Reports what is pending once the quiet time since the last report has passed. */
    void tick() {
        if (unreported > 0 && (!reported || nanos.getAsLong() - lastReport >= quietNanos)) {
            flush();
        }
    }

    /** Reports what is pending now. */
    void flush() {
        if (unreported > 0) {
            reporter.report(unreported, lastReason, total);
            unreported = 0;
            lastReport = nanos.getAsLong();
            reported = true;
        }
    }
}
