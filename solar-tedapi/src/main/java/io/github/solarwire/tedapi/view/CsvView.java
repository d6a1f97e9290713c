package io.github.solarwire.tedapi.view;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The proxy's {@code /csv} and {@code /csv/v2} text, byte for byte: numbers formatted as
 * Python's {@code %0.2f} (the exact binary value rounded half-even), unknown values as 0, one line
 * ending in {@code \n}, optionally after a header line.
 */
public final class CsvView {

    /** The {@code /csv} header line. */
    public static final String HEADER_V1 = "Grid,Home,Solar,Battery,BatteryLevel";
    /** The {@code /csv/v2} header line. */
    public static final String HEADER_V2 = HEADER_V1 + ",GridStatus,Reserve";

    private CsvView() {}

    /**
     * {@code /csv}: grid, home, solar, battery (W) and the raw battery level (%).
     *
     * @param aggregates the aggregates, or null when unavailable (all zeros)
     * @param rawLevel the raw state of energy in percent, or null
     * @param headers whether to start with {@link #HEADER_V1}
     * @param negativeSolar false to move negative solar into the load ({@code PW_NEG_SOLAR=no})
     * @return the text
     */
    public static String v1(MeterAggregates aggregates, Double rawLevel, boolean headers, boolean negativeSolar) {
        return (headers ? HEADER_V1 + "\n" : "") + values(aggregates, rawLevel, negativeSolar) + "\n";
    }

    /**
     * {@code /csv/v2}: {@link #v1} plus the grid status (1 up, else 0) and the backup reserve on the
     * app scale, truncated to a whole percent (0 when unknown).
     *
     * @param aggregates the aggregates, or null
     * @param rawLevel the raw state of energy in percent, or null
     * @param gridUp whether the grid is up
     * @param appReserve the reserve on the app scale in percent, or null
     * @param headers whether to start with {@link #HEADER_V2}
     * @param negativeSolar false to move negative solar into the load
     * @return the text
     */
    public static String v2(
            MeterAggregates aggregates,
            Double rawLevel,
            boolean gridUp,
            Double appReserve,
            boolean headers,
            boolean negativeSolar) {
        long reserve = appReserve == null || appReserve.isNaN() ? 0 : (long) (double) appReserve;
        return (headers ? HEADER_V2 + "\n" : "") + values(aggregates, rawLevel, negativeSolar) + "," + (gridUp ? 1 : 0)
                + "," + reserve + "\n";
    }

    private static String values(MeterAggregates aggregates, Double rawLevel, boolean negativeSolar) {
        MeterAggregates a = aggregates == null || negativeSolar ? aggregates : aggregates.withoutNegativeSolar();
        return fixed2(a == null ? null : a.site().instantPower()) + ","
                + fixed2(a == null ? null : a.load().instantPower()) + ","
                + fixed2(a == null ? null : a.solar().instantPower()) + ","
                + fixed2(a == null ? null : a.battery().instantPower()) + ","
                + fixed2(rawLevel);
    }

    /**
     * Python's {@code "%0.2f" % value}, with null as 0.
     *
     * @param value the number, or null
     * @return the text, e.g. {@code -2100.00}
     */
    public static String fixed2(Double value) {
        double v = value == null ? 0 : value;
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }
}
