package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QGMN} reply: the general model number, e.g. {@code 044}.
 *
 * @param generalModelNumber the number as sent, leading zeros kept
 */
public record QgmnResponse(String generalModelNumber) {

    static QgmnResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QgmnResponse(Pi30Fields.of("QGMN", frame).require(1, 1).text());
    }
}
