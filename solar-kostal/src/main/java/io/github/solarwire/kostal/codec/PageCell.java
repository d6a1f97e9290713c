package io.github.solarwire.kostal.codec;

/**
 * One table cell of the status page, as both page readers see it.
 *
 * @param column the cell's first column in its row, counting colspans
 * @param colspan the cell's colspan, at least 1
 * @param bgcolor the cell's {@code bgcolor} attribute, or null
 * @param text the cell's text: {@code <br>} as a line break, each line's white space (and
 *     non-breaking spaces) collapsed and stripped
 * @param underlined whether the cell holds a {@code <u>} element (a string or phase header)
 * @param offset the cell's byte offset in the page, or -1 when unknown
 */
record PageCell(int column, int colspan, String bgcolor, String text, boolean underlined, long offset) {

    /** Whether this is a value cell: the only cells with a background colour of their own. */
    boolean isSlot() {
        return bgcolor != null && !bgcolor.isBlank();
    }

    /** Whether this value cell holds a value: white, as opposed to the page background. */
    boolean isPresent() {
        String c = bgcolor.strip();
        return c.equalsIgnoreCase("#FFFFFF") || c.equalsIgnoreCase("FFFFFF") || c.equalsIgnoreCase("white");
    }

    /** Collapses white space on each line, strips it and drops empty lines. */
    static String normalise(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                trimEnd(out);
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f') {
                space = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        trimEnd(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void trimEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
