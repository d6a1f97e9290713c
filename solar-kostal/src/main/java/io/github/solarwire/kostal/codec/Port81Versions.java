package io.github.solarwire.kostal.codec;

/**
 * The port-81 versions (command 0x8A): three u16 numbers.
 *
 * @param first the first number (hardware)
 * @param second the second number (main controller firmware, high byte major)
 * @param third the third number (communication board firmware, high byte major)
 */
public record Port81Versions(int first, int second, int third) {

    /**
     * The versions as the inverter's tools print them.
     *
     * @return e.g. {@code "0e48 03.41 05.20"}
     */
    public String text() {
        return String.format("%04x %02x.%02x %02x.%02x", first, second >> 8, second & 0xFF, third >> 8, third & 0xFF);
    }
}
