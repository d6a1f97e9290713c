package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.solarwire.core.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's snippet runs and does what its comments say. */
class ReadmeSnippetsRunTest {

    @Test
    void quickStart() throws Exception {
        ReadmeSnippets.QuickStart run = ReadmeSnippets.quickStart(
                Vectors.bytes(Vectors.WS_POWER), Vectors.bytes(Vectors.DL_ESUNPOWER), Instant.EPOCH);
        assertEquals(6559.0014648437509, run.site().value(Metrics.PV_POWER).orElseThrow(), 1e-9);
        assertEquals("6.5590014648437509", run.raw().get("pv_p"));
        assertNull(run.ignoredType());
        assertEquals(33, run.devices().size());

        ReadmeSnippets.QuickStart other = ReadmeSnippets.quickStart(
                "{\"notification\":\"hello\"}".getBytes(StandardCharsets.UTF_8),
                Vectors.bytes(Vectors.DL_EXPORTER),
                Instant.EPOCH);
        assertEquals("hello", other.ignoredType());
        assertNull(other.site());
    }
}
