package io.github.solarwire.pi30.codec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the two output formats: maps (in their order), lists, records (by
 * component), strings, numbers, booleans, enums (by name) and null. Doubles are written the way
 * Python's {@code repr} writes floats for the values PI30 carries ({@code 57.5}, {@code 0.0}).
 */
final class JsonText {

    private JsonText() {}

    static String write(Object value) {
        StringBuilder s = new StringBuilder(512);
        value(s, value);
        return s.toString();
    }

    private static void value(StringBuilder s, Object v) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String || v instanceof Character) {
            string(s, v.toString());
        } else if (v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            number(s, ((Number) v).doubleValue());
        } else if (v instanceof Number) {
            s.append(((Number) v).longValue());
        } else if (v instanceof Enum<?> e) {
            string(s, e.name());
        } else if (v instanceof Map<?, ?> map) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    s.append(", ");
                }
                first = false;
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                value(s, e.getValue());
            }
            s.append('}');
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    s.append(", ");
                }
                value(s, list.get(i));
            }
            s.append(']');
        } else if (v instanceof Record record) {
            s.append('{');
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    s.append(", ");
                }
                string(s, components[i].getName());
                s.append(": ");
                value(s, component(record, components[i]));
            }
            s.append('}');
        } else {
            string(s, v.toString());
        }
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
        }
    }

    private static void number(StringBuilder s, double d) {
        if (!Double.isFinite(d)) {
            s.append("null");
            return;
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
            s.append(d);
        } else if (abs >= 1e7) {
            String plain = BigDecimal.valueOf(d).toPlainString();
            s.append(plain.contains(".") ? plain : plain + ".0");
        } else {
            s.append(d);
        }
    }

    private static void string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
