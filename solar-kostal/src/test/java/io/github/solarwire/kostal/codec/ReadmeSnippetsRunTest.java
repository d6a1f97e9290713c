package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Metrics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's snippet runs and does what its comments say. */
class ReadmeSnippetsRunTest {

    @Test
    void quickStart() throws Exception {
        ReadmeSnippets.QuickStart run = ReadmeSnippets.quickStart(Vectors.bytes(Vectors.PIKO36), Instant.EPOCH);
        assertEquals(2336.0, run.status().acPower());
        assertEquals("PIKO 3.6", run.reading().device().model().orElseThrow());
        assertTrue(run.document().startsWith("{\"PIKO\":{\"ENERGY\":{\"actual\":2336,"), run.document());
        assertEquals(33_523_000.0, run.reading().value(Metrics.PV_ENERGY_TOTAL).orElseThrow());
    }
}
