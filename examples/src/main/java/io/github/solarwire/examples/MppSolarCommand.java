package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.core.Secret;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.Publication;
import io.github.solarwire.pi30.Pi30Client;
import io.github.solarwire.pi30.codec.Pi30Command;
import io.github.solarwire.pi30.codec.Pi30Commands;
import io.github.solarwire.pi30.codec.Pi30MppSolarFormat;
import io.github.solarwire.pi30.codec.Pi30Protocol;
import io.github.solarwire.pi30.transport.HidrawLink;
import io.github.solarwire.pi30.transport.LinkTimeoutException;
import io.github.solarwire.pi30.transport.LinkTimeouts;
import io.github.solarwire.pi30.transport.Pi30Link;
import io.github.solarwire.pi30.transport.SerialLink;
import io.github.solarwire.pi30.transport.TcpLink;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar mppsolar}: the core of the mpp-solar command line, on solarwire's PI30 codec and
 * links. Sends one or more commands, prints or publishes the decoded replies with mpp-solar's field
 * names and units, once or as a daemon.
 */
@Command(
        name = "mppsolar",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Talks to a Voltronic / MPP Solar PI30 inverter, like mpp-solar:",
            "  solar mppsolar -p /dev/ttyUSB0 -c QPIGS,QPIRI -o json",
            "Setting commands (POP02, PCP03, ...) also need --allow-write."
        })
final class MppSolarCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MppSolarCommand.class);

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "/dev/ttyUSB0",
            paramLabel = "<port>",
            description = "Serial port, hidraw device, or host:port of a serial bridge. Default: ${DEFAULT-VALUE}.")
    private String port;

    @Option(
            names = {"-P", "--protocol"},
            defaultValue = "PI30",
            paramLabel = "<protocol>",
            description = "PI30 or PI30MAX. Default: ${DEFAULT-VALUE}.")
    private String protocol;

    @Option(
            names = {"-c", "--command"},
            defaultValue = "QPIGS",
            paramLabel = "<commands>",
            description = "Commands, comma-separated, e.g. QPIGS,QPIRI,QMOD. Default: ${DEFAULT-VALUE}.")
    private String commands;

    @Option(
            names = {"-b", "--baud"},
            defaultValue = "2400",
            paramLabel = "<baud>",
            description = "Serial baud rate. Default: ${DEFAULT-VALUE}.")
    private int baud;

    @Option(
            names = "--porttype",
            paramLabel = "<type>",
            description = "serial, hidraw or tcp. Default: from the port (hidraw or mppsolar in the name: hidraw;"
                    + " host:port: tcp; else serial).")
    private String portType;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "screen",
            paramLabel = "<outputs>",
            description = "screen, json, mqtt or hass; several comma-separated. Default: ${DEFAULT-VALUE}.")
    private String outputs;

    @Option(
            names = {"-q", "--mqttbroker"},
            defaultValue = "localhost",
            paramLabel = "<host>",
            description = "MQTT broker for the mqtt and hass outputs. Default: ${DEFAULT-VALUE}.")
    private String mqttBroker;

    @Option(
            names = "--mqttport",
            defaultValue = "1883",
            paramLabel = "<port>",
            description = "MQTT broker port. Default: ${DEFAULT-VALUE}.")
    private int mqttPort;

    @Option(names = "--mqttuser", paramLabel = "<user>", description = "MQTT user name.")
    private String mqttUser;

    @Option(
            names = "--mqttpass",
            paramLabel = "<password>",
            description = "MQTT password; better set in the environment variable named here.")
    private String mqttPass;

    @Option(
            names = {"-T", "--tag"},
            paramLabel = "<tag>",
            description = "MQTT topic prefix of the mqtt output. Default: the command, as mpp-solar.")
    private String tag;

    @Option(
            names = {"-D", "--daemon"},
            defaultValue = "false",
            description = "Keep running: send the commands every --pause.")
    private boolean daemon;

    @Option(
            names = "--pause",
            defaultValue = "60s",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Time between two rounds in daemon mode, e.g. 10s. Default: ${DEFAULT-VALUE}.")
    private Duration pause;

    @Option(
            names = "--rounds",
            defaultValue = "0",
            paramLabel = "<n>",
            description = "In daemon mode, stop after this many rounds; 0 runs until stopped.")
    private int rounds;

    @Option(
            names = "--allow-write",
            defaultValue = "false",
            description = "Allow setting commands, which change the inverter's configuration.")
    private boolean allowWrite;

    MppSolarCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Pi30Protocol variant = parseProtocol();
        List<Pi30Command<?>> list = parseCommands(variant);
        Set<String> outs = parseOutputs();
        MqttSink mqtt = null;
        if (outs.contains("mqtt") || outs.contains("hass")) {
            MqttSink.Builder b = MqttSink.builder(mqttBroker).port(mqttPort).homeAssistant(false);
            if (mqttUser != null) {
                b.credentials(mqttUser, mqttPass == null ? null : Secret.of(mqttPass));
            }
            mqtt = b.build();
        }
        int failures = 0;
        Pi30Client client = null;
        try {
            for (int round = 1; ; round++) {
                if (client == null) {
                    try {
                        client = Pi30Client.over(openLink(), timeouts(), 2);
                    } catch (IOException e) {
                        if (!daemon) {
                            throw e;
                        }
                        failures++;
                        err.println("mppsolar: " + e.getMessage() + "; trying again in " + pause.toSeconds() + " s");
                    }
                }
                for (int i = 0; client != null && i < list.size(); i++) {
                    Outcome outcome = runOne(client, list.get(i), outs, mqtt);
                    if (outcome != Outcome.OK) {
                        failures++;
                    }
                    if (outcome == Outcome.LINK_DOWN) {
                        client.close(); // opened again at the next round
                        client = null;
                    }
                }
                if (!daemon || (rounds > 0 && round >= rounds)) {
                    break;
                }
                new CountDownLatch(1).await(pause.toNanos(), TimeUnit.NANOSECONDS);
            }
        } finally {
            if (client != null) {
                client.close();
            }
            if (mqtt != null) {
                mqtt.close();
            }
        }
        out.flush();
        return failures == 0 || daemon ? 0 : 1;
    }

    /** How one command went. */
    private enum Outcome {
        OK,
        /** Refused, damaged or late: the link is fine. */
        FAILED,
        /** The link itself failed (unplugged, the bridge went away): open it again. */
        LINK_DOWN
    }

    /** Sends one command and writes its reply to every output. */
    private Outcome runOne(Pi30Client client, Pi30Command<?> command, Set<String> outs, MqttSink mqtt) {
        String name = command.request().command();
        Map<String, List<Object>> fields;
        try {
            Object reply = client.send(command);
            fields = Pi30MppSolarFormat.fields(command, reply);
        } catch (IOException e) {
            String message = e.getMessage();
            if (outs.contains("json")) {
                out.println(JsonOut.object(Map.of("_command", name, "error", message)));
            } else {
                err.println("mppsolar: " + name + ": " + message);
            }
            LOG.debug("{} failed", name, e);
            return e instanceof ProtocolException || e instanceof LinkTimeoutException
                    ? Outcome.FAILED
                    : Outcome.LINK_DOWN;
        }
        if (outs.contains("screen")) {
            screen(name, fields);
        }
        if (outs.contains("json")) {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("_command", name);
            json.putAll(fields);
            out.println(JsonOut.object(json));
        }
        try {
            if (outs.contains("mqtt")) {
                mqtt.publish(mqttMessages(tag != null ? tag : name, fields));
            }
            if (outs.contains("hass")) {
                mqtt.publish(hassMessages(tag != null ? tag : name, fields));
            }
        } catch (IOException e) {
            err.println("mppsolar: " + name + ": MQTT: " + e.getMessage());
            return Outcome.FAILED;
        }
        return Outcome.OK;
    }

    private void screen(String name, Map<String, List<Object>> fields) {
        out.println("Command: " + name);
        out.println("-".repeat(60));
        out.printf(Locale.ROOT, "%-40s %s%n", "Parameter", "Value Unit");
        for (Map.Entry<String, List<Object>> f : fields.entrySet()) {
            Object value = f.getValue().get(0);
            Object unit = f.getValue().size() > 1 ? f.getValue().get(1) : "";
            out.printf(Locale.ROOT, "%-40s %s %s%n", key(f.getKey()), value, unit);
        }
    }

    /** mpp-solar's topic key: lower case, spaces as underscores. */
    static String key(String name) {
        return name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    /** mpp-solar's mqtt output: {@code <tag>/status/<key>/value} and {@code .../unit}. */
    static List<Publication> mqttMessages(String tag, Map<String, List<Object>> fields) {
        List<Publication> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> f : fields.entrySet()) {
            String base = tag + "/status/" + key(f.getKey());
            out.add(Publication.text(
                    base + "/value", String.valueOf(f.getValue().get(0)), false));
            Object unit = f.getValue().size() > 1 ? f.getValue().get(1) : "";
            if (!String.valueOf(unit).isEmpty()) {
                out.add(Publication.text(base + "/unit", String.valueOf(unit), false));
            }
        }
        return out;
    }

    /**
     * mpp-solar's hass output: a retained sensor config on {@code homeassistant/sensor/mpp_<tag>_<key>/config}
     * and the value on {@code .../state}.
     */
    static List<Publication> hassMessages(String tag, Map<String, List<Object>> fields) {
        List<Publication> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>> f : fields.entrySet()) {
            String object = "mpp_" + key(tag) + "_" + key(f.getKey());
            String base = "homeassistant/sensor/" + object;
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            config.put("name", "mpp " + tag + " " + f.getKey());
            config.put("unique_id", object);
            config.put("state_topic", base + "/state");
            Object unit = f.getValue().size() > 1 ? f.getValue().get(1) : "";
            if (!String.valueOf(unit).isEmpty()) {
                config.put("unit_of_measurement", String.valueOf(unit));
            }
            out.add(Publication.text(base + "/config", JsonOut.object(config), true));
            out.add(Publication.text(
                    base + "/state", String.valueOf(f.getValue().get(0)), false));
        }
        return out;
    }

    private Pi30Link openLink() throws IOException {
        String type = portType != null ? portType.toLowerCase(Locale.ROOT) : guessPortType(port);
        return switch (type) {
            case "hidraw" -> HidrawLink.open(Path.of(port));
            case "tcp" -> {
                int colon = port.lastIndexOf(':');
                if (colon < 1) {
                    throw usage("--port", port, "host:port for --porttype tcp");
                }
                yield TcpLink.open(
                        port.substring(0, colon), parsePort(port.substring(colon + 1)), Duration.ofSeconds(5));
            }
            case "serial" -> SerialLink.open(port, baud);
            default -> throw usage("--porttype", portType, "serial, hidraw or tcp");
        };
    }

    /** mpp-solar's rule, made predictable: hidraw or mppsolar in the name, host:port, else serial. */
    static String guessPortType(String port) {
        String p = port.toLowerCase(Locale.ROOT);
        if (p.contains("hidraw") || p.contains("mppsolar")) {
            return "hidraw";
        }
        if (!p.startsWith("/") && p.matches("[^/]+:\\d{1,5}")) {
            return "tcp";
        }
        return "serial";
    }

    private int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("--port", port, "host:port with a port from 1 to 65535");
    }

    private LinkTimeouts timeouts() {
        String type = portType != null ? portType.toLowerCase(Locale.ROOT) : guessPortType(port);
        return type.equals("serial") ? LinkTimeouts.SERIAL : LinkTimeouts.PACKETS;
    }

    private Pi30Protocol parseProtocol() {
        try {
            return Pi30Protocol.valueOf(protocol.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--protocol", protocol, "PI30 or PI30MAX");
        }
    }

    private List<Pi30Command<?>> parseCommands(Pi30Protocol variant) {
        List<Pi30Command<?>> list = new ArrayList<>();
        for (String text : commands.split(",")) {
            String c = text.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            Pi30Command<?> command;
            try {
                command = Pi30Commands.parse(c, variant);
            } catch (IllegalArgumentException e) {
                throw usage("--command", c, e.getMessage());
            }
            if (command.isSetting() && !allowWrite) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), c + " changes the inverter's settings; add --allow-write to send it");
            }
            list.add(command);
        }
        if (list.isEmpty()) {
            throw usage("--command", commands, "one or more commands, comma-separated");
        }
        return list;
    }

    private Set<String> parseOutputs() {
        Set<String> outs = new LinkedHashSet<>();
        for (String o : outputs.split(",")) {
            String name = o.strip().toLowerCase(Locale.ROOT);
            if (!Set.of("screen", "json", "mqtt", "hass").contains(name)) {
                throw usage("--output", o, "screen, json, mqtt or hass");
            }
            outs.add(name);
        }
        return outs;
    }

    private CommandLine.ParameterException usage(String option, String value, String accepted) {
        return new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for option '" + option + "': " + value + "; accepted: " + accepted);
    }
}
