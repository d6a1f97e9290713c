package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QCST} reply of the 2015 PI30 document: the charging stage setting, one number.
 *
 * @param mode the charging stage setting
 */
public record QcstResponse(ChargingStageMode mode) {

    static QcstResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QcstResponse(ChargingStageMode.fromCode(
                Pi30Fields.of("QCST", frame).require(1, 1).integer("charging stage")));
    }
}
