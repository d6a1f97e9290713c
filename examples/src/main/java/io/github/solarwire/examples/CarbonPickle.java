package io.github.solarwire.examples;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames for carbon's pickle receiver (port 2004): a 4-byte big-endian length, then a protocol-0
 * pickle of a list of {@code (path, (timestamp, value))} tuples, the format pickle2graphite.py sends.
 * Paths are unicode strings ({@code V}), timestamps integers ({@code I}), values integers or floats
 * ({@code F}, in Python's {@code repr}); carbon reads any of these with {@code float()}. Stateless.
 */
final class CarbonPickle {

    private CarbonPickle() {}

    /**
     * Encodes one batch.
     *
     * @param metrics the data points
     * @return the frame, length prefix included
     */
    static byte[] frame(List<GraphiteMetric> metrics) {
        StringBuilder pickle = new StringBuilder(64 + metrics.size() * 64);
        pickle.append("(l");
        for (GraphiteMetric m : metrics) {
            pickle.append("(V");
            unicode(pickle, m.path());
            pickle.append("\n(I").append(m.timestamp()).append('\n');
            if (m.value() instanceof BigInteger i) {
                pickle.append('I').append(i);
            } else {
                pickle.append('F').append(PythonNumbers.repr(m.value().doubleValue()));
            }
            pickle.append("\ntta");
        }
        pickle.append('.');
        // the pickle is ASCII: unicode() escapes everything else
        byte[] body = pickle.toString().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4);
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Python's raw-unicode-escape as protocol 0 uses it, with every non-ASCII character escaped. */
    private static void unicode(StringBuilder out, String s) {
        s.codePoints().forEach(c -> {
            if (c == '\\' || c == '\n' || c == '\r' || c < 0x20 || c > 0x7e) {
                out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
    }
}
