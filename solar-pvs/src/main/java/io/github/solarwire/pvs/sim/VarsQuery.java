package io.github.solarwire.pvs.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One {@code /vars} query, from a URL query string or a POST body of {@code key=value} pairs
 * (url-encoded or not): {@code name=a,b}, {@code match=x}, {@code set=n=v}, {@code fmt=obj},
 * {@code cache=id}.
 */
record VarsQuery(List<String> names, String match, String setName, String setValue, boolean objectForm, String cache) {

    /** What pypvs reads before it logs in. */
    private static final Set<String> OPEN_NAMES = Set.of("/sys/info/serialnum", "/sys/info/lmac", "/sys/info/ssid");

    /**
     * Parses a query.
     *
     * @throws IllegalArgumentException when a pair has no {@code =} or {@code set} has no value
     */
    static VarsQuery parse(String query) {
        List<String> names = null;
        String match = null;
        String setName = null;
        String setValue = null;
        boolean obj = false;
        String cache = null;
        for (String pair : query.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("no value in " + pair);
            }
            String key = decode(pair.substring(0, eq));
            String value = decode(pair.substring(eq + 1));
            switch (key) {
                case "name" ->
                    names = Arrays.stream(value.split(",")).map(String::strip).toList();
                case "match" -> match = value;
                case "fmt" -> obj = value.equals("obj");
                case "cache" -> cache = value;
                case "set" -> {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new IllegalArgumentException("set needs name=value: " + value);
                    }
                    setName = value.substring(0, at);
                    setValue = value.substring(at + 1);
                }
                default -> throw new IllegalArgumentException("unknown parameter " + key);
            }
        }
        return new VarsQuery(names, match, setName, setValue, obj, cache);
    }

    /** Whether this query only reads what the PVS serves without a session. */
    boolean open() {
        return names != null && match == null && setName == null && cache == null && OPEN_NAMES.containsAll(names);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
