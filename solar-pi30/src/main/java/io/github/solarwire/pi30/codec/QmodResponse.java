package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QMOD} reply: the device mode letter.
 *
 * @param letter the letter as sent
 * @param mode the mode, {@link DeviceMode#UNKNOWN} for a letter this library does not know
 */
public record QmodResponse(char letter, DeviceMode mode) {

    static QmodResponse decode(Pi30Frame frame) throws ProtocolException {
        char letter = Pi30Fields.of("QMOD", frame).require(1, 1).character("mode");
        return new QmodResponse(letter, DeviceMode.fromLetter(letter));
    }
}
