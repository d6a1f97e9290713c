package io.github.solarwire.tedapi.transport;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The pause after a gateway said it is busy (HTTP 429 or 503): the configured duration, or the
 * gateway's {@code Retry-After} when that is longer (capped at a day). Started only by the caller
 * holding the connection's turn; checked by any thread.
 */
final class CoolDown {

    private static final Duration LONGEST = Duration.ofDays(1);

    /** When the cool-down ends, and the status that started it. */
    private record State(Instant until, int status) {}

    private final Duration duration;
    private final Clock clock;
    private volatile State state = new State(Instant.MIN, 0);
    private volatile long started;

    CoolDown(Duration duration, Clock clock) {
        this.duration = duration;
        this.clock = clock;
    }

    /**
     * Throws while a cool-down lasts.
     *
     * @param what the request, for the message
     */
    void check(String what) throws GatewayBusyException {
        State s = state;
        if (clock.instant().isBefore(s.until())) {
            throw new GatewayBusyException(
                    what + ": not sent, the gateway answered HTTP " + s.status() + " and is left alone until "
                            + s.until(),
                    s.until());
        }
    }

    /**
     * Starts a cool-down.
     *
     * @param what the request, for the message
     * @param status 429 or 503
     * @param retryAfter the gateway's {@code Retry-After}, seconds or an HTTP date
     * @return the exception for the call that met the busy answer
     */
    GatewayBusyException start(String what, int status, Optional<String> retryAfter) {
        Instant now = clock.instant();
        Duration wait = retryAfter
                .flatMap(v -> parse(v, now))
                .filter(d -> d.compareTo(duration) > 0)
                .orElse(duration);
        if (wait.compareTo(LONGEST) > 0) {
            wait = LONGEST;
        }
        State s = new State(now.plus(wait), status);
        state = s;
        started++;
        return new GatewayBusyException(
                what + ": HTTP " + status + ", the gateway is busy; no request to it for " + wait.toSeconds()
                        + " s, until " + s.until(),
                s.until());
    }

    /** How many cool-downs have started. */
    long started() {
        return started;
    }

    private static Optional<Duration> parse(String retryAfter, Instant now) {
        String v = retryAfter.strip();
        try {
            if (v.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(Duration.between(now, at));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
