package io.github.solarwire.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SolarDayTest {

    private static final SolarDay MUNICH = new SolarDay(48.1, 11.6);

    /** Local solar noon is 12:00 UTC shifted by 4 minutes per degree of longitude. */
    private static Instant solarNoon(LocalDate day, double longitude) {
        long seconds = Math.round((12 - longitude / 15) * 3600);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(seconds);
    }

    @ParameterizedTest
    @CsvSource({"2026-06-21", "2026-12-21", "2026-03-20", "2026-09-23"})
    void sunIsUpAtNoonAndDownAtMidnightInMunich(LocalDate day) {
        Instant noon = solarNoon(day, MUNICH.longitude());
        assertTrue(MUNICH.sinElevation(noon) > 0, "noon " + noon);
        assertTrue(MUNICH.sinElevation(noon.plusSeconds(12 * 3600)) < 0, "midnight after " + noon);
        assertTrue(MUNICH.sinElevation(noon.minusSeconds(12 * 3600)) < 0, "midnight before " + noon);
    }

    @Test
    void noonElevationMatchesTheTextbookValues() {
        // Solar elevation at noon is 90° - latitude + declination: about 65.3° at midsummer and 18.5° at midwinter.
        double summer = Math.toDegrees(Math.asin(MUNICH.sinElevation(solarNoon(LocalDate.of(2026, 6, 21), 11.6))));
        double winter = Math.toDegrees(Math.asin(MUNICH.sinElevation(solarNoon(LocalDate.of(2026, 12, 21), 11.6))));
        assertEquals(65.3, summer, 0.5);
        assertEquals(18.5, winter, 0.5);
    }

    @Test
    void southernHemisphereHasItsSummerInDecember() {
        SolarDay sydney = new SolarDay(-33.9, 151.2);
        double december = sydney.sinElevation(solarNoon(LocalDate.of(2026, 12, 21), 151.2));
        double june = sydney.sinElevation(solarNoon(LocalDate.of(2026, 6, 21), 151.2));
        assertTrue(december > june, december + " vs " + june);
        assertTrue(june > 0);
    }

    @Test
    void clearSkyFractionIsZeroAtNightAndWithinZeroAndOneByDay() {
        Instant noon = solarNoon(LocalDate.of(2026, 6, 21), 11.6);
        assertEquals(0.0, MUNICH.clearSkyFraction(noon.plusSeconds(12 * 3600)));
        for (int minute = 0; minute < 24 * 60; minute += 5) {
            Instant at = noon.plusSeconds(minute * 60L);
            double f = MUNICH.clearSkyFraction(at);
            assertTrue(f >= 0 && f <= 1, at + ": " + f);
            assertEquals(MUNICH.sinElevation(at) > 0, f > 0, at.toString());
        }
        assertTrue(MUNICH.clearSkyFraction(noon) > 0.8);
    }

    @Test
    void sunAtTheZenithGivesTheFullFraction() {
        // At the equator on the equinox the noon sun is nearly overhead.
        SolarDay equator = new SolarDay(0, 0);
        assertEquals(1.0, equator.clearSkyFraction(solarNoon(LocalDate.of(2026, 3, 20), 0)), 0.01);
    }

    @ParameterizedTest
    @CsvSource({"90.1,0", "-90.1,0", "0,180.1", "0,-180.1", "NaN,0", "0,NaN", "Infinity,0"})
    void rejectsCoordinatesOutOfRange(double latitude, double longitude) {
        assertThrows(IllegalArgumentException.class, () -> new SolarDay(latitude, longitude));
    }

    @Test
    void acceptsTheExtremes() {
        new SolarDay(90, 180);
        new SolarDay(-90, -180);
    }
}
