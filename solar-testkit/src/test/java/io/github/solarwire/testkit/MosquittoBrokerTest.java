package io.github.solarwire.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Proves the harness against a real broker with the same MQTT client the sink uses. */
class MosquittoBrokerTest {

    private static final byte[] PASSWORD = "s3cret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private final List<Mqtt5BlockingClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (Mqtt5BlockingClient c : clients) {
            try {
                c.disconnect();
            } catch (RuntimeException notConnected) {
                // Never connected, refused, or cut off by a broker the test stopped: nothing to clean up.
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anonymousQos1RoundTrip() {
        broker = MosquittoBroker.builder(dir).build().start();
        Mqtt5BlockingClient sub = connected(client("sub"));
        Mqtt5BlockingClient pub = connected(client("pub"));
        byte[] payload = "{\"w\":1234}".getBytes(StandardCharsets.UTF_8);

        try (Mqtt5Publishes received = sub.publishes(MqttGlobalPublishFilter.ALL)) {
            sub.subscribeWith()
                    .topicFilter("solar/+/power")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send();
            pub.publishWith()
                    .topic("solar/inv1/power")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload)
                    .send();
            Mqtt5Publish message = receive(received);
            assertEquals("solar/inv1/power", message.getTopic().toString());
            assertEquals(MqttQos.AT_LEAST_ONCE, message.getQos());
            assertArrayEquals(payload, message.getPayloadAsBytes());
        }
    }

    @Test
    void theRightPasswordIsAcceptedAndAWrongOneRefused() {
        broker = MosquittoBroker.builder(dir).user("solar", "s3cret").build().start();
        Mqtt5ConnAckReasonCode accepted = client("good")
                .connectWith()
                .simpleAuth()
                .username("solar")
                .password(PASSWORD)
                .applySimpleAuth()
                .send()
                .getReasonCode();
        assertEquals(Mqtt5ConnAckReasonCode.SUCCESS, accepted);

        Mqtt5ConnAckException wrong = assertThrows(
                Mqtt5ConnAckException.class,
                () -> client("bad")
                        .connectWith()
                        .simpleAuth()
                        .username("solar")
                        .password("wrong".getBytes(StandardCharsets.UTF_8))
                        .applySimpleAuth()
                        .send());
        // Mosquitto 2.0 answers a wrong password with NOT_AUTHORIZED (0x87), not BAD_USER_NAME_OR_PASSWORD (0x86).
        assertEquals(
                Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, wrong.getMqttMessage().getReasonCode());
        Mqtt5ConnAckException anonymous = assertThrows(Mqtt5ConnAckException.class, client("anon")::connect);
        assertEquals(
                Mqtt5ConnAckReasonCode.NOT_AUTHORIZED,
                anonymous.getMqttMessage().getReasonCode());
    }

    @Test
    void tlsWorksWhenTheClientTrustsTheGeneratedCa() throws Exception {
        broker = MosquittoBroker.builder(dir).tls(true).build().start();
        Mqtt5BlockingClient client = client(builder("tls")
                .sslConfig()
                .trustManagerFactory(broker.trustManagerFactory())
                .applySslConfig());
        assertEquals(Mqtt5ConnAckReasonCode.SUCCESS, client.connect().getReasonCode());

        // The fingerprint must be the one of the certificate the broker presents, or pinning tests prove nothing.
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, broker.trustManagerFactory().getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(broker.host(), broker.port())) {
            socket.startHandshake();
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            String presented = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            assertEquals(broker.serverCertificateFingerprint(), presented);
        }
    }

    @Test
    void tlsFailsWhenTheClientDoesNotTrustTheCa() {
        broker = MosquittoBroker.builder(dir).tls(true).build().start();
        Mqtt5BlockingClient client = client(builder("untrusting").sslWithDefaultConfig());
        ConnectionFailedException e = assertThrows(ConnectionFailedException.class, client::connect);
        assertInstanceOf(SSLHandshakeException.class, e.getCause(), () -> "cause: " + e.getCause());
    }

    @Test
    void aQueuedAndARetainedMessageSurviveAKillAfterTheAutosave() {
        broker = MosquittoBroker.builder(dir).persistence(true).build().start();
        String subscriberId = "meter-" + UUID.randomUUID();
        Mqtt5BlockingClient sub = client(subscriberId);
        // Clean start false even on the first connect: mosquitto 2.0 writes only sessions whose CONNECT had clean
        // start 0 to its database, whatever their session expiry, so a clean-start session dies with a restart.
        sub.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
        sub.subscribeWith()
                .topicFilter("solar/energy")
                .qos(MqttQos.AT_LEAST_ONCE)
                .send();
        sub.disconnect();

        byte[] payload = ("kWh=" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Mqtt5BlockingClient pub = connected(client("pub"));
        pub.publishWith()
                .topic("solar/energy")
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .payload(payload)
                .send();
        pub.disconnect();
        broker.awaitPersisted(payload);
        broker.kill();
        assertFalse(broker.isRunning());
        broker.restart();

        Mqtt5BlockingClient back = client(subscriberId);
        try (Mqtt5Publishes received = back.publishes(MqttGlobalPublishFilter.ALL)) {
            boolean sessionPresent = back.connectWith()
                    .cleanStart(false)
                    .sessionExpiryInterval(300)
                    .send()
                    .isSessionPresent();
            assertTrue(sessionPresent, () -> "session lost; log:\n" + broker.log());
            assertArrayEquals(payload, receive(received).getPayloadAsBytes());
        }
        Mqtt5BlockingClient late = connected(client("late"));
        try (Mqtt5Publishes received = late.publishes(MqttGlobalPublishFilter.ALL)) {
            late.subscribeWith().topicFilter("solar/energy").send();
            Mqtt5Publish retained = receive(received);
            assertTrue(retained.isRetain());
            assertArrayEquals(payload, retained.getPayloadAsBytes());
        }
    }

    @Test
    void stopAndRestartKeepThePort() {
        broker = MosquittoBroker.builder(dir).build().start();
        int port = broker.port();
        long pid = broker.pid();
        broker.stop();
        assertFalse(broker.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "old broker still alive");

        broker.restart();
        assertEquals(port, broker.port());
        assertNotEquals(pid, broker.pid());
        Mqtt5BlockingClient again = client("again");
        assertEquals(Mqtt5ConnAckReasonCode.SUCCESS, again.connect().getReasonCode());
        again.disconnect();
        broker.close();
        broker.close();
        assertFalse(broker.isRunning());
    }

    @Test
    void aBrokerThatCannotStartFailsWithItsLog() {
        MosquittoBroker bad =
                MosquittoBroker.builder(dir).config("no_such_option 1").build();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, bad::start);
        assertTrue(e.getMessage().contains("no_such_option"), e.getMessage());
        assertFalse(bad.isRunning());
    }

    private Mqtt5ClientBuilder builder(String id) {
        return MqttClient.builder()
                .useMqttVersion5()
                .identifier(id)
                .serverHost(broker.host())
                .serverPort(broker.port());
    }

    private Mqtt5BlockingClient client(String id) {
        return client(builder(id));
    }

    /** Remembers every client so that tearDown disconnects it even when an assertion failed half-way. */
    private Mqtt5BlockingClient client(Mqtt5ClientBuilder builder) {
        Mqtt5BlockingClient c = builder.buildBlocking();
        clients.add(c);
        return c;
    }

    private static Mqtt5BlockingClient connected(Mqtt5BlockingClient c) {
        c.connect();
        return c;
    }

    private Mqtt5Publish receive(Mqtt5Publishes publishes) {
        try {
            Optional<Mqtt5Publish> p = publishes.receive(10, TimeUnit.SECONDS);
            return p.orElseThrow(() -> new AssertionFailedError("no message within 10 s; log:\n" + broker.log()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted", e);
        }
    }
}
