package io.github.solarwire.pvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path ({@link PowerFrameScanner}) against the general one ({@link
 * TelemetryFrame#parseTree}): on every frame it takes, the same notification, raw values and key
 * order included; on every other frame, the general path's own result or exception. Seeded random
 * frames, valid and mutated, so every failure reproduces.
 */
class PowerFrameScannerTest {

    private static final String[] KNOWN = {
        "time",
        "pv_p",
        "pv_en",
        "net_p",
        "net_en",
        "site_load_p",
        "site_load_en",
        "ess_p",
        "ess_en",
        "soc",
        "backupTimeRemaining",
        "midstate"
    };

    private static final String[] UNKNOWN = {"x", "", "pv", "time2", "Time", "ess_p ", "a b", "nan"};

    private static final String[] WS = {"", "", "", " ", "  ", "\n", "\r\n  ", "\t"};

    /**
     * Asserts that {@link TelemetryFrame#parse(byte[])} gives what the general path gives, and that
     * whatever the fast path returns equals the general path's result.
     *
     * @return whether the fast path took the frame
     */
    static boolean assertSameAsTree(byte[] frame) {
        Object tree = outcome(() -> TelemetryFrame.parseTree(frame == null ? null : frame.clone()));
        Object parsed = outcome(() -> TelemetryFrame.parse(frame == null ? null : frame.clone()));
        String shown = frame == null ? "null" : new String(frame, StandardCharsets.UTF_8);
        assertEquals(tree, parsed, shown);
        PowerNotification fast = PowerFrameScanner.parse(frame == null ? null : frame.clone());
        if (fast == null) {
            return false;
        }
        PowerNotification general = assertInstanceOf(PowerNotification.class, tree, shown);
        assertEquals(general, fast, shown);
        assertEquals(fast, general, shown);
        assertEquals(general.hashCode(), fast.hashCode(), shown);
        assertEquals(general.toString(), fast.toString(), shown);
        assertEquals(
                List.copyOf(general.raw().entrySet()), List.copyOf(fast.raw().entrySet()), shown);
        assertEquals(general.raw().size(), fast.raw().size(), shown);
        return true;
    }

    /** The result, or for a ProtocolException its class, message and offset, so outcomes compare. */
    private static Object outcome(Call call) {
        try {
            return call.run();
        } catch (ProtocolException e) {
            return List.of(e.getClass(), String.valueOf(e.getMessage()), e.toString());
        }
    }

    private interface Call {
        TelemetryMessage run() throws ProtocolException;
    }

    @Test
    void realFramesTakeTheFastPath() {
        String compact =
                "{\"notification\":\"power\",\"params\":{\"time\":1753730396,\"site_load_p\":2.1732543945312505,"
                        + "\"net_p\":-4.3857470703125,\"pv_p\":6.5590014648437509,\"site_load_en\":39676.479999999996,"
                        + "\"net_en\":6473.23,\"pv_en\":33203.25}}";
        String ess = "{\"notification\":\"power\",\"params\":{\"time\":1775820600123,\"ess_p\":\"0.35\","
                + "\"ess_en\":-1800.5,\"soc\":0.575,\"backupTimeRemaining\":1100,\"midstate\":2}}";
        String nan = "{\"notification\":\"power\",\"params\":{\"time\":1753730396,\"pv_p\":0.0,\"ess_p\":\"nan\","
                + "\"ess_en\":\"nan\",\"soc\":\"nan\",\"midstate\":null}}";
        for (String frame : List.of(compact, ess, nan)) {
            assertTrue(assertSameAsTree(frame.getBytes(StandardCharsets.UTF_8)), frame);
        }
        // the shared vector, pretty-printed with spaces before commas
        assertTrue(assertSameAsTree(Vectors.bytes(Vectors.WS_POWER)));
    }

    @Test
    void unusualFramesGoTheGeneralWay() {
        String[] general = {
            "{\"notification\":\"status\",\"params\":{}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":\"1\\u0030\"}}",
            "{\"notification\":\"power\",\"params\":{\"p\\u0076_p\":1}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":[1]}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1,\"pv_p\":2}}",
            "{\"notification\":\"power\",\"params\":{},\"extra\":1}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":\"abc\"}}",
            "{\"notification\":\"power\",\"params\":{\"time\":-5}}",
            "{\"notification\":\"power\",\"params\":{\"midstate\":2.5}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1e308}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1e00001}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":true}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":01}}",
            "{\"notification\":\"power\",\"params\":{\"pv_p\":1}} x",
            "\uFEFF{\"notification\":\"power\",\"params\":{}}",
            "{\"notification\":\"power\",\"params\":{\"site\":\"caf\u00e9\"}}",
        };
        for (String frame : general) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            assertNull(PowerFrameScanner.parse(bytes), frame);
            assertSameAsTree(bytes);
        }
        assertSameAsTree(null);
        assertSameAsTree(new byte[0]);
        assertSameAsTree(new byte[TelemetryFrame.MAX_BYTES + 1]);
    }

    @Test
    void rawValuesAreImmutableAndIndependentOfTheInput() throws Exception {
        byte[] frame =
                "{\"notification\":\"power\",\"params\":{\"pv_p\":1.50,\"ess_p\":null,\"x\":\" nan \",\"y\":true}}"
                        .getBytes(StandardCharsets.UTF_8);
        PowerNotification p = PowerFrameScanner.parse(frame);
        assertNotNull(p);
        Arrays.fill(frame, (byte) ' ');
        assertEquals(Map.of("pv_p", "1.50", "ess_p", "null", "x", " nan ", "y", "true"), p.raw());
        assertEquals(List.of("pv_p", "ess_p", "x", "y"), List.copyOf(p.raw().keySet()));
        assertEquals(1500.0, p.pvPower());
        assertNull(p.essPower());
        Map<String, String> raw = p.raw();
        assertThrows(UnsupportedOperationException.class, () -> raw.put("a", "b"));
        assertThrows(UnsupportedOperationException.class, () -> raw.remove("absent"));
        assertThrows(UnsupportedOperationException.class, () -> raw.putIfAbsent("pv_p", "2"));
        assertThrows(UnsupportedOperationException.class, raw::clear);
        assertThrows(UnsupportedOperationException.class, () -> raw.keySet().remove("pv_p"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> raw.entrySet().iterator().next().setValue("2"));
        assertEquals(
                p,
                new PowerNotification(
                        p.time(),
                        p.pvPower(),
                        p.pvEnergy(),
                        p.netPower(),
                        p.netEnergy(),
                        p.siteLoadPower(),
                        p.siteLoadEnergy(),
                        p.essPower(),
                        p.essEnergy(),
                        p.soc(),
                        p.backupTimeRemaining(),
                        p.midstate(),
                        Collections.unmodifiableMap(new java.util.LinkedHashMap<>(p.raw()))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6002, 20250728})
    void randomFramesAgree(long seed) {
        Random random = new Random(seed);
        int fast = 0;
        int rounds = 2000;
        for (int round = 0; round < rounds; round++) {
            byte[] frame = frame(random).getBytes(StandardCharsets.UTF_8);
            try {
                if (assertSameAsTree(frame)) {
                    fast++;
                }
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " round " + round + ": " + e.getMessage(), e);
            }
        }
        // most generated frames are plain enough for the fast path, so it is tested, not bypassed
        assertTrue(fast > rounds / 3, "fast path took " + fast + " of " + rounds);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void mutatedFramesAgree(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            byte[] frame = SeededRandomInputTest.mutate(frame(random).getBytes(StandardCharsets.UTF_8), random);
            try {
                assertSameAsTree(frame);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " round " + round + ": " + e.getMessage(), e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void numbersAgreeToTheBit(long seed) {
        // random decimal tokens around the fast path's limits: 1 to 20 digits, any point, exponents
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder digits = new StringBuilder();
            int count = 1 + random.nextInt(20);
            digits.append((char) ('1' + random.nextInt(9)));
            for (int k = 1; k < count; k++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(count + 1);
            String number = (random.nextBoolean() ? "-" : "")
                    + (point == 0
                            ? "0." + digits
                            : digits.substring(0, point) + (point == count ? "" : "." + digits.substring(point)))
                    + (random.nextInt(3) == 0 ? "e" + (random.nextInt(61) - 30) : "");
            byte[] frame = ("{\"notification\":\"power\",\"params\":{\"pv_p\":" + number + ",\"soc\":" + number + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            assertTrue(assertSameAsTree(frame), number);
        }
    }

    /** A random power notification, mostly well-formed and plain, sometimes not. */
    static String frame(Random random) {
        List<String> members = new ArrayList<>();
        int count = random.nextInt(10) == 0 ? random.nextInt(20) : random.nextInt(13);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String name = random.nextInt(6) == 0
                    ? UNKNOWN[random.nextInt(UNKNOWN.length)]
                    : KNOWN[random.nextInt(KNOWN.length)];
            if (names.contains(name) && random.nextInt(20) != 0) {
                continue; // a duplicate now and then
            }
            names.add(name);
            members.add(ws(random) + quoted(name) + ws(random) + ":" + ws(random) + value(name, random) + ws(random));
        }
        String params = "{" + String.join(",", members) + (members.isEmpty() ? ws(random) : "") + "}";
        String type = random.nextInt(15) == 0 ? "status" : "power";
        List<String> root = new ArrayList<>();
        root.add(ws(random) + "\"notification\"" + ws(random) + ":" + ws(random) + quoted(type) + ws(random));
        root.add(ws(random) + "\"params\"" + ws(random) + ":" + ws(random) + params + ws(random));
        if (random.nextInt(20) == 0) {
            root.add("\"extra\":" + value("extra", random));
        }
        if (random.nextBoolean()) {
            Collections.reverse(root);
        }
        return ws(random) + "{" + String.join(",", root) + "}" + ws(random);
    }

    private static String ws(Random random) {
        return WS[random.nextInt(WS.length)];
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String value(String name, Random random) {
        if (name.equals("time")) {
            return switch (random.nextInt(8)) {
                case 0 -> Long.toString(1_700_000_000_000L + random.nextInt(1_000_000_000));
                case 1 -> String.format(Locale.ROOT, "%.3f", 1.7e9 + random.nextDouble() * 1e8);
                case 2 -> quoted(Long.toString(1_700_000_000L + random.nextInt(100_000_000)));
                case 3 -> Long.toString(random.nextLong() % 200_000_000_000_000L);
                case 4 -> "1e" + random.nextInt(20);
                default -> Long.toString(1_700_000_000L + random.nextInt(100_000_000));
            };
        }
        if (name.equals("midstate")) {
            return switch (random.nextInt(6)) {
                case 0 -> "2.5";
                case 1 -> quoted(Integer.toString(random.nextInt(5)));
                case 2 -> "2.0";
                case 3 -> "1e10";
                default -> Integer.toString(random.nextInt(5) - 1);
            };
        }
        double d = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(9) - 3);
        return switch (random.nextInt(25)) {
            case 0 -> "null";
            case 1 -> quoted("nan");
            case 2 -> quoted("NaN");
            case 3 -> quoted("");
            case 4 -> quoted(" " + d + " ");
            case 5 -> quoted("+" + Math.abs(d));
            case 6 -> quoted(".5");
            case 7 -> quoted("5.");
            case 8 -> quoted("null");
            case 9 -> random.nextBoolean() ? "true" : "false";
            case 10 -> "-0";
            case 11 -> "0";
            case 12 -> String.format(Locale.ROOT, "%.6e", d);
            case 13 -> String.format(Locale.ROOT, "%.2E", d) + "1";
            case 14 -> "1e" + (random.nextInt(700) - 350);
            case 20 -> "2E-" + "0".repeat(random.nextInt(4)) + "12";
            case 15 -> quoted("abc");
            case 16 -> Integer.toString(random.nextInt());
            case 17 -> quoted(Double.toString(d));
            case 18 -> "9".repeat(1 + random.nextInt(45));
            case 19 -> "0." + "1".repeat(1 + random.nextInt(45));
            default -> Double.toString(d);
        };
    }
}
