package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Metrics;
import io.github.solarwire.core.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleTableSinkTest {

    private static final Reading READING = Reading.builder(
                    DeviceInfo.builder("inv-1", "inverter").build(), Instant.parse("2026-06-21T10:00:00Z"))
            .add(Metrics.PV_POWER, 4321)
            .add(Metrics.BATTERY_SOC, 87.5)
            .add(Metrics.PV_ENERGY_TOTAL, 1_234_567)
            .state("status", "producing")
            .build();

    @Test
    void printsOneLinePerReadingWithUnitsWhenNotATerminal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsoleTableSink sink =
                new ConsoleTableSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            sink.accept(READING);
            sink.accept(READING);
            sink.flush();
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(
                lines[0].contains(
                        " inv-1  pv.power=4321W  battery.soc=87.5%  pv.energy.total=1234.57kWh  status=producing"),
                lines[0]);
    }

    @Test
    void drawsATableWithOneRowPerDeviceOnATerminal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsoleTableSink sink = new ConsoleTableSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), true)) {
            sink.accept(READING);
            sink.accept(READING);
            sink.flush();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("device "), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("inv-1 ")).count(), text);
        assertTrue(text.contains("4321") && text.contains("87.5") && text.contains("producing"), text);
    }

    @Test
    void aClosedStreamIsAnErrorNotSilence() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ConsoleTableSink sink = new ConsoleTableSink(new PrintStream(broken, true, StandardCharsets.UTF_8), false);
        assertThrows(IOException.class, () -> sink.accept(READING));
    }
}
