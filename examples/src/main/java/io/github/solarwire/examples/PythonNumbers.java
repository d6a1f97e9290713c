package io.github.solarwire.examples;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers printed as Python prints them ({@code str()} of what {@code json.loads} returned), so that
 * a drop-in app publishes the payloads its Python seed published: a JSON integer stays an integer
 * ({@code 1753730396}); any other number is the shortest text that reads back as the same double,
 * fixed-point from 10<sup>-4</sup> up to 10<sup>16</sup> ({@code 6.559001464843751}, {@code 0.0001},
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
     * Python's {@code repr()} of a float.
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
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = shortest.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (shortest.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            out.append('0');
        }
        return out.append(e).toString();
    }
}
