package io.github.solarwire.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.tedapi.view.FirmwareInfo;
import io.github.solarwire.tedapi.view.GatewaySnapshot;
import io.github.solarwire.tedapi.view.LegacyViews;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solar decode tedapi}: the JSON documents a Powerwall gateway returns over TEDAPI (config,
 * status, controller, components, firmware), turned into one of the legacy local API views that
 * pypowerwall serves, printed as JSON (or CSV text for {@code csv} and {@code csv_v2}).
 *
 * <p>Exit codes: 0 printed; 1 an input is not valid (printed as {@code {"error": "..."}}); 2 bad
 * usage.
 */
@Command(
        name = "tedapi",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Computes a pypowerwall legacy API view from saved TEDAPI documents.",
            "Example: solar decode tedapi --din $(cat din.txt) --config config.json --status status.json --view aggregates"
        })
final class TedapiDecodeCommand implements Callable<Integer> {

    /** The views, by the name given to {@code --view}. */
    static final List<String> VIEWS = List.of(
            "aggregates",
            "soe",
            "soe_raw",
            "grid_status",
            "site_info",
            "status",
            "powerwalls",
            "vitals",
            "strings",
            "temps",
            "alerts",
            "fans",
            "freq",
            "pod",
            "battery",
            "csv",
            "csv_v2");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--din", required = true, paramLabel = "DIN", description = "The gateway DIN (/tedapi/din).")
    private String din;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The config.json document.")
    private String config;

    @Option(
            names = "--status",
            required = true,
            paramLabel = "FILE",
            description = "The status document (the DeviceControllerQuery result).")
    private String status;

    @Option(names = "--controller", paramLabel = "FILE", description = "The full controller query result.")
    private String controller;

    @Option(
            names = "--firmware",
            paramLabel = "FILE",
            description = "The firmware details ({\"system\":{\"version\":{\"text\":…,\"githash\":…}}}).")
    private String firmware;

    @Option(
            names = "--components",
            paramLabel = "DIN=FILE",
            description = "A Powerwall 3's ComponentsQuery result, by its DIN; repeat for each unit.")
    private List<String> components = List.of();

    @Option(
            names = "--view",
            required = true,
            paramLabel = "NAME",
            description =
                    "aggregates, soe, soe_raw, grid_status, site_info, status, powerwalls, vitals, strings, temps,"
                            + " alerts, fans, freq, pod, battery, csv, csv_v2.")
    private String view;

    TedapiDecodeCommand(PrintStream out, InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() {
        String name = view.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!VIEWS.contains(name)) {
            throw DecodeFiles.usage(spec, "--view", view, "accepted: " + String.join(", ", VIEWS));
        }
        try {
            GatewaySnapshot.Builder b = GatewaySnapshot.builder(din.strip())
                    .config(DecodeFiles.read(config, "--config", in, spec))
                    .status(DecodeFiles.read(status, "--status", in, spec));
            if (controller != null) {
                b.controller(DecodeFiles.read(controller, "--controller", in, spec));
            }
            if (firmware != null) {
                b.firmware(firmware(DecodeFiles.read(firmware, "--firmware", in, spec)));
            }
            for (String c : components) {
                int eq = c.indexOf('=');
                if (eq <= 0 || eq == c.length() - 1) {
                    throw DecodeFiles.usage(spec, "--components", c, "accepted: DIN=FILE");
                }
                b.components(c.substring(0, eq), DecodeFiles.read(c.substring(eq + 1), "--components", in, spec));
            }
            GatewaySnapshot snapshot = b.build();
            if (name.equals("csv") || name.equals("csv_v2")) {
                out.println(
                        name.equals("csv")
                                ? LegacyViews.csv(snapshot, false, false)
                                : LegacyViews.csvV2(snapshot, false, false));
            } else {
                out.println(new String(json(name, snapshot), StandardCharsets.UTF_8));
            }
            out.flush();
            return 0;
        } catch (ProtocolException e) {
            return DecodeFiles.error(e.getMessage(), out);
        }
    }

    private static byte[] json(String name, GatewaySnapshot s) {
        return switch (name) {
            case "aggregates" -> LegacyViews.aggregatesJson(s);
            case "soe" -> LegacyViews.soeJson(s);
            case "soe_raw" -> LegacyViews.rawSoeJson(s);
            case "grid_status" -> LegacyViews.gridStatusJson(s);
            case "site_info" -> LegacyViews.siteInfoJson(s);
            case "status" -> LegacyViews.statusJson(s);
            case "powerwalls" -> LegacyViews.powerwallsJson(s);
            case "vitals" -> LegacyViews.vitalsJson(s);
            case "strings" -> LegacyViews.stringsJson(s);
            case "temps" -> LegacyViews.tempsJson(s);
            case "alerts" -> LegacyViews.alertsJson(s);
            case "fans" -> LegacyViews.fansJson(s);
            case "freq" -> LegacyViews.freqJson(s);
            case "pod" -> LegacyViews.podJson(s);
            case "battery" -> LegacyViews.batteryJson(s);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The firmware details document: {@code system.version.text} and {@code githash}. */
    private static FirmwareInfo firmware(byte[] json) throws ProtocolException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ProtocolException("the firmware document is not JSON", -1, "JSON", e.getMessage());
        }
        JsonNode version = root.path("system").path("version");
        if (!version.path("text").isTextual()) {
            throw new ProtocolException(
                    "the firmware document has no system.version.text", -1, "a version text", root.toString());
        }
        String hash =
                version.path("githash").isTextual() ? version.path("githash").asText() : null;
        return new FirmwareInfo(version.path("text").asText(), hash);
    }
}
