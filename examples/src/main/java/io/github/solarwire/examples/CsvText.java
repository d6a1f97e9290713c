package io.github.solarwire.examples;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * One CSV row as Python's {@code csv} module writes it with its defaults: a field is quoted only
 * when it holds the delimiter, a double quote or a line break (quotes doubled inside), rows end in
 * CR LF, and values are Python's {@code str()}: {@code nan} for NaN, {@code True}, an empty field
 * for {@code null}. Stateless.
 */
final class CsvText {

    private CsvText() {}

    /**
     * Formats one row.
     *
     * @param fields the values, of the kinds {@link PythonJson#parse} returns
     * @param delimiter the field delimiter
     * @return the row with its CR LF
     */
    static String row(List<?> fields, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String text = str(fields.get(i));
            if (text.indexOf(delimiter) >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\r') >= 0
                    || text.indexOf('\n') >= 0) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        return out.append("\r\n").toString();
    }

    /** Python's {@code str()} of a parsed JSON value. */
    static String str(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return PythonNumbers.repr(d);
        }
        if (value instanceof BigInteger || value instanceof String) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return repr(value);
    }

    /** Python's {@code repr()} of a parsed JSON value, for lists and objects inside a record. */
    private static String repr(Object value) {
        if (value instanceof String s) {
            String quote = s.contains("'") && !s.contains("\"") ? "\"" : "'";
            String body = s.replace("\\", "\\\\")
                    .replace("\n", "\\n")
                    .replace("\r", "\\r")
                    .replace("\t", "\\t");
            return quote + (quote.equals("'") ? body.replace("'", "\\'") : body) + quote;
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            String separator = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(separator).append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                separator = ", ";
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            String separator = "";
            for (Object o : list) {
                out.append(separator).append(repr(o));
                separator = ", ";
            }
            return out.append(']').toString();
        }
        return value == null ? "None" : str(value);
    }
}
