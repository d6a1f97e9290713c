package io.github.solarwire.kostal.codec;

import java.nio.charset.StandardCharsets;

/**
 * Synthetic status pages in the shape of the real ones (shared/vectors/kostal/piko_html): built
 * here because no capture of a night page, a 1-phase or a 2-phase page is public. Labelled as
 * synthetic wherever a test uses them.
 */
final class SyntheticPage {

    /** Labels of one language: AC power, total, daily, status, voltage, current, power. */
    record Language(
            String current, String total, String daily, String status, String voltage, String amps, String power) {}

    static final Language GERMAN =
            new Language("aktuell", "Gesamtenergie", "Tagesenergie", "Status", "Spannung", "Strom", "Leistung");
    static final Language DUTCH =
            new Language("actueel", "totale energie", "dagenergie", "status", "spanning", "stroom", "vermogen");
    static final Language ENGLISH =
            new Language("current", "total energy", "daily energy", "status", "voltage", "current", "power");

    private SyntheticPage() {}

    /**
     * A page; {@code strings[k]} is {voltage, current} or null (absent), {@code phases[k]} is
     * {voltage, power} or null.
     */
    static byte[] build(
            Language l,
            String model,
            String name,
            String power,
            String total,
            String daily,
            String status,
            String[][] strings,
            String[][] phases,
            String eol) {
        StringBuilder p = new StringBuilder();
        p.append("<!DOCtype HTML PUBLIC \"-//W3C//Dtd HTML 4.0 Transitional//EN\">\n<html>\n<head>\n")
                .append("<meta HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">\n")
                .append(
                        "<title>PV Webserver</title>\n</head>\n<body bgcolor=\"#EAF7F7\">\n<form method=\"post\" action=\"\">\n")
                .append("<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n<tr><td height=\"5\"></td></tr>\n")
                .append("<tr><td width=\"190\" height=\"55\"></td>\n<td width=\"400\">\n  <font size=\"+3\">\n  ")
                .append(model)
                .append("\n<br><font size=\"+1\">   \n  ")
                .append(name)
                .append("\n</font>\n</font>\n</td></tr>\n</table>\n")
                .append("<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n")
                .append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  ")
                .append(l.current())
                .append("</td>\n")
                .append(value(power))
                .append("<td width=\"140\">&nbsp W</td>\n<td width=\"100\">\n  ")
                .append(l.total())
                .append("</td>\n")
                .append(value(total))
                .append("<td width=\"50\">&nbsp kWh</td>\n<td>&nbsp</td></tr>\n")
                .append(
                        "<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  &nbsp</td>\n<td width=\"70\" align=\"right\">\n  &nbsp</td>\n")
                .append("<td width=\"140\">&nbsp</td>\n<td width=\"100\">\n  ")
                .append(l.daily())
                .append("</td>\n")
                .append(value(daily))
                .append("<td width=\"50\">&nbsp kWh</td>\n<td>&nbsp</td></tr>\n")
                .append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  ")
                .append(l.status())
                .append("</td>\n<td colspan=\"4\">\n  ")
                .append(status)
                .append("</td>\n<td>&nbsp</td></tr>\n");
        for (int k = 0; k < 3; k++) {
            String[] s = strings[k];
            String[] ph = phases[k];
            p.append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  <u>")
                    .append(s == null ? " " : "String " + (k + 1))
                    .append(
                            "</u></td>\n<td width=\"70\">&nbsp</td>\n<td width=\"140\">&nbsp</td>\n<td width=\"100\">\n  <u>")
                    .append(ph == null ? " " : "L" + (k + 1))
                    .append("</u></td>\n<td>&nbsp</td></tr>\n");
            p.append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  ")
                    .append(s == null ? " " : l.voltage())
                    .append("</td>\n")
                    .append(s == null ? blank() : value(s[0]))
                    .append("<td width=\"140\">&nbsp V</td>\n<td width=\"100\">\n  ")
                    .append(ph == null ? " " : l.voltage())
                    .append("</td>\n")
                    .append(ph == null ? blank() : value(ph[0]))
                    .append("<td width=\"30\">&nbsp V</td>\n<td>&nbsp</td></tr>\n<tr height=\"2\"><td></td></tr>\n");
            p.append("<tr valign=\"top\">\n<td width=\"190\">&nbsp</td>\n<td width=\"100\">\n  ")
                    .append(s == null ? " " : l.amps())
                    .append("</td>\n")
                    .append(s == null ? blank() : value(s[1]))
                    .append("<td width=\"140\">&nbsp A</td>\n<td width=\"100\">\n  ")
                    .append(ph == null ? " " : l.power())
                    .append("</td>\n")
                    .append(ph == null ? blank() : value(ph[1]))
                    .append("<td width=\"30\">&nbsp W</td>\n<td>&nbsp</td></tr>\n<tr height=\"22\"><td></td></tr>\n");
        }
        p.append("</table>\n<input type=\"Text\" name=\"edWrNr\" value=\"255\">\n")
                .append("<a href=\"LogDaten.dat\">history</a>\n</form>\n</body>\n</html>\n");
        return p.toString().replace("\n", eol).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String value(String v) {
        return "<td width=\"70\" align=\"right\" bgcolor=\"#FFFFFF\">\n  " + v + "</td>\n";
    }

    private static String blank() {
        return "<td width=\"70\" align=\"right\" bgcolor=\"#EAF7F7\">\n   </td>\n";
    }

    static String[][] of(String[]... rows) {
        return rows;
    }
}
