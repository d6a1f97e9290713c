package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.ProtocolException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The first-generation PIKO status page ({@code /} or {@code /index.fhtml}) decoded to a {@link
 * PikoStatus}, by the page's structure, never by label text or cell index.
 *
 * <p>How the values are found: value cells are exactly the cells with a {@code bgcolor} of their
 * own; white ones ({@code #FFFFFF}) hold a value, the others ({@code #EAF7F7}, the page background)
 * stand for a string or phase the inverter does not have. The status is the cell with {@code
 * colspan="4"}. Rows of value cells above it are the energy block (AC power and total energy, then
 * daily energy on the right); below it, each {@code <u>} header row starts the block of string
 * <i>k</i> (left column: voltage, then current) and phase L<i>k</i> (right column: voltage, then
 * power). So 1 to 3 strings and 1 to 3 phases in any combination, in any language, decode the same
 * way. {@code x x x} (shown at night) is "no reading": null, not 0. The header gives the model and
 * the inverter name with its RS485 address, e.g. {@code Namenlos (255)}.
 *
 * <p>The page is ISO-8859-1; {@code &nbsp} without a semicolon, CRLF, LF and mixed line ends and a
 * browser's clipboard wrapper are all accepted. Units are converted once: kWh to Wh.
 */
public final class PikoStatusPage {

    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("(.*?)\\s*\\((\\d{1,5})\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}([.,]\\d{1,6})?");
    private static final Pattern NO_READING = Pattern.compile("[xX](\\s*[xX])*|-+");

    private PikoStatusPage() {}

    /**
     * Decodes a whole page as the inverter sent it.
     *
     * @param page the page's bytes (ISO-8859-1)
     * @return the decoded status
     * @throws ProtocolException when it is not a PIKO status page or a value cell is not a number
     */
    public static PikoStatus parse(byte[] page) throws ProtocolException {
        return parse(page, 0, page.length);
    }

    /**
     * Decodes the page in {@code page[offset, offset + length)}.
     *
     * @param page the buffer
     * @param offset where the page starts
     * @param length the page's length in bytes
     * @return the decoded status
     * @throws ProtocolException when it is not a PIKO status page or a value cell is not a number
     */
    public static PikoStatus parse(byte[] page, int offset, int length) throws ProtocolException {
        Objects.checkFromIndexSize(offset, length, page.length);
        return decode(PageScanner.rows(page, offset, offset + length));
    }

    /**
     * Decodes a page through a full Jsoup DOM instead of the single-pass scanner {@link
     * #parse(byte[])} uses: the same result, at about a tenth of the speed. It is kept as an
     * independent second reading of the page, for cross-checks and for pages a browser would repair
     * in ways the scanner does not.
     *
     * @param page the page's bytes (ISO-8859-1)
     * @return the decoded status
     * @throws ProtocolException when it is not a PIKO status page or a value cell is not a number
     */
    public static PikoStatus parseWithJsoup(byte[] page) throws ProtocolException {
        Document document = Jsoup.parse(new String(page, StandardCharsets.ISO_8859_1));
        List<List<PageCell>> rows = new ArrayList<>();
        for (Element tr : document.getElementsByTag("tr")) {
            List<PageCell> row = new ArrayList<>();
            int column = 0;
            for (Element td : tr.children()) {
                if (!td.nameIs("td") && !td.nameIs("th")) {
                    continue;
                }
                int colspan = colspan(td.attr("colspan"));
                String bgcolor = td.hasAttr("bgcolor") ? td.attr("bgcolor") : null;
                StringBuilder text = new StringBuilder();
                boolean[] underlined = {false};
                td.traverse((NodeVisitor) (Node node, int depth) -> {
                    if (node instanceof TextNode t) {
                        text.append(t.getWholeText());
                    } else if (node instanceof Element e) {
                        if (e.nameIs("br")) {
                            text.append('\n');
                        } else if (e.nameIs("u")) {
                            underlined[0] = true;
                        }
                    }
                });
                row.add(new PageCell(column, colspan, bgcolor, PageCell.normalise(text), underlined[0], -1));
                column += colspan;
            }
            rows.add(row);
        }
        return decode(rows);
    }

    private static int colspan(String value) {
        String v = value.strip();
        return v.matches("\\d{1,3}") ? Math.max(1, Integer.parseInt(v)) : 1;
    }

    /** The layout logic, shared by both page readers. */
    static PikoStatus decode(List<List<PageCell>> rows) throws ProtocolException {
        String model = null;
        String name = null;
        Integer address = null;
        int statusRow = -1;
        String status = null;
        int leftColumn = Integer.MAX_VALUE;
        for (int r = 0; r < rows.size(); r++) {
            for (PageCell cell : rows.get(r)) {
                if (model == null && cell.text().indexOf('\n') > 0) {
                    String[] lines = cell.text().split("\n");
                    model = lines[0];
                    Matcher m = NAME_AND_ADDRESS.matcher(lines[lines.length - 1]);
                    if (m.matches()) {
                        name = m.group(1).isEmpty() ? null : m.group(1);
                        address = Integer.valueOf(m.group(2));
                    } else {
                        name = lines[lines.length - 1];
                    }
                }
                if (statusRow < 0 && cell.colspan() == 4 && !cell.isSlot()) {
                    statusRow = r;
                    status = cell.text().replace('\n', ' ');
                    status = status.isEmpty() ? null : status;
                }
                if (cell.isSlot()) {
                    leftColumn = Math.min(leftColumn, cell.column());
                }
            }
        }
        if (leftColumn == Integer.MAX_VALUE) {
            throw new ProtocolException(
                    "not a PIKO status page", -1, "value cells (td with a bgcolor)", "no value cells");
        }
        if (statusRow < 0) {
            throw new ProtocolException("not a PIKO status page", -1, "a status cell (td colspan=4)", "none");
        }

        Double acPower = null;
        Double total = null;
        Double today = null;
        int energyRow = 0;
        PageCell[][] strings = new PageCell[4][2];
        PageCell[][] phases = new PageCell[4][2];
        boolean[] stringSeen = new boolean[4];
        boolean[] phaseSeen = new boolean[4];
        int block = 0;
        int rowInBlock = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<PageCell> row = rows.get(r);
            boolean slots = false;
            boolean header = false;
            for (PageCell cell : row) {
                slots |= cell.isSlot();
                header |= cell.underlined();
            }
            if (r < statusRow) {
                if (!slots) {
                    continue;
                }
                for (PageCell cell : row) {
                    if (!cell.isSlot()) {
                        continue;
                    }
                    boolean left = cell.column() == leftColumn;
                    if (energyRow == 0 && left) {
                        acPower = number(cell, "AC power", 0);
                    } else if (energyRow == 0) {
                        total = number(cell, "total energy", 3);
                    } else if (energyRow == 1 && !left) {
                        today = number(cell, "daily energy", 3);
                    }
                }
                energyRow++;
                continue;
            }
            if (header && !slots) {
                block++;
                rowInBlock = 0;
                continue;
            }
            if (!slots) {
                continue;
            }
            if (block == 0 || rowInBlock == 2) {
                block++;
                rowInBlock = 0;
            }
            if (block <= 3) {
                for (PageCell cell : row) {
                    if (!cell.isSlot()) {
                        continue;
                    }
                    boolean left = cell.column() == leftColumn;
                    (left ? strings : phases)[block][rowInBlock] = cell;
                    if (cell.isPresent()) {
                        (left ? stringSeen : phaseSeen)[block] = true;
                    }
                }
            }
            rowInBlock++;
        }
        List<PikoStatus.PvString> pv = new ArrayList<>(3);
        List<PikoStatus.Phase> ac = new ArrayList<>(3);
        for (int k = 1; k <= 3; k++) {
            if (stringSeen[k]) {
                pv.add(new PikoStatus.PvString(
                        k,
                        number(strings[k][0], "String " + k + " voltage", 0),
                        number(strings[k][1], "String " + k + " current", 0),
                        null));
            }
            if (phaseSeen[k]) {
                ac.add(new PikoStatus.Phase(
                        k,
                        number(phases[k][0], "L" + k + " voltage", 0),
                        null,
                        number(phases[k][1], "L" + k + " power", 0)));
            }
        }
        return new PikoStatus(model, name, address, acPower, total, today, status, pv, ac);
    }

    /**
     * A value cell's number, times 10^shift (3: kWh to Wh), or null for an absent cell, a blank
     * one or {@code x x x}.
     */
    private static Double number(PageCell cell, String what, int shift) throws ProtocolException {
        if (cell == null || !cell.isPresent()) {
            return null;
        }
        String text = cell.text().replace('\n', ' ').strip();
        if (text.isEmpty() || NO_READING.matcher(text).matches()) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new ProtocolException(
                    what + " cell is not a number", cell.offset(), "a decimal number or x x x", text);
        }
        return new BigDecimal(text.replace(',', '.')).movePointRight(shift).doubleValue();
    }
}
