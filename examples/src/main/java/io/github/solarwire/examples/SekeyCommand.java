package io.github.solarwire.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.codec.FunctionCode;
import io.github.solarwire.solaredge.codec.ParamGetRequest;
import io.github.solarwire.solaredge.codec.ParamResponse;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrameHandler;
import io.github.solarwire.solaredge.codec.SeFrames;
import io.github.solarwire.solaredge.crypto.InverterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solar sekey}: the inverter's AES key (spec §4.1) from the four parameters 0x0239..0x023C,
 * written as the peer's {@code sekey.py} writes it: 32 lower-case hex characters, no newline.
 *
 * <p>The input is either semonitor's command-mode JSON lines (the output of {@code -c
 * 12,H239/12,H23a/12,H23b/12,H23c}: the first four 0x0012 → 0x0090 lines, in that order) or a raw
 * message stream ({@code .dat}, {@code .rec}) holding the 0x0012 reads and their 0x0090 replies,
 * which are matched by sequence number and address. Exit codes: 0 key written; 1 a parameter is
 * missing (named) or the input is not what it should be; 2 bad usage.
 */
@Command(
        name = "sekey",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Writes the inverter key file from the parameter reads 0x0239..0x023C:",
            "  solar sekey -o 7F104920.key session.jsonl    (semonitor -c output, or a .dat/.rec stream)"
        })
final class SekeyCommand implements Callable<Integer> {

    private static final int COMMAND_PARAMS_GET_SINGLE = 0x0012;
    private static final int RESPONSE_PARAMS_SINGLE = 0x0090;
    private static final JsonFactory JSON = new JsonFactory();

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "FILE",
            description = "JSON lines or a raw message stream; - or none for standard input.")
    private String file;

    @Option(names = "-o", paramLabel = "FILE", description = "Write the key file here instead of standard output.")
    private Path output;

    @Option(
            names = "-i",
            paramLabel = "ID",
            description = "The inverter whose key to take from a raw stream (hex, e.g. 7F104920), when it holds"
                    + " several.")
    private String inverter;

    SekeyCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /** A clear failure: printed as one line, exit code 1. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() throws IOException {
        Long wanted = null;
        if (inverter != null) {
            try {
                wanted = Long.parseLong(inverter, 16) & 0xFF7F_FFFFL;
            } catch (NumberFormatException e) {
                throw DecodeFiles.usage(spec, "-i", inverter, "not a hex inverter id");
            }
        }
        byte[] bytes = DecodeFiles.read(file == null ? "-" : file, "FILE", in, spec);
        InverterKey key;
        try {
            Map<Integer, Long> values = isJson(bytes) ? fromJsonLines(bytes) : fromStream(bytes, wanted);
            key = InverterKey.fromParameters(
                    values.get(InverterKey.FIRST_PARAMETER),
                    values.get(InverterKey.FIRST_PARAMETER + 1),
                    values.get(InverterKey.FIRST_PARAMETER + 2),
                    values.get(InverterKey.FIRST_PARAMETER + 3));
        } catch (Failure e) {
            err.println("sekey: " + e.getMessage());
            return 1;
        }
        if (output == null) {
            out.print(key.toKeyFileText());
            out.flush();
        } else {
            key.write(output);
        }
        return 0;
    }

    private static boolean isJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** The first four 0x0012 → 0x0090 lines, taken as 0x0239..0x023C in order, as the peer's sekey does. */
    private static Map<Integer, Long> fromJsonLines(byte[] bytes) throws Failure {
        List<Long> values = new ArrayList<>();
        int number = 0;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
            number++;
            if (line.isBlank() || values.size() == 4) {
                continue;
            }
            Long value = paramValue(line, number);
            if (value != null) {
                values.add(value);
            }
        }
        Map<Integer, Long> byParameter = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            byParameter.put(InverterKey.FIRST_PARAMETER + i, values.get(i));
        }
        requireAll(byParameter, "command-mode lines (command 18, response 144)");
        return byParameter;
    }

    /** The value of a {@code {"command": 18, "response": 144, "data": {"value": V}}} line, else null. */
    private static Long paramValue(String line, int number) throws Failure {
        long command = -1;
        long response = -1;
        Long value = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Failure("line " + number + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("command") && t == JsonToken.VALUE_NUMBER_INT) {
                    command = p.getLongValue();
                } else if (name.equals("response") && t == JsonToken.VALUE_NUMBER_INT) {
                    response = p.getLongValue();
                } else if (name.equals("data") && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if (field.equals("value") && v == JsonToken.VALUE_NUMBER_INT) {
                            value = p.getLongValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new Failure("line " + number + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (command != COMMAND_PARAMS_GET_SINGLE || response != RESPONSE_PARAMS_SINGLE) {
            return null;
        }
        if (value == null) {
            throw new Failure("line " + number + " is a 0x0090 response without a numeric data.value");
        }
        return value;
    }

    /** The 0x0090 replies to 0x0012 reads of the key parameters, matched by sequence and address. */
    private static Map<Integer, Long> fromStream(byte[] bytes, Long wanted) throws Failure {
        Map<String, Integer> requests = new HashMap<>();
        Map<Long, Map<Integer, Long>> byDevice = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        SeFrames.scan(bytes, new SeFrameHandler() {
            @Override
            public void frame(SeFrame f) {
                int code = f.function().code();
                try {
                    if (code == FunctionCode.PARAMS_GET_SINGLE.code()) {
                        requests.put(
                                exchange(f.sequence(), f.destination()),
                                ParamGetRequest.decode(f.payload()).parameter());
                    } else if (code == FunctionCode.PARAMS_SINGLE.code()) {
                        Integer parameter = requests.remove(exchange(f.sequence(), f.source()));
                        if (parameter != null && isKeyParameter(parameter)) {
                            byDevice.computeIfAbsent(f.source() & 0xFF7F_FFFFL, d -> new TreeMap<>())
                                    .put(
                                            parameter,
                                            ParamResponse.decode(f.payload()).value());
                        }
                    }
                } catch (ProtocolException e) {
                    errors.add("seq " + f.sequence() + " " + f.function().hex() + ": " + e.getMessage());
                }
            }
        });
        if (byDevice.isEmpty()) {
            String why = errors.isEmpty() ? "" : " (bad frames: " + String.join("; ", errors) + ")";
            throw new Failure("no 0x0090 replies to 0x0012 reads of parameters 0x0239..0x023C in the input" + why);
        }
        Map<Integer, Long> values;
        if (wanted != null) {
            values = byDevice.get(wanted);
            if (values == null) {
                throw new Failure(String.format(
                        Locale.ROOT, "no key parameters of inverter %X; found: %s", wanted, ids(byDevice)));
            }
        } else if (byDevice.size() > 1) {
            throw new Failure("key parameters of several inverters (" + ids(byDevice) + "); choose one with -i");
        } else {
            values = byDevice.values().iterator().next();
        }
        requireAll(values, "0x0012/0x0090 exchanges");
        return values;
    }

    private static String exchange(int sequence, long device) {
        return sequence + "/" + (device & 0xFF7F_FFFFL);
    }

    private static boolean isKeyParameter(int parameter) {
        return parameter >= InverterKey.FIRST_PARAMETER && parameter < InverterKey.FIRST_PARAMETER + 4;
    }

    private static String ids(Map<Long, ?> byDevice) {
        return byDevice.keySet().stream()
                .map(id -> String.format(Locale.ROOT, "%X", id))
                .collect(Collectors.joining(", "));
    }

    private static void requireAll(Map<Integer, Long> values, String what) throws Failure {
        List<String> missing = new ArrayList<>();
        for (int p = InverterKey.FIRST_PARAMETER; p < InverterKey.FIRST_PARAMETER + 4; p++) {
            if (!values.containsKey(p)) {
                missing.add(String.format(Locale.ROOT, "0x%04X", p));
            }
        }
        if (!missing.isEmpty()) {
            throw new Failure("parameter" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " missing: found " + values.size() + " of the 4 key parameters in the " + what);
        }
    }
}
