package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code QLED} reply of PI30MAX models with an LED strip.
 *
 * @param enabled the LEDs are on
 * @param speed the animation speed code (0 low, 1 medium, 2 high)
 * @param effect the effect code (2 is solid)
 * @param brightness the brightness level
 * @param colourCount how many colours are in use
 * @param colours the colours, from a run of 9-digit {@code RRRGGGBBB} groups
 * @param extraFields fields after the last known one, as sent
 */
public record QledResponse(
        boolean enabled,
        int speed,
        int effect,
        int brightness,
        int colourCount,
        List<Colour> colours,
        List<String> extraFields) {

    /**
     * Copies the lists.
     *
     * @param enabled see the record description
     * @param speed see the record description
     * @param effect see the record description
     * @param brightness see the record description
     * @param colourCount see the record description
     * @param colours see the record description
     * @param extraFields see the record description
     */
    public QledResponse {
        colours = List.copyOf(colours);
        extraFields = List.copyOf(extraFields);
    }

    /**
     * One colour.
     *
     * @param red 0 to 255
     * @param green 0 to 255
     * @param blue 0 to 255
     */
    public record Colour(int red, int green, int blue) {}

    static QledResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QLED", frame).require(6);
        boolean enabled = f.integer("enabled") != 0;
        int speed = f.integer("speed");
        int effect = f.integer("effect");
        int brightness = f.integer("brightness");
        int count = f.integer("number of colours");
        String rgb = f.text();
        if (rgb.length() % 9 != 0 || rgb.length() > 90) {
            throw f.invalid("colours", "groups of 9 digits RRRGGGBBB");
        }
        List<Colour> colours = new ArrayList<>(rgb.length() / 9);
        for (int i = 0; i < rgb.length(); i += 9) {
            colours.add(new Colour(channel(f, rgb, i), channel(f, rgb, i + 3), channel(f, rgb, i + 6)));
        }
        return new QledResponse(enabled, speed, effect, brightness, count, colours, f.rest());
    }

    private static int channel(Pi30Fields f, String rgb, int at) throws ProtocolException {
        int value = 0;
        for (int i = at; i < at + 3; i++) {
            char c = rgb.charAt(i);
            if (c < '0' || c > '9') {
                throw f.invalid("colours", "groups of 9 digits RRRGGGBBB");
            }
            value = value * 10 + (c - '0');
        }
        if (value > 255) {
            throw f.invalid("colours", "colour channels 000 to 255");
        }
        return value;
    }
}
