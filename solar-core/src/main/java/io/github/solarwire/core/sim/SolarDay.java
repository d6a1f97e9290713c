package io.github.solarwire.core.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A clear-sky solar day: the fraction of peak irradiance at a place and instant.
 *
 * <p>Uses the textbook declination and hour-angle formulas (accurate to a few minutes, plenty for
 * a simulator) and an air-mass-like damping near the horizon. Immutable and thread-safe.
 *
 * @param latitude degrees north, from -90 to 90
 * @param longitude degrees east, from -180 to 180
 */
public record SolarDay(double latitude, double longitude) {

    /**
     * Validates the coordinates.
     *
     * @param latitude see the record description
     * @param longitude see the record description
     * @throws IllegalArgumentException when out of range
     */
    public SolarDay {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude/longitude out of range: " + latitude + ", " + longitude);
        }
    }

    /**
     * The sine of the sun's elevation above the horizon, negative at night.
     *
     * @param at the instant
     * @return sin(elevation), from -1 to 1
     */
    public double sinElevation(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        int day = utc.getDayOfYear();
        double declination = Math.toRadians(-23.44 * Math.cos(2 * Math.PI / 365 * (day + 10)));
        double utcHours = utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0;
        double solarHours = utcHours + longitude / 15.0;
        double hourAngle = Math.toRadians(15 * (solarHours - 12));
        double lat = Math.toRadians(latitude);
        return Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
    }

    /**
     * The clear-sky irradiance as a fraction of a panel's peak, 0 at night.
     *
     * @param at the instant
     * @return from 0 to 1
     */
    public double clearSkyFraction(Instant at) {
        double s = sinElevation(at);
        if (s <= 0) {
            return 0;
        }
        return Math.pow(s, 1.15) * Math.exp(-0.08 / s) / Math.exp(-0.08);
    }
}
