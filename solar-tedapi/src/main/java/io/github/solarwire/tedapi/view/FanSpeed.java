package io.github.solarwire.tedapi.view;

/**
 * A PV inverter fan of the {@code /fans} view, from the full query's {@code components.msa}.
 *
 * @param actualRpm the measured speed in rpm, or null
 * @param targetRpm the commanded speed in rpm, or null
 */
public record FanSpeed(Double actualRpm, Double targetRpm) {}
