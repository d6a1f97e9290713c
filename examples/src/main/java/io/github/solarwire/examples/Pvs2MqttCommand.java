package io.github.solarwire.examples;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Backoff;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.MqttTls;
import io.github.solarwire.mqtt.MqttVersion;
import io.github.solarwire.mqtt.Outbox;
import io.github.solarwire.mqtt.Publication;
import io.github.solarwire.mqtt.TopicLayout;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.pvs.PvsDevice;
import io.github.solarwire.pvs.codec.PowerNotification;
import io.github.solarwire.pvs.ess.SunVaultClient;
import io.github.solarwire.pvs.ess.SunVaultPoll;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar pvs2mqtt}: a drop-in for pvs_recorder. It follows a SunPower PVS6's telemetry
 * WebSocket and publishes each field of the {@code power} notification on {@code <topic>/<field>}
 * as pvs_recorder does (QoS 1, not retained, at most once per {@code --interval}), with {@code
 * <topic>/status} {@code online}/{@code offline} retained and as the last will. Unlike the seed it
 * enables the WebSocket through varserver on new firmware, survives the PVS's drops and silent
 * stalls, never loses a message to a broker outage, and can add per-inverter data and Home
 * Assistant discovery.
 */
@Command(
        name = "pvs2mqtt",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Publishes a SunPower PVS's live power data to MQTT as pvs_recorder does:",
            "  solar pvs2mqtt --pvs-host 172.27.153.1 --mqtt-host 192.168.1.10"
        })
final class Pvs2MqttCommand implements Callable<Integer> {

    /** The fields pvs_recorder publishes, in its order. */
    static final List<String> FIELDS = List.of(
            "time", "site_load_p", "net_p", "pv_p", "site_load_en", "net_en", "pv_en", "ess_p", "ess_en", "soc");

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @EnvVar("PVS_HOST")
    @Option(
            names = "--pvs-host",
            defaultValue = "172.27.153.1",
            paramLabel = "<host>",
            description = "The PVS, or the proxy in front of it. Default: ${DEFAULT-VALUE}.")
    private String pvsHost;

    @EnvVar("PVS_WS_PORT")
    @Option(
            names = "--pvs-ws-port",
            defaultValue = "9002",
            paramLabel = "<port>",
            description = "Telemetry WebSocket port. Default: ${DEFAULT-VALUE}.")
    private int wsPort;

    @EnvVar("PVS_WS_SECURE")
    @Option(
            names = "--pvs-ws-secure",
            defaultValue = "false",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "<true|false>",
            description = "Use wss:// (for a TLS proxy).")
    private String wsSecure;

    @EnvVar("MQTT_HOST")
    @Option(
            names = "--mqtt-host",
            paramLabel = "<host>",
            description = "MQTT broker; without one the values are printed.")
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
            defaultValue = "pvs",
            paramLabel = "<topic>",
            description = "Topic prefix: values go to <topic>/<field>. Default: ${DEFAULT-VALUE}.")
    private String mqttTopic;

    @EnvVar("MQTT_USER")
    @Option(
            names = "--mqtt-user",
            defaultValue = "frigate",
            paramLabel = "<user>",
            description = "MQTT user (pvs_recorder's default: ${DEFAULT-VALUE}); empty for none.")
    private String mqttUser;

    @EnvVar("MQTT_PASSWORD")
    @Option(
            names = "--mqtt-password",
            defaultValue = "frigate",
            paramLabel = "<password>",
            description = "MQTT password (pvs_recorder's default); best set in the environment.")
    private String mqttPassword;

    @Option(names = "--debug", description = "Log debug messages.")
    private boolean debug;

    @EnvVar("PVS_INTERVAL")
    @Option(
            names = "--interval",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Publish the values at most this often. Default: ${DEFAULT-VALUE}.")
    private Duration interval;

    @EnvVar("PVS_SERIAL")
    @Option(
            names = "--pvs-serial",
            paramLabel = "<serial>",
            description = "The PVS serial, for the varserver login when supervisor/info cannot be read.")
    private String pvsSerial;

    @EnvVar("PVS_PASSWORD")
    @Option(
            names = "--pvs-password",
            paramLabel = "<password>",
            description = "The varserver password; default: the last five characters of the serial.")
    private String pvsPassword;

    @EnvVar("PVS_HTTP_URL")
    @Option(
            names = "--pvs-http-url",
            paramLabel = "<url>",
            description = "Where supervisor/info and dl_cgi are served. Default: http://<pvs-host>.")
    private URI httpUrl;

    @EnvVar("PVS_VARSERVER_URL")
    @Option(
            names = "--pvs-varserver-url",
            paramLabel = "<url>",
            description = "Where varserver is served. Default: https://<pvs-host>.")
    private URI varserverUrl;

    @Option(
            names = "--pvs-insecure",
            description = "Accept any TLS certificate from the PVS (it is self-signed); prefer --pvs-pin.")
    private boolean insecure;

    @EnvVar("PVS_PIN")
    @Option(
            names = "--pvs-pin",
            paramLabel = "<sha256>",
            description = "Accept the PVS's TLS certificate with this SHA-256 fingerprint.")
    private String pin;

    @Option(
            names = "--pvs-path",
            defaultValue = "auto",
            paramLabel = "<path>",
            description = "auto (from the firmware build), varserver, dl_cgi, or telemetry (the WebSocket only,"
                    + " like pvs_recorder). Default: ${DEFAULT-VALUE}.")
    private String path;

    @Option(
            names = "--ha-discovery",
            description = "Also publish solarwire's JSON state of the site and of every inverter, meter and the"
                    + " supervisor, with Home Assistant discovery.")
    private boolean haDiscovery;

    @Option(
            names = "--solarwire",
            description = "Also publish solarwire's JSON state on <topic>/<device>/state, without discovery.")
    private boolean solarwire;

    @Option(
            names = "--poll-interval",
            defaultValue = "60s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description =
                    "How often per-device data is read for --ha-discovery/--solarwire. Default: ${DEFAULT-VALUE}.")
    private Duration pollInterval;

    @Option(
            names = "--stale-timeout",
            defaultValue = "90s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Reconnect when the WebSocket is silent this long. Default: ${DEFAULT-VALUE}.")
    private Duration staleTimeout;

    @Option(
            names = "--mqtt-version",
            defaultValue = "3",
            paramLabel = "<3|5>",
            description = "MQTT protocol version: 3 (3.1.1, as pvs_recorder) or 5. Default: ${DEFAULT-VALUE}.")
    private String mqttVersion;

    @Option(names = "--mqtt-tls", description = "Connect to the broker with TLS (system trust).")
    private boolean mqttTls;

    @Option(
            names = "--mqtt-outbox",
            paramLabel = "<dir>",
            description = "Keep unsent messages on disk here, so a restart during a broker outage loses none.")
    private Path outbox;

    @EnvVar("ESS_HOST")
    @Option(
            names = "--ess-host",
            paramLabel = "<host>",
            description = "A SunVault ESS gateway (Modbus TCP, usually 172.27.153.171) to read too; none by default.")
    private String essHost;

    @EnvVar("ESS_PORT")
    @Option(
            names = "--ess-port",
            defaultValue = "502",
            paramLabel = "<port>",
            description = "The ESS gateway's SunSpec Modbus port. Default: ${DEFAULT-VALUE}.")
    private int essPort;

    @EnvVar("ESS_SCHNEIDER_PORT")
    @Option(
            names = "--ess-schneider-port",
            paramLabel = "<port>",
            description = "Also read Schneider's own register map on this port (usually 503).")
    private Integer essSchneiderPort;

    @Option(
            names = "--ess-timeout",
            defaultValue = "2s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "How long an ESS unit may take to answer. Default: ${DEFAULT-VALUE}.")
    private Duration essTimeout;

    @Option(
            names = "--ess-interval",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "How often the ESS is read. Default: ${DEFAULT-VALUE}.")
    private Duration essInterval;

    @Option(
            names = "--run-for",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Stop after this long; default: run until stopped.")
    private Duration runFor;

    Pvs2MqttCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.io.github.solarwire", "debug");
        }
        check();
        boolean readings = haDiscovery || solarwire;
        MqttSink mqtt = mqttHost == null || mqttHost.isBlank() ? null : mqtt(readings);
        Publisher publisher = new Publisher(mqtt, mqttTopic, interval, out, err);
        PvsDevice.Builder b = PvsDevice.builder("pvs", pvsHost)
                .webSocketPort(wsPort)
                .webSocketSecure(Boolean.parseBoolean(wsSecure))
                .path(path())
                .staleTimeout(staleTimeout)
                .serial(pvsSerial)
                .password(pvsPassword == null || pvsPassword.isEmpty() ? null : Secret.of(pvsPassword))
                .pollInterval(readings ? pollInterval : Duration.ZERO)
                .powerListener(publisher::onPower);
        if (httpUrl != null) {
            b.httpUri(httpUrl);
        }
        if (varserverUrl != null) {
            b.varserverUri(varserverUrl);
        }
        if (pin != null && !pin.isBlank()) {
            b.tlsTrust(TlsTrust.pinned(pin));
        } else if (insecure) {
            b.tlsTrust(TlsTrust.insecure());
        }
        PvsDevice device = b.build();
        Recorder recorder = Recorder.builder().stream(device)
                .sink(mqtt != null && readings ? mqtt : new Discard())
                .backoff(Backoff.exponential(Duration.ofSeconds(2), Duration.ofMinutes(2)))
                .build();
        EssPublisher ess = essHost == null || essHost.isBlank() ? null : new EssPublisher(essClient(), publisher);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    if (ess != null) {
                        ess.close();
                    }
                    recorder.close();
                    closeQuietly(mqtt);
                    done.countDown();
                },
                "pvs2mqtt-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        recorder.start();
        if (ess != null) {
            ess.start(essInterval);
        }
        if (runFor != null) {
            done.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            if (ess != null) {
                ess.close();
            }
            recorder.close();
            closeQuietly(mqtt);
        } else {
            done.await();
        }
        out.flush();
        return 0;
    }

    private MqttSink mqtt(boolean readings) throws IOException {
        MqttSink.Builder m = MqttSink.builder(mqttHost)
                .port(mqttPort)
                .topicPrefix(mqttTopic)
                .version(mqttVersion.startsWith("3") ? MqttVersion.MQTT_3_1_1 : MqttVersion.MQTT_5)
                .availabilityTopic(mqttTopic + "/status")
                .qos(1)
                .retain(false)
                .homeAssistant(haDiscovery)
                .layouts(readings ? TopicLayout.jsonState() : (reading, prefix) -> List.of());
        if (mqttUser != null && !mqttUser.isEmpty()) {
            m.credentials(mqttUser, mqttPassword == null ? null : Secret.of(mqttPassword));
        }
        if (mqttTls) {
            m.tls(MqttTls.systemTrust());
        }
        if (outbox != null) {
            m.outbox(Outbox.onDisk(outbox).build());
        }
        return m.build();
    }

    private SunVaultClient essClient() {
        SunVaultClient.Builder b =
                SunVaultClient.builder(essHost.strip()).sunSpecPort(essPort).timeout(essTimeout);
        if (essSchneiderPort != null) {
            b.schneiderPort(essSchneiderPort);
        }
        return b.build();
    }

    private void check() {
        if (essPort < 1 || essPort > 65535) {
            throw usage("--ess-port", Integer.toString(essPort), "1 to 65535");
        }
        if (essInterval.isNegative() || essInterval.isZero()) {
            throw usage("--ess-interval", essInterval.toString(), "a positive duration such as 10s");
        }
        if (wsPort < 1 || wsPort > 65535) {
            throw usage("--pvs-ws-port", Integer.toString(wsPort), "1 to 65535");
        }
        if (mqttPort < 1 || mqttPort > 65535) {
            throw usage("--mqtt-port", Integer.toString(mqttPort), "1 to 65535");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw usage("--interval", interval.toString(), "a positive duration such as 10s");
        }
        if (!mqttVersion.equals("3") && !mqttVersion.equals("3.1.1") && !mqttVersion.equals("5")) {
            throw usage("--mqtt-version", mqttVersion, "3 or 5");
        }
        if (mqttTopic.isEmpty() || mqttTopic.contains("#") || mqttTopic.contains("+") || mqttTopic.endsWith("/")) {
            throw usage("--mqtt-topic", mqttTopic, "a topic prefix without wildcards or a trailing /");
        }
        if (pin != null && !pin.isBlank()) {
            try {
                TlsTrust.pinned(pin);
            } catch (IllegalArgumentException e) {
                throw usage("--pvs-pin", pin, "a SHA-256 fingerprint: 64 hex digits, colons optional");
            }
        }
    }

    private PvsDevice.Path path() {
        return switch (path.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> PvsDevice.Path.AUTO;
            case "varserver" -> PvsDevice.Path.VARSERVER;
            case "dl_cgi", "dlcgi" -> PvsDevice.Path.DL_CGI;
            case "telemetry", "websocket" -> PvsDevice.Path.TELEMETRY_ONLY;
            default -> throw usage("--pvs-path", path, "auto, varserver, dl_cgi, telemetry");
        };
    }

    private CommandLine.ParameterException usage(String option, String value, String accepted) {
        return new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for option '" + option + "': " + value + "; accepted: " + accepted);
    }

    private static void closeQuietly(MqttSink mqtt) {
        if (mqtt != null) {
            try {
                mqtt.close();
            } catch (IOException e) {
                // already logged by the sink
            }
        }
    }

    /** The pvs_recorder topics for one notification: each field present, Python's text of it. */
    static List<Publication> publications(String topic, PowerNotification power) {
        Map<String, String> raw = power.raw();
        List<Publication> out = new ArrayList<>(FIELDS.size());
        for (String field : FIELDS) {
            String value = raw.get(field);
            if (value == null || value.isBlank() || value.equals("null") || value.equalsIgnoreCase("nan")) {
                continue;
            }
            out.add(Publication.text(topic + "/" + field, PythonNumbers.fromJson(value), false));
        }
        return out;
    }

    /** Publishes the newest notification at most once per interval. */
    static final class Publisher {
        private final MqttSink mqtt;
        private final String topic;
        private final long intervalNanos;
        private final PrintStream out;
        private final PrintStream err;
        private long last;
        private boolean published;
        private boolean failing;

        Publisher(MqttSink mqtt, String topic, Duration interval, PrintStream out, PrintStream err) {
            this.mqtt = mqtt;
            this.topic = topic;
            this.intervalNanos = interval.toNanos();
            this.out = out;
            this.err = err;
        }

        synchronized void onPower(PowerNotification power) {
            long now = System.nanoTime();
            if (published && now - last < intervalNanos) {
                return;
            }
            List<Publication> messages = publications(topic, power);
            if (messages.isEmpty()) {
                return;
            }
            published = true;
            last = now;
            publishAll(messages);
        }

        synchronized void publishAll(List<Publication> messages) {
            if (messages.isEmpty()) {
                return;
            }
            if (mqtt == null) {
                StringBuilder line = new StringBuilder();
                for (Publication p : messages) {
                    line.append(line.length() == 0 ? "" : " ")
                            .append(p.topic())
                            .append('=')
                            .append(p.payloadText());
                }
                out.println(line);
                out.flush();
                return;
            }
            try {
                mqtt.publish(messages);
                failing = false;
            } catch (IOException e) {
                if (!failing) {
                    err.println("pvs2mqtt: cannot queue the values: " + e.getMessage());
                    failing = true;
                }
            }
        }
    }

    /**
     * Reads the SunVault every interval and publishes each value on {@code <topic>/<device>/<key>}
     * ({@code pvs/gateway/battery_soc}), numbers as Python prints them. A unit that does not answer
     * is reported once; the others are still published.
     */
    static final class EssPublisher implements AutoCloseable {
        private final SunVaultClient client;
        private final Publisher publisher;
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "pvs2mqtt-ess");
                    t.setDaemon(true);
                    return t;
                });
        private String lastProblem;

        EssPublisher(SunVaultClient client, Publisher publisher) {
            this.client = client;
            this.publisher = publisher;
        }

        void start(Duration every) {
            timer.scheduleWithFixedDelay(this::pollOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void pollOnce() {
            String problem;
            try {
                SunVaultPoll poll = client.poll();
                List<Publication> out = new ArrayList<>();
                poll.topics()
                        .forEach((key, value) -> out.add(Publication.text(
                                publisher.topic + "/" + key,
                                value instanceof Double d ? PythonNumbers.repr(d) : String.valueOf(value),
                                false)));
                publisher.publishAll(out);
                problem = poll.failures().isEmpty()
                        ? null
                        : "ESS units not answering: " + poll.failures().keySet();
            } catch (IOException | RuntimeException e) {
                problem = "ESS: " + e.getMessage();
            }
            if (problem != null && !problem.equals(lastProblem)) {
                publisher.err.println("pvs2mqtt: " + problem);
            } else if (problem == null && lastProblem != null) {
                publisher.err.println("pvs2mqtt: the ESS answers again");
            }
            lastProblem = problem;
        }

        @Override
        public void close() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client.close();
        }
    }

    /** Readings go nowhere when only pvs_recorder's topics are published. */
    private static final class Discard implements Sink {
        @Override
        public void accept(Reading reading) {}

        @Override
        public String name() {
            return "none";
        }

        @Override
        public void close() {}
    }
}
