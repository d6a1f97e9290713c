package io.github.solarwire.kostal.sim;

import io.github.solarwire.core.sim.SolarDay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A first-generation Kostal PIKO inverter as its web server shows it: the {@code index.fhtml}
 * status page in the device's table layout (ISO-8859-1, {@code &nbsp} without a semicolon, CRLF
 * line ends), for 1 to 3 strings and 1 to 3 phases, with German, English or Dutch labels. PV power
 * follows a clear-sky day; at night the live cells read {@code x x x} and the status is off while
 * the energy totals stay. Absent strings and phases are blank background-coloured cells, as on the
 * real pages. Thread-safe.
 */
public final class SimulatedPiko {

    /** The label set of a page. */
    public enum Language {
        /** English. */
        EN(
                "AC power",
                "energy",
                "current",
                "total energy",
                "daily energy",
                "status",
                "PV generator",
                "output power",
                "voltage",
                "current",
                "power",
                "off",
                "idle",
                "supply MPP"),
        /** German. */
        DE(
                "AC-Leistung",
                "Energie",
                "aktuell",
                "Gesamtenergie",
                "Tagesenergie",
                "Status",
                "PV-Generator",
                "Ausgangsleistung",
                "Spannung",
                "Strom",
                "Leistung",
                "Aus",
                "Leerlauf",
                "Einspeisen MPP"),
        /** Dutch. */
        NL(
                "AC vermogen",
                "energie",
                "actueel",
                "totale energie",
                "dagenergie",
                "status",
                "PV-generator",
                "uitgangsvermogen",
                "spanning",
                "stroom",
                "vermogen",
                "Uit",
                "Stand-by",
                "toevoer MPP");

        final String acPower;
        final String energy;
        final String actual;
        final String total;
        final String daily;
        final String status;
        final String generator;
        final String output;
        final String voltage;
        final String current;
        final String power;
        final String off;
        final String idle;
        final String feeding;

        Language(
                String acPower,
                String energy,
                String actual,
                String total,
                String daily,
                String status,
                String generator,
                String output,
                String voltage,
                String current,
                String power,
                String off,
                String idle,
                String feeding) {
            this.acPower = acPower;
            this.energy = energy;
            this.actual = actual;
            this.total = total;
            this.daily = daily;
            this.status = status;
            this.generator = generator;
            this.output = output;
            this.voltage = voltage;
            this.current = current;
            this.power = power;
            this.off = off;
            this.idle = idle;
            this.feeding = feeding;
        }
    }

    private final String model;
    private final int strings;
    private final int phases;
    private final Language language;
    private final Clock clock;
    private final SolarDay day = new SolarDay(48.1, 11.6);
    private final double peakWatts;
    private final SplittableRandom random;
    private final String name;
    private Instant last;
    private double totalWh;
    private double dailyWh;

    /**
     * A PIKO.
     *
     * @param model the model shown, e.g. {@code PIKO 5.5}; its number is the peak in kW
     * @param strings 1 to 3 PV strings
     * @param phases 1 to 3 AC phases
     * @param language the labels
     * @param clock the clock the day follows
     * @param seed the random seed for noise
     */
    public SimulatedPiko(String model, int strings, int phases, Language language, Clock clock, long seed) {
        if (strings < 1 || strings > 3 || phases < 1 || phases > 3) {
            throw new IllegalArgumentException("1 to 3 strings and phases, was " + strings + " and " + phases);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.strings = strings;
        this.phases = phases;
        this.language = Objects.requireNonNull(language, "language");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new SplittableRandom(seed);
        this.peakWatts = 1000 * parseKw(model);
        this.name = "Sim (255)";
        this.last = clock.instant();
        this.totalWh = 12_345_000 + 1000 * (seed % 1000);
    }

    private static double parseKw(String model) {
        String digits = model.replaceAll("[^0-9.]", "");
        try {
            return digits.isEmpty() ? 5 : Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    /**
     * What the inverter shows now.
     *
     * @param acWatts the AC power, W
     * @param totalWh the total energy, Wh
     * @param dailyWh the energy of the day, Wh
     * @param night whether it is off for the night (live values unknown)
     * @param stringVolts the voltage of strings 1 to 3, V (0 where absent)
     * @param stringAmps the current of strings 1 to 3, A
     * @param phaseVolts the voltage of phases 1 to 3, V
     * @param phaseWatts the power of phases 1 to 3, W
     * @param strings how many strings it has
     * @param phases how many phases it has
     */
    public record Snapshot(
            double acWatts,
            double totalWh,
            double dailyWh,
            boolean night,
            double[] stringVolts,
            double[] stringAmps,
            double[] phaseVolts,
            double[] phaseWatts,
            int strings,
            int phases) {}

    /**
     * The model shown, e.g. {@code PIKO 5.5}.
     *
     * @return the model
     */
    public String model() {
        return model;
    }

    /**
     * Advances the day and returns what the page shows now.
     *
     * @return the values
     */
    public synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        double hours = Math.max(0, Duration.between(last, now).toMillis() / 3_600_000.0);
        last = now;
        double ac = Math.round(peakWatts * 0.96 * day.clearSkyFraction(now) * (0.97 + 0.03 * random.nextDouble()));
        totalWh += ac * hours;
        dailyWh = ac > 0 ? dailyWh + ac * hours : (day.sinElevation(now) < -0.2 ? 0 : dailyWh);
        boolean night = ac <= 0;
        double[] sv = new double[3];
        double[] si = new double[3];
        double[] pv = new double[3];
        double[] pw = new double[3];
        for (int k = 0; k < 3; k++) {
            if (k < strings) {
                sv[k] = night ? 0 : Math.round(300 + 40 * random.nextDouble());
                si[k] = sv[k] > 0 ? Math.round(ac / 0.96 / strings / sv[k] * 100) / 100.0 : 0;
            }
            if (k < phases) {
                pv[k] = Math.round(228 + 6 * random.nextDouble());
                pw[k] = Math.round(ac / phases);
            }
        }
        return new Snapshot(ac, totalWh, dailyWh, night, sv, si, pv, pw, strings, phases);
    }

    /**
     * The status page as the device sends it.
     *
     * @return ISO-8859-1 bytes
     */
    public byte[] page() {
        Snapshot s = snapshot();
        Language l = language;
        StringBuilder h = new StringBuilder(7000);
        h.append("<!DOCtype HTML PUBLIC \"-//W3C//Dtd HTML 4.0 Transitional//EN\">\r\n<html>\r\n<head>\r\n")
                .append("<meta HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">\r\n")
                .append("<meta name=\"Generator\" CONTENT=\"ChrisB\">\r\n<title>PV Webserver</title>\r\n</head>\r\n")
                .append("<body bgcolor=\"#EAF7F7\" text=\"#000000\">\r\n<form method=\"post\" action=\"\">\r\n")
                .append(
                        "<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\r\n<tr><td width=\"190\" height=\"55\"></td>\r\n")
                .append("<td width=\"400\"><font size=\"+3\">\r\n  ")
                .append(model)
                .append("\r\n<br><font size=\"+1\">\r\n  ")
                .append(name)
                .append("\r\n</font>\r\n</font>\r\n</td></tr>\r\n</table>\r\n")
                .append("<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\r\n")
                .append("<tr>\r\n<td width=\"190\"></td>\r\n<td colspan=\"2\"><b>")
                .append(l.acPower)
                .append("</b></td>\r\n<td>&nbsp</td>\r\n<td><b>")
                .append(l.energy)
                .append("</b></td></tr>\r\n");
        row(h, l.actual, live(s, fmt0(s.acWatts)), "&nbsp W", l.total, fmt0(s.totalWh / 1000), "&nbsp kWh");
        h.append("<tr>\r\n<td width=\"190\"></td>\r\n<td width=\"100\">\r\n  &nbsp</td>\r\n")
                .append("<td width=\"70\" align=\"right\">\r\n  &nbsp</td>\r\n<td width=\"140\">&nbsp</td>\r\n")
                .append("<td width=\"100\">\r\n  ")
                .append(l.daily)
                .append("</td>\r\n")
                .append(white(fmt2(s.dailyWh / 1000)))
                .append("<td width=\"50\">&nbsp kWh</td>\r\n<td>&nbsp</td></tr>\r\n");
        String status = s.night ? l.off : s.acWatts < 20 ? l.idle : l.feeding;
        h.append("<tr>\r\n<td width=\"190\"></td>\r\n<td width=\"100\">\r\n  ")
                .append(l.status)
                .append("</td>\r\n<td colspan=\"4\">\r\n  ")
                .append(status)
                .append("</td>\r\n<td>&nbsp</td></tr>\r\n");
        h.append("<tr>\r\n<td width=\"190\"></td>\r\n<td colspan=\"2\"><b>")
                .append(l.generator)
                .append("</b></td>\r\n<td width=\"140\">&nbsp</td>\r\n<td colspan=\"2\"><b>")
                .append(l.output)
                .append("</b></td>\r\n<td>&nbsp</td></tr>\r\n");
        for (int k = 1; k <= 3; k++) {
            boolean string = k <= strings;
            boolean phase = k <= phases;
            h.append("<tr>\r\n<td width=\"190\"></td>\r\n<td width=\"100\">\r\n  <u>")
                    .append(string ? "String " + k : " ")
                    .append("</u></td>\r\n<td width=\"70\">&nbsp</td>\r\n")
                    .append("<td width=\"140\">&nbsp</td>\r\n<td width=\"100\">\r\n  <u>")
                    .append(phase ? "L" + k : " ")
                    .append("</u></td>\r\n<td width=\"70\">&nbsp</td>\r\n<td>&nbsp</td></tr>\r\n");
            row(
                    h,
                    string ? l.voltage : " ",
                    string ? live(s, fmt0(s.stringVolts[k - 1])) : null,
                    string ? "&nbsp V" : "&nbsp",
                    phase ? l.voltage : " ",
                    phase ? live(s, fmt0(s.phaseVolts[k - 1])) : null,
                    phase ? "&nbsp V" : "&nbsp");
            row(
                    h,
                    string ? l.current : " ",
                    string ? live(s, fmt2(s.stringAmps[k - 1])) : null,
                    string ? "&nbsp A" : "&nbsp",
                    phase ? l.power : " ",
                    phase ? live(s, fmt0(s.phaseWatts[k - 1])) : null,
                    phase ? "&nbsp W" : "&nbsp");
        }
        h.append("</table>\r\n<table><tr><td>RS485</td><td><input type=\"text\" name=\"edWrNr\" value=\"255\"></td>")
                .append("<td><input type=\"submit\" value=\"OK\"></td></tr></table>\r\n")
                .append("<a href=\"LogDaten.dat\">history</a> <a href=\"Info.fhtml\">info page</a>")
                .append(" <a href=\"Solar2.fhtml\">settings</a>\r\n</form>\r\n</body>\r\n</html>\r\n");
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The same inverter as a PIKO MP plus would describe itself in {@code all.xml}: one AC phase,
     * the strings as {@code DC_Voltage1…}, the total yield, the state; at night the live
     * measurements have no {@code Value}, as on the device.
     *
     * @return UTF-8 bytes
     */
    public byte[] xml() {
        Snapshot s = snapshot();
        StringBuilder x = new StringBuilder(1500);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n<Device Name=\"")
                .append(model)
                .append(" MP plus\" NominalPower=\"")
                .append(fmt0(peakWatts))
                .append("\" Serial=\"SIM0000001\" BusAddress=\"1\" DateTime=\"")
                .append(clock.instant().toString(), 0, 19)
                .append("\">\n<Measurements>\n");
        double volts = s.phaseVolts[0];
        measurement(x, "AC_Voltage", "V", fmt0(volts));
        measurement(x, "AC_Current", "A", s.night ? null : fmt2(s.acWatts / volts));
        measurement(x, "AC_Power", "W", s.night ? null : fmt0(s.acWatts));
        for (int k = 1; k <= strings; k++) {
            measurement(x, "DC_Voltage" + k, "V", s.night ? null : fmt0(s.stringVolts[k - 1]));
            measurement(x, "DC_Current" + k, "A", s.night ? null : fmt2(s.stringAmps[k - 1]));
        }
        x.append("</Measurements>\n<Yields>\n<Yield Type=\"Produced\" Slot=\"Total\" Unit=\"Wh\">")
                .append("<YieldValue Value=\"")
                .append(fmt0(s.totalWh))
                .append("\"/></Yield>\n</Yields>\n<State Value=\"")
                .append(s.night ? "Standby" : "Feed in")
                .append("\"/>\n</Device>\n</root>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void measurement(StringBuilder x, String type, String unit, String value) {
        x.append("<Measurement ");
        if (value != null) {
            x.append("Value=\"").append(value).append("\" ");
        }
        x.append("Unit=\"").append(unit).append("\" Type=\"").append(type).append("\"/>\n");
    }

    /** A row of a label, a value cell and a unit on each side; a null value is a blank background cell. */
    private static void row(
            StringBuilder h,
            String leftLabel,
            String left,
            String leftUnit,
            String rightLabel,
            String right,
            String rightUnit) {
        h.append("<tr>\r\n<td width=\"190\"></td>\r\n<td width=\"100\">\r\n  ")
                .append(leftLabel)
                .append("</td>\r\n")
                .append(left == null ? blank() : white(left))
                .append("<td width=\"140\">")
                .append(leftUnit)
                .append("</td>\r\n")
                .append("<td width=\"100\">\r\n  ")
                .append(rightLabel)
                .append("</td>\r\n")
                .append(right == null ? blank() : white(right))
                .append("<td width=\"30\">")
                .append(rightUnit)
                .append("</td>\r\n<td>&nbsp</td></tr>\r\n");
    }

    private static String white(String value) {
        return "<td width=\"70\" align=\"right\" bgcolor=\"#FFFFFF\">\r\n  " + value + "</td>\r\n";
    }

    private static String blank() {
        return "<td width=\"70\" align=\"right\" bgcolor=\"#EAF7F7\">\r\n   </td>\r\n";
    }

    private static String live(Snapshot s, String value) {
        return s.night ? "x x x" : value;
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%d", Math.round(v));
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
