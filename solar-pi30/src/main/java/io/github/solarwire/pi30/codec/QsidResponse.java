package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;

/**
 * The PI30MAX {@code QSID} reply: two digits giving the serial number's length, the serial number,
 * then digits whose meaning is not documented. {@code (1492932105105335005535} is serial number
 * {@code 92932105105335}.
 *
 * @param serialNumber the serial number
 * @param trailing the undocumented characters after it, possibly empty
 */
public record QsidResponse(String serialNumber, String trailing) {

    static QsidResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields fields = Pi30Fields.of("QSID", frame).require(1, 1);
        String text = fields.text();
        if (text.length() < 2 || !Character.isDigit(text.charAt(0)) || !Character.isDigit(text.charAt(1))) {
            throw fields.invalid("serial number length", "two digits then the serial number");
        }
        int length = (text.charAt(0) - '0') * 10 + (text.charAt(1) - '0');
        if (length == 0 || length > text.length() - 2) {
            throw fields.invalid("serial number length", "1 to " + (text.length() - 2) + " characters");
        }
        return new QsidResponse(text.substring(2, 2 + length), text.substring(2 + length));
    }
}
