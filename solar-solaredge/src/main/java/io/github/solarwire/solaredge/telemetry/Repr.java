package io.github.solarwire.solaredge.telemetry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A faster {@link SemonitorJson#pythonRepr}, with the same text for every double. Integers below
 * 2^53 and short exact decimals (at most 15 significant digits, e.g. multiples of 0.125) are
 * written directly. Otherwise {@link Double#toString} (not always shortest before JDK 19) suggests
 * the length, confirmed with two roundings of the exact value instead of the reference's
 * bisection; anything unconfirmed goes to the reference. Stateless.
 */
final class Repr {

    private static final long MANTISSA = (1L << 52) - 1;
    private static final MathContext[] PRECISION = new MathContext[18];
    private static final long[] FIVE = new long[23];

    static {
        for (int p = 1; p < PRECISION.length; p++) {
            PRECISION[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
        FIVE[0] = 1;
        for (int i = 1; i < FIVE.length; i++) {
            FIVE[i] = FIVE[i - 1] * 5;
        }
    }

    private Repr() {}

    static String of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return SemonitorJson.pythonRepr(d);
        }
        double a = Math.abs(d);
        String sign = d < 0 ? "-" : "";
        if (a < 0x1p53 && a == Math.rint(a)) {
            // Every digit is needed: a shorter decimal is at least 1 away, and the spacing is at most 1.
            return sign + (long) a + ".0";
        }
        long bits = Double.doubleToRawLongBits(a);
        int binExp = (int) (bits >>> 52);
        if (binExp > 0) {
            // A short exact decimal (at most 15 significant digits) is its own shortest form: any
            // shorter decimal is at least 1e-15 away relatively, more than half a double's spacing.
            long m = (bits & MANTISSA) | 1L << 52;
            int k = 1075 - binExp;
            int tz = Long.numberOfTrailingZeros(m);
            m >>>= tz;
            k -= tz;
            if (k > 0 && k <= 22 && m < (1L << 40)) {
                long n = m * FIVE[k];
                if (Math.multiplyHigh(m, FIVE[k]) == 0 && n > 0 && n < 1_000_000_000_000_000L) {
                    String digits = Long.toString(n);
                    int exponent = digits.length() - 1 - k;
                    if (exponent >= -4) {
                        return format(sign, digits, exponent);
                    }
                }
            }
        }
        BigDecimal exact = new BigDecimal(a);
        int hint = javaDigits(a);
        BigDecimal shortest = null;
        if ((bits & MANTISSA) != 0 && hint > 1 && hint < PRECISION.length) {
            // Away from powers of two the rounding interval is symmetric, so whether rounding to p
            // digits reads back is monotone in p, and the reference's bisection finds the least
            // such p: Java's length when it reads back and one digit less does not.
            BigDecimal candidate = exact.round(PRECISION[hint]);
            // 17 significant digits always read back, so only a shorter hint needs the check.
            if ((hint == 17 || candidate.doubleValue() == a)
                    && exact.round(PRECISION[hint - 1]).doubleValue() != a) {
                shortest = candidate;
            }
        }
        if (shortest == null) {
            return SemonitorJson.pythonRepr(d);
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        return format(sign, digits, digits.length() - 1 - shortest.scale());
    }

    /** Significant digits of Java's (possibly one digit too long) shortest text. */
    private static int javaDigits(double a) {
        String s = Double.toString(a);
        int n = 0;
        int firstNonZero = -1;
        int lastNonZero = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (firstNonZero < 0) {
                        firstNonZero = n;
                    }
                    lastNonZero = n;
                }
                n++;
            }
        }
        return lastNonZero - firstNonZero + 1;
    }

    /** The reference's layout: positional from 1e-4 up to 1e16, else exponent form. */
    static String format(String sign, String digits, int exponent) {
        StringBuilder s = new StringBuilder(24).append(sign);
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                s.append("0.").append("0".repeat(-exponent - 1)).append(digits);
            } else if (digits.length() <= exponent + 1) {
                s.append(digits)
                        .append("0".repeat(exponent + 1 - digits.length()))
                        .append(".0");
            } else {
                s.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
        } else {
            s.append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            s.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                s.append('0');
            }
            s.append(abs);
        }
        return s.toString();
    }
}
