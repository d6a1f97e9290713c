package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QMN} reply: the model name, e.g. {@code MKS2-8000}.
 *
 * @param modelName the model name as sent
 */
public record QmnResponse(String modelName) {

    static QmnResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields.of("QMN", frame).require(1);
        return new QmnResponse(frame.payload().strip());
    }
}
