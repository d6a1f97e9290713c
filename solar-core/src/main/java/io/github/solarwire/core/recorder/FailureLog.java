package io.github.solarwire.core.recorder;

import org.slf4j.Logger;

/**
 * Logs a burst of failures once: the first failure at WARN, the rest at DEBUG, and the recovery at
 * INFO with the count. Used by one thread at a time.
 */
final class FailureLog {

    private final Logger log;
    private final String subject;
    private long burst;

    FailureLog(Logger log, String subject) {
        this.log = log;
        this.subject = subject;
    }

    void failed(String action, Throwable e) {
        failed(action, e, "retrying with backoff");
    }

    /** Logs a failure; {@code next} says what happens now, e.g. "retrying with backoff". */
    void failed(String action, Throwable e, String next) {
        burst++;
        String message = describe(e);
        if (burst == 1) {
            if (e instanceof RuntimeException || e instanceof Error) {
                log.warn("{}: {} failed: {}; {}", subject, action, message, next, e);
            } else {
                log.warn("{}: {} failed: {}; {}", subject, action, message, next);
            }
        } else {
            log.debug("{}: {} failed again ({} in a row): {}", subject, action, burst, message);
        }
    }

    void succeeded() {
        if (burst > 0) {
            log.info("{}: recovered after {} failure{}", subject, burst, burst == 1 ? "" : "s");
            burst = 0;
        }
    }

    boolean failing() {
        return burst > 0;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + m;
    }
}
