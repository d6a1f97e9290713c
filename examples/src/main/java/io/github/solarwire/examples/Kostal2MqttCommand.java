package io.github.solarwire.examples;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.kostal.KostalDevice;
import io.github.solarwire.kostal.codec.KostalDocument;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.MqttTls;
import io.github.solarwire.mqtt.Publication;
import io.github.solarwire.mqtt.TopicLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar kostal2mqtt}: a drop-in for kostal2mqtt. It reads a first-generation Kostal PIKO's
 * status page every {@code SCRAPE_INTERVAL} and publishes kostal2mqtt's JSON document on {@code
 * MQTT_TOPIC}, with the seed's environment variables. Unlike the seed it never exits on an
 * inverter or broker outage, its MQTT credentials work, and the energy totals survive the night.
 */
@Command(
        name = "kostal2mqtt",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Publishes a Kostal PIKO's status page to MQTT as kostal2mqtt does:",
            "  KOSTAL_HOST=192.168.0.128 MQTT_HOST=127.0.0.1 solar kostal2mqtt"
        })
final class Kostal2MqttCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @EnvVar("KOSTAL_HOST")
    @Option(
            names = "--kostal-host",
            required = true,
            paramLabel = "<host>",
            description = "The inverter: an address, host:port or a full URL.")
    private String kostalHost;

    @EnvVar("KOSTAL_USERNAME")
    @Option(
            names = "--kostal-username",
            defaultValue = "pvserver",
            paramLabel = "<user>",
            description = "Web server user. Default: ${DEFAULT-VALUE}.")
    private String kostalUser;

    @EnvVar("KOSTAL_PASSWORD")
    @Option(
            names = "--kostal-password",
            defaultValue = "pvwr",
            paramLabel = "<password>",
            description = "Web server password (the factory one by default); best set in the environment.")
    private String kostalPassword;

    @EnvVar("MQTT_HOST")
    @Option(
            names = "--mqtt-host",
            defaultValue = "127.0.0.1",
            paramLabel = "<host>",
            description = "MQTT broker. Default: ${DEFAULT-VALUE}.")
    private String mqttHost;

    @EnvVar("MQTT_PORT")
    @Option(
            names = "--mqtt-port",
            defaultValue = "1883",
            paramLabel = "<port>",
            description = "MQTT port. Default: ${DEFAULT-VALUE}.")
    private int mqttPort;

    @EnvVar("MQTT_TOPIC")
    @Option(
            names = "--mqtt-topic",
            defaultValue = "KOSTAL",
            paramLabel = "<topic>",
            description = "The topic of the JSON document. Default: ${DEFAULT-VALUE}.")
    private String mqttTopic;

    @EnvVar("MQTT_USERNAME")
    @Option(names = "--mqtt-username", paramLabel = "<user>", description = "MQTT user.")
    private String mqttUser;

    @EnvVar("MQTT_PASSWORD")
    @Option(
            names = "--mqtt-password",
            paramLabel = "<password>",
            description = "MQTT password; best set in the environment.")
    private String mqttPassword;

    @EnvVar("MQTT_CLIENT_ID")
    @Option(
            names = "--mqtt-client-id",
            paramLabel = "<id>",
            description = "MQTT client id. Default: solarwire- and 8 random hex digits.")
    private String mqttClientId;

    @EnvVar("MQTT_KEEPALIVE")
    @Option(
            names = "--mqtt-keepalive",
            defaultValue = "60",
            paramLabel = "<seconds>",
            description = "MQTT keep-alive in seconds. Default: ${DEFAULT-VALUE}.")
    private int keepAlive;

    @EnvVar("MQTT_TLS")
    @Option(
            names = "--mqtt-tls",
            defaultValue = "false",
            paramLabel = "<true|false>",
            arity = "0..1",
            fallbackValue = "true",
            description = "Connect to the broker with TLS (system trust).")
    private String mqttTls;

    @EnvVar("SCRAPE_INTERVAL")
    @Option(
            names = "--scrape-interval",
            defaultValue = "10",
            paramLabel = "<seconds>",
            description = "Seconds between two reads (10s, 1m also work). Default: ${DEFAULT-VALUE}.")
    private String scrapeInterval;

    @Option(
            names = "--kostal-source",
            defaultValue = "page",
            paramLabel = "<source>",
            description = "page (index.fhtml), xml (MP plus all.xml), port81 (the binary protocol), or auto to probe"
                    + " them in that order. Default: ${DEFAULT-VALUE}.")
    private String source;

    @Option(
            names = "--kostal-port81",
            defaultValue = "81",
            paramLabel = "<port>",
            description = "TCP port of the binary protocol. Default: ${DEFAULT-VALUE}.")
    private int port81;

    @Option(
            names = "--ha-discovery",
            defaultValue = "false",
            description = "Also publish solarwire's JSON state with Home Assistant discovery.")
    private boolean haDiscovery;

    @Option(
            names = "--solarwire",
            defaultValue = "false",
            description = "Also publish solarwire's JSON state on <topic>/kostal/state (without discovery).")
    private boolean solarwire;

    @Option(
            names = "--mqtt-outbox",
            paramLabel = "<dir>",
            description = "Keep unsent documents on disk here, so a restart during a broker outage loses none;"
                    + " default: in memory.")
    private java.nio.file.Path outbox;

    @Option(
            names = "--rounds",
            defaultValue = "0",
            paramLabel = "<n>",
            description = "Stop after this many reads; 0 runs until stopped.")
    private int rounds;

    Kostal2MqttCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Duration interval = interval();
        KostalDevice device;
        try {
            device = KostalDevice.builder("kostal", kostalHost)
                    .credentials(kostalUser, Secret.of(kostalPassword))
                    .source(source())
                    .port81(port81, 255)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for option '--kostal-host' (KOSTAL_HOST): " + e.getMessage());
        }
        MqttSink.Builder b = MqttSink.builder(mqttHost)
                .port(mqttPort)
                .topicPrefix(mqttTopic)
                .keepAlive(Duration.ofSeconds(keepAlive))
                .homeAssistant(haDiscovery)
                .layouts(TopicLayout.jsonState());
        if (mqttClientId != null && !mqttClientId.isBlank()) {
            b.clientId(mqttClientId);
        }
        if (mqttUser != null && !mqttUser.isBlank()) {
            b.credentials(mqttUser, mqttPassword == null ? null : Secret.of(mqttPassword));
        }
        if (Boolean.parseBoolean(mqttTls)) {
            b.tls(MqttTls.systemTrust());
        }
        if (outbox != null) {
            b.outbox(io.github.solarwire.mqtt.Outbox.onDisk(outbox).build());
        }
        boolean open = false;
        boolean failing = false;
        try (MqttSink mqtt = b.build()) {
            for (int round = 1; rounds == 0 || round <= rounds; round++) {
                PikoStatus status;
                try {
                    if (!open) {
                        device.open();
                        open = true;
                    }
                    List<Reading> readings = device.poll();
                    status = device.lastStatus();
                    if (haDiscovery || solarwire) {
                        for (Reading r : readings) {
                            mqtt.accept(r);
                        }
                    }
                    if (failing) {
                        err.println("kostal2mqtt: " + kostalHost + " answers again");
                        failing = false;
                    }
                } catch (IOException e) {
                    if (!failing) {
                        err.println("kostal2mqtt: " + e.getMessage() + "; publishing \"No data\" and trying again");
                        failing = true;
                    }
                    device.close();
                    open = false;
                    status = new PikoStatus(null, null, null, null, null, null, null, List.of(), List.of());
                }
                mqtt.publish(List.of(Publication.text(mqttTopic, KostalDocument.toJson(status), false)));
                if (rounds == 0 || round < rounds) {
                    new CountDownLatch(1).await(interval.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            device.close();
        }
        out.flush();
        return 0;
    }

    private KostalDevice.Source source() {
        try {
            return KostalDevice.Source.valueOf(source.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--kostal-source': " + source + "; accepted: page, xml, port81, auto");
        }
    }

    private Duration interval() {
        String s = scrapeInterval.strip();
        try {
            Duration d = s.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(s)) : new DurationConverter().convert(s);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be above 0");
            }
            return d;
        } catch (Exception e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--scrape-interval' (SCRAPE_INTERVAL): " + s
                            + "; accepted: seconds, or a duration such as 500ms, 10s, 1m");
        }
    }
}
