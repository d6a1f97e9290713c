package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The {@code QID} reply: the serial number (14 digits in the vendor document; some units send 13).
 *
 * @param serialNumber the serial number as sent
 */
public record QidResponse(String serialNumber) {

    static QidResponse decode(Pi30Frame frame) throws ProtocolException {
        return new QidResponse(Pi30Fields.of("QID", frame).require(1, 1).text());
    }
}
