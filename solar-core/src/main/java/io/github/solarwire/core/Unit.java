package io.github.solarwire.core;

import java.util.Optional;

/**
 * The canonical units every reading is expressed in.
 *
 * <p>Codecs convert vendor units (kW, kWh, mA, 0.1 V, …) to these at the boundary, exactly once, so
 * that a sink never has to know which device a value came from. Energy is always {@link
 * #WATT_HOUR} and power always {@link #WATT}.
 */
public enum Unit {
    /** Active power, watts. */
    WATT("W"),
    /** Energy, watt-hours. */
    WATT_HOUR("Wh"),
    /** Electric potential, volts. */
    VOLT("V"),
    /** Electric current, amperes. */
    AMPERE("A"),
    /** Frequency, hertz. */
    HERTZ("Hz"),
    /** Temperature, degrees Celsius. */
    CELSIUS("°C"),
    /** A ratio in percent (0–100), such as a state of charge. */
    PERCENT("%"),
    /** Apparent power, volt-amperes. */
    VOLT_AMPERE("VA"),
    /** Reactive power, volt-amperes reactive. */
    VAR("var"),
    /** Resistance, ohms. */
    OHM("Ω"),
    /** Duration, seconds. */
    SECOND("s"),
    /** A dimensionless number, such as a power factor or a count. */
    NONE("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The unit's symbol as written after a number, e.g. {@code "W"} or {@code "°C"}; empty for
     * {@link #NONE}.
     *
     * @return the symbol, never null
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Finds the unit whose symbol is exactly {@code symbol}.
     *
     * @param symbol a symbol such as {@code "Wh"}
     * @return the unit, or empty when no canonical unit has that symbol (kW, kWh and the like are
     *     vendor units and must be converted first)
     */
    public static Optional<Unit> fromSymbol(String symbol) {
        for (Unit unit : values()) {
            if (unit.symbol.equals(symbol)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
