package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QBOOT} reply: whether the DSP has a bootstrap loader.
 *
 * @param bootstrap true for {@code 1}
 */
public record QbootResponse(boolean bootstrap) {

    static QbootResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QBOOT", frame).require(1, 1);
        int value = f.integer("bootstrap");
        if (value > 1 || value < 0) {
            throw f.invalid("bootstrap", "0 or 1");
        }
        return new QbootResponse(value == 1);
    }
}
