package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QVFW} (main CPU), {@code QVFW2} (SCC1) and {@code QVFW3} (SCC2 or remote CPU) reply,
 * e.g. {@code VERFW:00072.70}: a prefix, five hexadecimal digits of series, a dot and the version.
 *
 * @param text the whole reply as sent, prefix included
 * @param series the series digits ({@code 00072}), or null when the reply has another form
 * @param version the version after the dot ({@code 70}), or null when the reply has another form
 */
public record FirmwareVersionResponse(String text, String series, String version) {

    static FirmwareVersionResponse decode(String command, Pi30Frame frame) throws ProtocolException {
        String text = Pi30Fields.of(command, frame).require(1, 1).text();
        int colon = text.indexOf(':');
        int dot = text.indexOf('.', colon + 1);
        if (colon < 0 || dot < 0) {
            return new FirmwareVersionResponse(text, null, null);
        }
        return new FirmwareVersionResponse(text, text.substring(colon + 1, dot), text.substring(dot + 1));
    }
}
