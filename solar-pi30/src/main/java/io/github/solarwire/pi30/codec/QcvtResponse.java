package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QCVT} reply of the 2015 PI30 document: the max charging time at the CV stage.
 *
 * @param minutes the time, minutes
 */
public record QcvtResponse(int minutes) {

    static QcvtResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QcvtResponse(Pi30Fields.of("QCVT", frame).require(1, 1).integer("CV time"));
    }
}
