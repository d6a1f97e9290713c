package io.github.solarwire.examples;

import io.github.solarwire.core.Secret;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.MqttTls;
import io.github.solarwire.mqtt.MqttVersion;
import io.github.solarwire.mqtt.Outbox;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The MQTT options an app shares ({@code --mqtt-host} and friends), as a picocli mixin. Without
 * {@code --mqtt-host} nothing is published. The password is best given in the environment
 * ({@code SOLAR_<APP>_MQTT_PASSWORD}), where {@code ps} does not show it; it never reaches a log.
 */
final class MqttOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = "--mqtt-host", paramLabel = "<host>", description = "MQTT broker to publish to; none if unset.")
    String host;

    @Option(
            names = "--mqtt-port",
            defaultValue = "1883",
            paramLabel = "<port>",
            description = "MQTT broker port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--mqtt-user", paramLabel = "<user>", description = "MQTT user name.")
    String user;

    @Option(
            names = "--mqtt-password",
            paramLabel = "<password>",
            description = "MQTT password; better set in the environment variable named here.")
    String password;

    @Option(
            names = "--mqtt-topic",
            defaultValue = "solar",
            paramLabel = "<prefix>",
            description = "Topic prefix: states go to <prefix>/<device>/state. Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(
            names = "--mqtt-client-id",
            paramLabel = "<id>",
            description = "MQTT client id. Default: solarwire- and 8 random hex digits.")
    String clientId;

    @Option(
            names = "--mqtt-version",
            defaultValue = "5",
            paramLabel = "<3|5>",
            description = "MQTT protocol version: 3 (3.1.1) or 5. Default: ${DEFAULT-VALUE}.")
    String version;

    @Option(
            names = "--mqtt-tls",
            defaultValue = "false",
            description = "Connect with TLS, trusting the system's certificate authorities.")
    boolean tls;

    @Option(
            names = "--mqtt-ca-file",
            paramLabel = "<pem>",
            description = "Connect with TLS, trusting the certificate authorities in this PEM file.")
    Path caFile;

    @Option(
            names = "--mqtt-outbox",
            paramLabel = "<dir>",
            description = "Keep unacknowledged messages on disk here, so a restart loses none; default: in memory.")
    Path outbox;

    @Option(
            names = "--no-ha-discovery",
            defaultValue = "false",
            description = "Do not publish Home Assistant discovery (published by default).")
    boolean noDiscovery;

    /** Whether a broker was named. */
    boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** A sink builder from these options; checks them first, as usage errors. */
    MqttSink.Builder builder() throws IOException {
        MqttVersion v = switch (version) {
            case "3", "3.1.1" -> MqttVersion.MQTT_3_1_1;
            case "5" -> MqttVersion.MQTT_5;
            default -> throw usage("--mqtt-version", version, "3 or 5");
        };
        if (port < 1 || port > 65535) {
            throw usage("--mqtt-port", Integer.toString(port), "1 to 65535");
        }
        MqttSink.Builder b;
        try {
            b = MqttSink.builder(host).port(port).version(v).topicPrefix(topic).homeAssistant(!noDiscovery);
        } catch (IllegalArgumentException e) {
            throw usage("--mqtt-topic", topic, "a topic prefix without wildcards or a trailing /");
        }
        if (clientId != null) {
            b.clientId(clientId);
        }
        if (user != null) {
            b.credentials(user, password == null ? null : Secret.of(password));
        }
        if (caFile != null) {
            b.tls(MqttTls.caFile(caFile));
        } else if (tls) {
            b.tls(MqttTls.systemTrust());
        }
        if (outbox != null) {
            b.outbox(Outbox.onDisk(outbox).build());
        }
        return b;
    }

    private CommandLine.ParameterException usage(String option, String value, String accepted) {
        return new CommandLine.ParameterException(
                mixee.commandLine(), "Invalid value for option '" + option + "': " + value + "; accepted: " + accepted);
    }
}
