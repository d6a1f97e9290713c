package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitTest {

    @Test
    void symbols() {
        assertEquals("W", Unit.WATT.symbol());
        assertEquals("Wh", Unit.WATT_HOUR.symbol());
        assertEquals("V", Unit.VOLT.symbol());
        assertEquals("A", Unit.AMPERE.symbol());
        assertEquals("Hz", Unit.HERTZ.symbol());
        assertEquals("°C", Unit.CELSIUS.symbol());
        assertEquals("%", Unit.PERCENT.symbol());
        assertEquals("VA", Unit.VOLT_AMPERE.symbol());
        assertEquals("var", Unit.VAR.symbol());
        assertEquals("Ω", Unit.OHM.symbol());
        assertEquals("s", Unit.SECOND.symbol());
        assertEquals("", Unit.NONE.symbol());
    }

    @Test
    void symbolsAreUniqueAndNeverNull() {
        Set<String> seen = new HashSet<>();
        for (Unit unit : Unit.values()) {
            assertNotNull(unit.symbol());
            assertTrue(seen.add(unit.symbol()), "duplicate symbol " + unit.symbol());
        }
    }

    @Test
    void fromSymbolFindsEveryUnit() {
        for (Unit unit : Unit.values()) {
            assertEquals(Optional.of(unit), Unit.fromSymbol(unit.symbol()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kW", "kWh", "mA", "w", "WH", "MWh", "degC", " W"})
    void vendorUnitsAreNotCanonical(String symbol) {
        assertEquals(Optional.empty(), Unit.fromSymbol(symbol));
    }
}
