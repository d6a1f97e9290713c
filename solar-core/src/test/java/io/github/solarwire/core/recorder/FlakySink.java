package io.github.solarwire.core.recorder;

import io.github.solarwire.core.Reading;
import java.io.IOException;

/** Throws for its first {@code failures} accept calls, then works. */
final class FlakySink extends RecordingSink {

    private final long failures;

    FlakySink(String name, long failures) {
        super(name);
        this.failures = failures;
    }

    /** A sink that never recovers. */
    static FlakySink broken(String name) {
        return new FlakySink(name, Long.MAX_VALUE);
    }

    @Override
    void beforeAccept(Reading reading, long call) throws IOException {
        if (call <= failures) {
            throw new IOException("scripted sink failure " + call);
        }
    }
}
