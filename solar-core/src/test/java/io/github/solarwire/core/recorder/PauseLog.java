package io.github.solarwire.core.recorder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The recorder's pause hook for tests: records every requested pause with the thread that asked,
 * and takes 1 ms instead so that tests run fast.
 */
final class PauseLog implements UnaryOperator<Duration> {

    record Pause(String thread, Duration requested) {}

    static final Duration TAKEN = Duration.ofMillis(1);

    private final List<Pause> pauses = new CopyOnWriteArrayList<>();

    @Override
    public Duration apply(Duration requested) {
        pauses.add(new Pause(Thread.currentThread().getName(), requested));
        return TAKEN;
    }

    /** Pauses requested by threads whose name starts with {@code prefix}, in order. */
    List<Duration> by(String prefix) {
        return pauses.stream()
                .filter(p -> p.thread().startsWith(prefix))
                .map(Pause::requested)
                .toList();
    }

    /** Pauses of device threads shorter than a minute: backoff delays when polling hourly. */
    List<Duration> deviceBackoffs() {
        return by("solar-device-").stream()
                .filter(d -> d.compareTo(Duration.ofMinutes(1)) < 0)
                .toList();
    }
}
