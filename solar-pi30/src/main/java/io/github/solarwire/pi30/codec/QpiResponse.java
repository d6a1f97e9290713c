package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QPI} reply: the protocol family, e.g. {@code PI30}.
 *
 * @param protocolId the protocol id as sent
 */
public record QpiResponse(String protocolId) {

    static QpiResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QpiResponse(Pi30Fields.of("QPI", frame).require(1, 1).text());
    }
}
