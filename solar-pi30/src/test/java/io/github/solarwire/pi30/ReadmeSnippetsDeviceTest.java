package io.github.solarwire.pi30;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.sim.Pi30SimulatorServer;
import io.github.solarwire.pi30.sim.SimulatedPi30;
import io.github.solarwire.testkit.SocatPty;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's device snippet reads the simulator on a real pty. */
class ReadmeSnippetsDeviceTest {

    @Test
    void theSnippetRecordsTheInverter(@TempDir Path dir) throws Exception {
        BlockingQueue<Reading> readings = new ArrayBlockingQueue<>(16);
        Sink sink = new Sink() {
            @Override
            public void accept(Reading r) {
                readings.offer(r);
            }

            @Override
            public void close() {}
        };
        SimulatedPi30 sim = new SimulatedPi30(Pi30Protocol.PI30, Clock.systemUTC(), 5);
        try (SocatPty pty = SocatPty.start(dir);
                Pi30SimulatorServer server = Pi30SimulatorServer.serial(sim, pty.deviceEnd(), 0)) {
            assertEquals(0, server.port(), "a pty, not a TCP port");
            Recorder recorder = ReadmeSnippets.device(pty.hostDevice().toString(), sink);
            Reading first;
            try {
                first = readings.poll(30, TimeUnit.SECONDS);
            } finally {
                recorder.close();
            }
            assertTrue(first != null, "no reading within 30 s");
            assertEquals("inverter", first.deviceId());
            assertEquals(sim.serial(), first.device().serial().orElseThrow());
            assertTrue(first.state("pi30.mode").isPresent(), first.toString());
        }
    }
}
