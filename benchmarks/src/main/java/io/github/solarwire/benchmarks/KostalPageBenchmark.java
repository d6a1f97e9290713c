package io.github.solarwire.benchmarks;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.kostal.codec.PikoStatusPage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kostal PIKO status pages decoded per second: a 3-string, 3-phase page of about 6 KB in the shape
 * of the real PIKO 5.5 page, with 64 distinct values cycled. Target from the issue: at least 20,000
 * pages per second on one core.
 *
 * <ul>
 *   <li>{@code scanner}: {@link PikoStatusPage#parse(byte[])}, the single-pass scanner;
 *   <li>{@code jsoupDom}: {@link PikoStatusPage#parseWithJsoup(byte[])}, through a full Jsoup DOM.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class KostalPageBenchmark {

    private byte[][] pages;
    private int next;

    @Setup
    public void setUp() {
        pages = new byte[64][];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = page(i);
        }
    }

    @Benchmark
    public PikoStatus scanner() throws ProtocolException {
        return PikoStatusPage.parse(pages[next++ & 63]);
    }

    @Benchmark
    public PikoStatus jsoupDom() throws ProtocolException {
        return PikoStatusPage.parseWithJsoup(pages[next++ & 63]);
    }

    /** A page in the real page's shape (labels, widths, &nbsp without semicolon, CRLF). */
    static byte[] page(int i) {
        StringBuilder p = new StringBuilder(6500);
        p.append("<!DOCtype HTML PUBLIC \"-//W3C//Dtd HTML 4.0 Transitional//EN\">\n<html>\n<head>\n"
                + "<meta HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">\n"
                + "<meta name=\"Generator\" CONTENT=\"ChrisB\">\n<title>PV Webserver</title>\n</head>\n"
                + "<body bgcolor=\"#EAF7F7\" text=\"#000000\" link=\"#0033CC\" topmargin=0 leftmargin=0>\n"
                + "<form method=\"post\" action=\"\">\n<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n"
                + "<tr><td height=\"5\"></td></tr>\n<tr><td width=\"190\" height=\"55\"></td>\n<td width=\"400\">\n"
                + "  <font face=\"Arial,Helvetica,Geneva,Sans-serif,sans-serif\" size=\"+3\">\n  PIKO 5.5\n"
                + "<br><font size=\"+1\">                 \n  Namenlos (255)\n</font>\n</font>\n</td>\n"
                + "<td><img alt=\"Logo\" height=\"42\" width=\"130\" src=\"KSE.gif\"></td>\n</tr>\n</table>\n\n"
                + "<font face=\"Arial,Helvetica,Geneva,Sans-serif,sans-serif\">\n"
                + "<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n<tr><td></td></tr>\n<tr>\n"
                + "<td width=\"190\"></td>\n<td colspan=\"2\">\n  <b>AC-Leistung</b></td>\n<td>&nbsp</td>\n<td>\n"
                + "  <b>Energie</b></td></tr>\n<tr><td height=\"10\"></td></tr>\n\n");
        row(p, "aktuell", String.valueOf(1000 + i), "W", "Gesamtenergie", String.valueOf(9290 + i), "kWh");
        p.append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  &nbsp</td>\n<td width=\"70\" align=\"right\">\n"
                + "  &nbsp</td>\n<td width=\"140\">&nbsp</td>\n<td width=\"100\">\n  Tagesenergie</td>\n"
                + "<td width=\"70\" align=\"right\" bgcolor=\"#FFFFFF\">\n  19." + (10 + i)
                + "</td>\n<td width=\"50\">&nbsp kWh</td>\n<td>&nbsp</td></tr>\n<tr height=\"5\"><td></td></tr>\n"
                + "<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  Status</td>\n<td colspan=\"4\">\n"
                + "  Einspeisen MPP</td>\n<td>&nbsp</td></tr>\n<tr height=\"8\"><td></td></tr>\n"
                + "<tr><td colspan=\"7\">\n<table align=\"top\" width=\"100%\"><tr>\n<td width=\"182\"></td>\n"
                + "<td><hr size=\"1\"></font></td></tr>\n<tr><td height=\"5\"></td></tr></table>\n</td></tr>\n"
                + "<tr>\n<td width=\"190\"></td>\n<td colspan=\"2\">\n  <b>PV-Generator</b></td>\n"
                + "<td width=\"140\">&nbsp</td>\n<td colspan=\"2\">\n  <b>Ausgangsleistung</b></td>\n"
                + "<td width=\"30\">&nbsp</td>\n<td>&nbsp</td></tr>\n<tr><td height=\"10\"></td></tr>\n");
        for (int k = 1; k <= 3; k++) {
            p.append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  <u>String ")
                    .append(k)
                    .append("</u></td>\n<td width=\"70\">&nbsp</td>\n<td width=\"140\">&nbsp</td>\n"
                            + "<td width=\"100\">\n  <u>L")
                    .append(k)
                    .append(
                            "</u></td>\n<td width=\"70\">&nbsp</td>\n<td width=\"30\">&nbsp</td>\n<td>&nbsp</td></tr>\n");
            row(p, "Spannung", String.valueOf(300 + i + k), "V", "Spannung", String.valueOf(228 + k), "V");
            row(p, "Strom", "0." + (10 + i), "A", "Leistung", String.valueOf(300 + i), "W");
        }
        p.append("</table>\n<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n<tr><td width=\"190\"></td>\n"
                + "<td><font face=\"Arial\">\n<b>RS485 Kommunikation</b></td></tr>\n<tr><td width=\"190\"></td>\n"
                + "<td>Wechselrichter&nbsp\n<input type=\"Text\" name=\"edWrNr\" value=\"255\" size=\"3\">\n"
                + "<input type=\"submit\" value=\"Anzeigen/Aktualisieren\">\n</td></tr></table>\n</font>\n<hr>\n"
                + "<table cellspacing=\"0\" cellpadding=\"0\" width=\"770\">\n<tr><td width=\"190\"></td>\n"
                + "<td width=\"330\">\n<a href=\"LogDaten.dat\">Historie</a>\n&nbsp &nbsp &nbsp\n"
                + "<a href=\"Info.fhtml\">Infoseite</a></td>\n<td align=\"right\">\n"
                + "<a href=\"Solar2.fhtml\">Einstellungen</a></td>\n<td width=\"50\"></td>\n</tr></table>\n"
                + "</form>\n</body>\n</html>\n");
        return p.toString().replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void row(StringBuilder p, String label1, String v1, String u1, String label2, String v2, String u2) {
        p.append("<tr>\n<td width=\"190\"></td>\n<td width=\"100\">\n  ")
                .append(label1)
                .append("</td>\n<td width=\"70\" align=\"right\" bgcolor=\"#FFFFFF\">\n  ")
                .append(v1)
                .append("</td>\n<td width=\"140\">&nbsp ")
                .append(u1)
                .append("</td>\n<td width=\"100\">\n  ")
                .append(label2)
                .append("</td>\n<td width=\"70\" align=\"right\" bgcolor=\"#FFFFFF\">\n  ")
                .append(v2)
                .append("</td>\n<td width=\"30\">&nbsp ")
                .append(u2)
                .append("</td>\n<td>&nbsp</td></tr>\n<tr height=\"2\"><td></td></tr>\n");
    }
}
