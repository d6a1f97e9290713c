package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's snippets run and do what the README says. */
class ReadmeSnippetsRunTest {

    @Test
    void outboxSnippetRemovesAcknowledgedMessages(@TempDir Path dir) throws Exception {
        Outbox.Message next = ReadmeSnippets.outbox(dir);
        assertEquals("after/ack", next.topic(), "the acknowledged message is gone");
        assertEquals(2, next.sequence());
    }

    @Test
    void discoverySnippetDescribesTheDevice() {
        Publication config = ReadmeSnippets.discovery();
        assertEquals("homeassistant/device/solarwire_inv-1/config", config.topic());
        assertTrue(config.retain());
        assertTrue(config.payloadText().contains("\"unit_of_measurement\":\"kWh\""), config.payloadText());
    }
}
