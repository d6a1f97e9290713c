package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QOPM} reply: the output mode, {@code 00} to {@code 04} (many units do not support
 * the command).
 *
 * @param outputMode the output mode
 */
public record QopmResponse(OutputMode outputMode) {

    static QopmResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QopmResponse(
                OutputMode.fromCode(Pi30Fields.of("QOPM", frame).require(1, 1).integer("output mode")));
    }
}
