package io.github.solarwire.kostal.codec;

import java.math.BigDecimal;

/**
 * The JSON document kostal2mqtt publishes, built from a {@link PikoStatus} of any source:
 *
 * <pre>{@code
 * {"PIKO":{"ENERGY":{"actual":…,"total":…,"daily":…},
 *  "IN":{"STRING1":{"voltage":…,"current":…,"state":…},…"STRING3":{…}},
 *  "OUT":{"PHASE1":{"voltage":…,"power":…,"state":…},…"PHASE3":{…}},
 *  "STATE":{"string":…,"binary":…,"flag":…,"debug":…}}}
 * }</pre>
 *
 * <p>Units are the status page's, as kostal2mqtt publishes the page's numbers: {@code actual} W,
 * {@code total} and {@code daily} kWh, voltages V, currents A, power W. A value without a reading
 * is {@code null}; so are all three fields of a string or phase the inverter does not have. A
 * string's or phase's {@code state} is 1 when its current or power is above 0, else 0. {@code
 * STATE.flag} is {@link PikoState#flag()}: 1 off, 2 idle, 3 feeding, 0 other, -1 no data; {@code
 * binary} is 1 when feeding, 0 otherwise, null with no data; {@code string} is the status text
 * ({@code "No data"} when there is none); {@code debug} names the model, inverter and layout seen,
 * e.g. {@code "PIKO 5.5, Namenlos (255), 3 strings, 3 phases"}. Unlike kostal2mqtt, energy totals
 * are kept at night when the live values show {@code x x x}.
 */
public final class KostalDocument {

    private KostalDocument() {}

    /**
     * The document as one line of JSON, keys in the order above.
     *
     * @param status the decoded status
     * @return the JSON text
     */
    public static String toJson(PikoStatus status) {
        StringBuilder j = new StringBuilder(512);
        j.append("{\"PIKO\":{\"ENERGY\":{\"actual\":");
        number(j, status.acPower(), 0);
        j.append(",\"total\":");
        number(j, status.energyTotal(), -3);
        j.append(",\"daily\":");
        number(j, status.energyToday(), -3);
        j.append("},\"IN\":{");
        for (int k = 1; k <= 3; k++) {
            PikoStatus.PvString s = status.string(k).orElse(null);
            j.append(k > 1 ? "," : "").append("\"STRING").append(k).append("\":{\"voltage\":");
            number(j, s == null ? null : s.voltage(), 0);
            j.append(",\"current\":");
            number(j, s == null ? null : s.current(), 0);
            j.append(",\"state\":");
            j.append(s == null ? "null" : positive(s.current()) ? "1" : "0");
            j.append('}');
        }
        j.append("},\"OUT\":{");
        for (int k = 1; k <= 3; k++) {
            PikoStatus.Phase p = status.phase(k).orElse(null);
            j.append(k > 1 ? "," : "").append("\"PHASE").append(k).append("\":{\"voltage\":");
            number(j, p == null ? null : p.voltage(), 0);
            j.append(",\"power\":");
            number(j, p == null ? null : p.power(), 0);
            j.append(",\"state\":");
            j.append(p == null ? "null" : positive(p.power()) ? "1" : "0");
            j.append('}');
        }
        PikoState state = status.state();
        j.append("},\"STATE\":{\"string\":");
        string(j, state == PikoState.NO_DATA ? "No data" : status.status());
        j.append(",\"binary\":").append(state == PikoState.NO_DATA ? "null" : state == PikoState.FEEDING ? "1" : "0");
        j.append(",\"flag\":").append(state.flag());
        j.append(",\"debug\":");
        string(j, debug(status));
        return j.append("}}}").toString();
    }

    private static String debug(PikoStatus s) {
        StringBuilder d = new StringBuilder();
        if (s.model() != null) {
            d.append(s.model()).append(", ");
        }
        if (s.name() != null || s.address() != null) {
            d.append(s.name() == null ? "?" : s.name());
            if (s.address() != null) {
                d.append(" (").append(s.address()).append(')');
            }
            d.append(", ");
        }
        return d.append(s.strings().size())
                .append(s.strings().size() == 1 ? " string, " : " strings, ")
                .append(s.phases().size())
                .append(s.phases().size() == 1 ? " phase" : " phases")
                .toString();
    }

    private static boolean positive(Double v) {
        return v != null && v > 0;
    }

    /** A number times 10^shift, without trailing zeros or exponent: 19.83, 9290, 0.2. */
    private static void number(StringBuilder j, Double v, int shift) {
        if (v == null || !Double.isFinite(v)) {
            j.append("null");
            return;
        }
        BigDecimal d = BigDecimal.valueOf(v).movePointRight(shift).stripTrailingZeros();
        j.append(d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString());
    }

    private static void string(StringBuilder j, String s) {
        j.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                j.append('\\').append(c);
            } else if (c < 0x20) {
                j.append(String.format("\\u%04x", (int) c));
            } else {
                j.append(c);
            }
        }
        j.append('"');
    }
}
