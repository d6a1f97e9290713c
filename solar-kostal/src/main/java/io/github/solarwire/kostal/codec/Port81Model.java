package io.github.solarwire.kostal.codec;

/**
 * The port-81 model (command 0x90).
 *
 * @param model the model text, stripped, e.g. {@code "PIKO 5.5"}
 * @param strings the number of PV strings
 * @param phases the number of AC phases
 */
public record Port81Model(String model, int strings, int phases) {}
