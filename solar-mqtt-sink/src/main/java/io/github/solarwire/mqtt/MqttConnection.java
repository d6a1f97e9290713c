package io.github.solarwire.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * The few things {@link MqttSink} asks of an MQTT client, over the HiveMQ client's MQTT 3.1.1 and
 * MQTT 5 APIs, which share no interface for them. Connecting, publishing and subscribing complete
 * on the client's threads.
 */
abstract class MqttConnection {

    /** A message the broker acknowledged with an error (MQTT 5 only); carries its reason. */
    static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String reason) {
            super(reason);
        }
    }

    final MqttQos qos;
    final MqttSink.Builder config;
    final String willTopic;
    final byte[] willPayload;

    private MqttConnection(MqttQos qos, MqttSink.Builder config, String willTopic, byte[] willPayload) {
        this.qos = qos;
        this.config = config;
        this.willTopic = willTopic;
        this.willPayload = willPayload;
    }

    /** Sends CONNECT with the will, the keep-alive and the credentials; reconnects follow by themselves. */
    abstract CompletableFuture<?> connect();

    /**
     * Publishes at the sink's QoS. Completes when the broker acknowledged it (QoS 1 and 2) or it was
     * written (QoS 0); exceptionally with {@link RefusedException} when the broker refused it.
     */
    abstract CompletableFuture<?> publish(String topic, byte[] payload, boolean retain);

    /** Subscribes at QoS 1; {@code onMessage} runs on a client thread. */
    abstract void subscribe(String filter, Consumer<byte[]> onMessage);

    abstract CompletableFuture<Void> disconnect();

    static MqttConnection create(
            MqttSink.Builder config,
            String willTopic,
            byte[] willPayload,
            MqttClientConnectedListener connected,
            MqttClientDisconnectedListener disconnected)
            throws IOException {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(config.host)
                .serverPort(config.port)
                .mqttConnectTimeout(config.publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (config.tls != null) {
            TrustManagerFactory trust = config.tls.trustManagerFactory();
            transport = trust == null
                    ? transport.sslWithDefaultConfig()
                    : transport.sslConfig().trustManagerFactory(trust).applySslConfig();
        }
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(config.clientId)
                .transportConfig(transport.build())
                .automaticReconnect()
                .initialDelay(config.reconnectInitial.toMillis(), TimeUnit.MILLISECONDS)
                .maxDelay(config.reconnectMax.toMillis(), TimeUnit.MILLISECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(connected)
                .addDisconnectedListener(disconnected);
        MqttQos qos = MqttQos.fromCode(config.qos);
        return config.version == MqttVersion.MQTT_3_1_1
                ? new V3(builder.useMqttVersion3().buildAsync(), qos, config, willTopic, willPayload)
                : new V5(builder.useMqttVersion5().buildAsync(), qos, config, willTopic, willPayload);
    }

    private static final class V5 extends MqttConnection {
        private final Mqtt5AsyncClient client;

        V5(Mqtt5AsyncClient client, MqttQos qos, MqttSink.Builder config, String willTopic, byte[] willPayload) {
            super(qos, config, willTopic, willPayload);
            this.client = client;
        }

        @Override
        CompletableFuture<?> connect() {
            Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect = client.connectWith()
                    .cleanStart(true)
                    .keepAlive((int) config.keepAlive.toSeconds())
                    .willPublish()
                    .topic(willTopic)
                    .payload(willPayload)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .applyWillPublish();
            if (config.username != null) {
                connect = connect.simpleAuth()
                        .username(config.username)
                        .password(password(config))
                        .applySimpleAuth();
            }
            return connect.send();
        }

        @Override
        CompletableFuture<?> publish(String topic, byte[] payload, boolean retain) {
            return client.publishWith()
                    .topic(topic)
                    .payload(payload)
                    .qos(qos)
                    .retain(retain)
                    .send()
                    .handle(V5::checked);
        }

        /** Turns an acknowledgement with an error reason code into a {@link RefusedException}. */
        private static Mqtt5PublishResult checked(Mqtt5PublishResult result, Throwable failure) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof Mqtt5PubAckException e) {
                throw new CompletionException(
                        new RefusedException("PUBACK " + e.getMqttMessage().getReasonCode()));
            }
            if (cause instanceof Mqtt5PubRecException e) {
                throw new CompletionException(
                        new RefusedException("PUBREC " + e.getMqttMessage().getReasonCode()));
            }
            if (cause != null) {
                throw new CompletionException(cause);
            }
            if (result.getError().isPresent()) {
                throw new CompletionException(
                        new RefusedException(result.getError().get().getMessage()));
            }
            return result;
        }

        @Override
        void subscribe(String filter, Consumer<byte[]> onMessage) {
            client.subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> onMessage.accept(p.getPayloadAsBytes()))
                    .send();
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect();
        }
    }

    private static final class V3 extends MqttConnection {
        private final Mqtt3AsyncClient client;

        V3(Mqtt3AsyncClient client, MqttQos qos, MqttSink.Builder config, String willTopic, byte[] willPayload) {
            super(qos, config, willTopic, willPayload);
            this.client = client;
        }

        @Override
        CompletableFuture<?> connect() {
            Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect = client.connectWith()
                    .cleanSession(true)
                    .keepAlive((int) config.keepAlive.toSeconds())
                    .willPublish()
                    .topic(willTopic)
                    .payload(willPayload)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .applyWillPublish();
            if (config.username != null) {
                connect = connect.simpleAuth()
                        .username(config.username)
                        .password(password(config))
                        .applySimpleAuth();
            }
            return connect.send();
        }

        @Override
        CompletableFuture<?> publish(String topic, byte[] payload, boolean retain) {
            return client.publishWith()
                    .topic(topic)
                    .payload(payload)
                    .qos(qos)
                    .retain(retain)
                    .send();
        }

        @Override
        void subscribe(String filter, Consumer<byte[]> onMessage) {
            client.subscribeWith()
                    .topicFilter(filter)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> onMessage.accept(p.getPayloadAsBytes()))
                    .send();
        }

        @Override
        CompletableFuture<Void> disconnect() {
            return client.disconnect();
        }
    }

    private static byte[] password(MqttSink.Builder config) {
        return config.password == null ? new byte[0] : config.password.utf8();
    }
}
