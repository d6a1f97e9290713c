package io.github.solarwire.examples;

import io.github.solarwire.solaredge.telemetry.SemonitorJson;
import java.math.BigInteger;

/**
 * Numbers printed as Python prints them ({@code str()} of what {@code json.loads} returned), so that
 * a drop-in app publishes the payloads its Python seed published: a JSON integer stays an integer
 * ({@code 1753730396}); any other number is the shortest text that reads back as the same double,
 * fixed-point from 10<sup>-4</sup> up to 10<sup>16</sup> ({@code 6.5590014648437505}, {@code 0.0001},
 * {@code 1.0}) and scientific outside ({@code 1e-05}, {@code 1.5e+16}).
 */
final class PythonNumbers {

    private PythonNumbers() {}

    /**
     * What Python prints for the number a JSON number text reads as.
     *
     * @param json a JSON number as written, e.g. {@code 6.5590014648437509}
     * @return Python's text, or the input unchanged when it is not a number
     */
    static String fromJson(String json) {
        String s = json.strip();
        if (s.matches("-?\\d+")) {
            return new BigInteger(s).toString();
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return json;
        }
        return repr(d);
    }

    /**
     * Python's {@code repr()} of a float: the shortest digits that read back, as solar-solaredge's
     * semonitor writer prints them, with Python's own text for the values JSON cannot hold.
     *
     * @param d the value
     * @return the text: {@code nan}, {@code inf} and {@code -inf} for those
     */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return SemonitorJson.pythonRepr(d);
    }
}
