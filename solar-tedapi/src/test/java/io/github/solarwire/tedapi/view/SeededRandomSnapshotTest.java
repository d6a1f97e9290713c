package io.github.solarwire.tedapi.view;

import static io.github.solarwire.tedapi.view.TedapiVectors.PW2;
import static io.github.solarwire.tedapi.view.TedapiVectors.PW3;
import static io.github.solarwire.tedapi.view.TedapiVectors.input;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutated vector JSON through the snapshot builder and every view: a ProtocolException at build
 * time or views without exceptions, nothing else. Seeded, so every failure reproduces.
 */
class SeededRandomSnapshotTest {

    private static final String ALPHABET = "{}[]\":,\\ 0123456789.-+eEnatrufl_ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String[] FILES = {
        "config.json", "status.json", "controller.json", "components_leader.json", "components_follower.json"
    };

    static byte[] mutate(byte[] base, Random random) {
        return random.nextInt(3) == 0 ? mutateBytes(base, random) : mutateTree(base, random);
    }

    private static final String[] VALUES = {
        "null",
        "[]",
        "{}",
        "\"\"",
        "0",
        "-1.0",
        "1e308",
        "true",
        "\"ISLAND_GridConnected_Connected\"",
        "[null]",
        "\"Pv_Active\"",
        "[{}]"
    };

    /** Picks a number in {@code [0, bound)}: a seeded Random here, the fuzzer's data in the fuzz test. */
    interface Chooser {
        int pick(int bound);
    }

    /** Replaces 1 to 5 chosen values anywhere in the tree with values of other types: valid JSON, odd shapes. */
    static byte[] mutateTree(byte[] base, Random random) {
        return mutateTree(base, random::nextInt);
    }

    static byte[] mutateTree(byte[] base, Chooser choose) {
        JsonNode root = TedapiVectors.parse(base);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        int edits = 1 + choose.pick(5);
        for (int e = 0; e < edits; e++) {
            JsonNode c = containers.get(choose.pick(containers.size()));
            JsonNode value = TedapiVectors.parse(VALUES[choose.pick(VALUES.length)].getBytes(StandardCharsets.UTF_8));
            if (c instanceof ObjectNode o && o.size() > 0) {
                List<String> keys = new ArrayList<>();
                o.fieldNames().forEachRemaining(keys::add);
                String key = keys.get(choose.pick(keys.size()));
                if (choose.pick(4) == 0) {
                    o.remove(key);
                } else {
                    o.set(key, value);
                }
            } else if (c instanceof ArrayNode a && a.size() > 0) {
                a.set(choose.pick(a.size()), value);
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    static byte[] mutateBytes(byte[] base, Random random) {
        byte[] b = Arrays.copyOf(base, base.length);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                case 1 -> b = cut(b, at, Math.min(b.length, at + 1 + random.nextInt(40)));
                case 2 -> b = swapValue(b, at, random);
                default -> b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    private static byte[] cut(byte[] b, int from, int to) {
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    /** Replaces the value after a colon with another JSON value of a different type. */
    private static byte[] swapValue(byte[] b, int at, Random random) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int colon = s.indexOf(':', at);
        if (colon < 0) {
            return b;
        }
        int end = colon + 1;
        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String[] values = {
            "null", "[]", "{}", "\"\"", "0", "-1.0", "true", "\"ISLAND_GridConnected_Connected\"", "[null]"
        };
        String out = s.substring(0, colon + 1) + values[random.nextInt(values.length)] + s.substring(end);
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261122})
    void mutatedInputsGiveViewsOrAProtocolException(long seed) {
        Random random = new Random(seed);
        int built = 0;
        for (int round = 0; round < 100; round++) {
            String scenario = random.nextBoolean() ? PW2 : PW3;
            byte[][] parts = new byte[FILES.length][];
            for (int i = 0; i < FILES.length; i++) {
                boolean has = PW3.equals(scenario) || i < 3;
                parts[i] = has ? input(scenario, FILES[i]) : null;
            }
            int victim = random.nextInt(PW3.equals(scenario) ? FILES.length : 3);
            parts[victim] = mutate(parts[victim], random);
            GatewaySnapshot snapshot;
            try {
                GatewaySnapshot.Builder b = GatewaySnapshot.builder(TedapiVectors.din(scenario))
                        .config(parts[0])
                        .status(parts[1])
                        .controller(parts[2])
                        .firmware(TedapiVectors.FIRMWARE);
                if (parts[3] != null) {
                    b.components(TedapiVectors.PW3_LEADER, parts[3]).components(TedapiVectors.PW3_FOLLOWER, parts[4]);
                }
                snapshot = b.build();
            } catch (ProtocolException expected) {
                continue;
            }
            built++;
            try {
                AllViews.computeAll(snapshot);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " round " + round + " file " + FILES[victim], e);
            }
        }
        // The mutations must leave enough inputs valid for the views to be exercised at all.
        assertTrue(built >= 40, "only " + built + " snapshots built");
    }
}
