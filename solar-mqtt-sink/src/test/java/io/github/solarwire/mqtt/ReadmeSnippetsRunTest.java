package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.Secret;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.testkit.MosquittoBroker;
import io.github.solarwire.testkit.TestSubscriber;
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
    void sinkSnippetPublishesDiscoveryAndStatesToARealBroker(@TempDir Path dir) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.builder(dir.resolve("broker"))
                        .user("solar", "pw")
                        .build()
                        .start();
                TestSubscriber subscriber = subscribeAs(broker)) {
            Recorder recorder = ReadmeSnippets.sink(broker.host(), broker.port(), Secret.of("pw"), dir);
            try {
                subscriber.await("a state", () -> subscriber.count(m -> m.startsWith("solar/inv-1/state {")) >= 1);
            } finally {
                recorder.close();
            }
            assertTrue(
                    subscriber.contains("solar/availability online"),
                    subscriber.all().toString());
            assertEquals(1, subscriber.count(m -> m.startsWith("homeassistant/device/solarwire_inv-1/config {")));
        }
    }

    private static TestSubscriber subscribeAs(MosquittoBroker broker) throws Exception {
        return TestSubscriber.subscribe(
                broker, "#", com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE, "solar", "pw");
    }

    @Test
    void discoverySnippetDescribesTheDevice() {
        Publication config = ReadmeSnippets.discovery();
        assertEquals("homeassistant/device/solarwire_inv-1/config", config.topic());
        assertTrue(config.retain());
        assertTrue(config.payloadText().contains("\"unit_of_measurement\":\"kWh\""), config.payloadText());
    }
}
