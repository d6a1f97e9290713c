package io.github.solarwire.kostal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.kostal.codec.PikoState;
import io.github.solarwire.kostal.codec.PikoStatus;
import io.github.solarwire.kostal.codec.PikoStatusPage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every layout and language the simulator serves reads back through the real page parser. */
class SimulatedPikoTest {

    private static SimulatedPiko piko(int strings, int phases, SimulatedPiko.Language language, String time) {
        return new SimulatedPiko(
                "PIKO 5.5", strings, phases, language, Clock.fixed(Instant.parse(time), ZoneOffset.UTC), 1);
    }

    @ParameterizedTest
    @EnumSource(SimulatedPiko.Language.class)
    void everyLayoutParsesWithItsStringsAndPhasesByDay(SimulatedPiko.Language language) throws Exception {
        for (int strings = 1; strings <= 3; strings++) {
            for (int phases = 1; phases <= 3; phases++) {
                PikoStatus s = PikoStatusPage.parse(
                        piko(strings, phases, language, "2026-06-21T11:00:00Z").page());
                String layout = strings + " strings, " + phases + " phases, " + language;
                assertEquals("PIKO 5.5", s.model(), layout);
                assertEquals(255, s.address(), layout);
                assertTrue(s.acPower() > 2000, layout + ": " + s.acPower());
                assertEquals(PikoState.FEEDING, s.state(), layout + ": " + s.status());
                for (int k = 1; k <= 3; k++) {
                    assertEquals(k <= strings, s.string(k).isPresent(), layout + ": string " + k);
                    assertEquals(k <= phases, s.phase(k).isPresent(), layout + ": phase " + k);
                }
                double phaseSum = 0;
                for (int k = 1; k <= phases; k++) {
                    phaseSum += s.phase(k).orElseThrow().power();
                }
                assertEquals(s.acPower(), phaseSum, phases, layout + ": the phases add up to the AC power");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatedPiko.Language.class)
    void atNightTheLiveValuesAreAbsentAndTheTotalsKept(SimulatedPiko.Language language) throws Exception {
        PikoStatus s = PikoStatusPage.parse(
                piko(3, 3, language, "2026-06-21T23:00:00Z").page());
        assertNull(s.acPower());
        assertNotNull(s.energyTotal());
        assertTrue(s.energyTotal() > 0);
        assertEquals(PikoState.OFF, s.state(), s.status());
        assertNull(s.string(1).orElseThrow().voltage());
    }
}
