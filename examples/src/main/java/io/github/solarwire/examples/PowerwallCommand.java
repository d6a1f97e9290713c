package io.github.solarwire.examples;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Secret;
import io.github.solarwire.net.TlsTrust;
import io.github.solarwire.tedapi.PowerwallDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * {@code solar powerwall}: a Tesla Powerwall's current state read over the gateway's local TEDAPI,
 * printed once or every {@code --watch} interval, as a table or as JSON lines.
 */
@Command(
        name = "powerwall",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Prints a Tesla Powerwall's state, read over the gateway's local TEDAPI:",
            "  PW_GW_PWD=... solar powerwall --host 192.168.91.1 --watch 5s"
        })
final class PowerwallCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @EnvVar("PW_HOST")
    @Option(
            names = "--host",
            defaultValue = "192.168.91.1",
            paramLabel = "<host>",
            description = "The gateway, or host:port. Default: ${DEFAULT-VALUE}.")
    private String host;

    @EnvVar("PW_GW_PWD")
    @Option(
            names = "--gw-pwd",
            required = true,
            paramLabel = "<password>",
            description = "The gateway password from the QR sticker (on a Powerwall 3, the PW3's own);"
                    + " best set in the environment.")
    private String password;

    @Option(
            names = "--pin",
            paramLabel = "<sha256>",
            description = "Trust only the gateway certificate with this SHA-256 fingerprint.")
    private String pin;

    @Option(
            names = "--insecure",
            description = "Accept any gateway certificate. Without this or --pin, the first certificate is trusted"
                    + " and its fingerprint printed so you can pin it.")
    private boolean insecure;

    @Option(
            names = "--watch",
            converter = DurationConverter.class,
            paramLabel = "<duration>",
            description = "Print again at this interval (at least 5s is kind to the gateway).")
    private Duration watch;

    @Option(names = "--count", defaultValue = "0", paramLabel = "<n>", description = "With --watch: stop after n.")
    private int count;

    @Option(names = "--json", description = "One JSON object per reading instead of the table.")
    private boolean json;

    PowerwallCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (watch != null && (watch.isNegative() || watch.isZero())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--watch': " + watch + "; accepted: a positive duration");
        }
        TlsTrust trust;
        if (pin != null) {
            try {
                trust = TlsTrust.pinned(pin);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '--pin': " + pin
                                + "; accepted: a SHA-256 fingerprint, 64 hex digits");
            }
        } else if (insecure) {
            trust = TlsTrust.insecure();
        } else {
            trust = TlsTrust.firstUse(
                    null,
                    fp -> err.println("powerwall: trusting the gateway's certificate sha256 " + fp + "; pass --pin "
                            + fp + " to trust only it from now on"));
        }
        try (PowerwallDevice device = PowerwallDevice.builder("powerwall", host)
                .password(Secret.of(password))
                .tlsTrust(trust)
                .build()) {
            device.open();
            CountDownLatch never = new CountDownLatch(1);
            for (int round = 1; ; round++) {
                print(device.poll());
                if (watch == null || (count > 0 && round >= count)) {
                    break;
                }
                never.await(watch.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            err.println("powerwall: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private void print(List<Reading> readings) {
        for (Reading r : readings) {
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("time", r.timestamp().toString());
                line.put("device", r.deviceId());
                line.put("kind", r.device().kind());
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    values.put(r.metric(i).key(), r.value(i));
                }
                line.put("values", values);
                Map<String, Object> states = new LinkedHashMap<>();
                r.states().forEach(states::put);
                line.put("states", states);
                out.println(JsonOut.object(line));
            } else {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", r.deviceId()));
                for (int i = 0; i < r.size(); i++) {
                    row.append(String.format(
                            Locale.ROOT,
                            " %s=%.1f%s",
                            r.metric(i).key(),
                            r.value(i),
                            r.metric(i).unit().symbol()));
                }
                r.states()
                        .forEach((k, v) -> row.append(' ').append(k).append('=').append(v));
                out.println(row);
            }
        }
        out.flush();
    }
}
