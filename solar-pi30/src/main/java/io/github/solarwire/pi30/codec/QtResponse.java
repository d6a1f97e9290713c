package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The PI30MAX {@code QT} reply: the inverter's clock, {@code YYYYMMDDHHMMSS}, in whatever time zone
 * it was set to.
 *
 * @param time the inverter's local date and time
 */
public record QtResponse(LocalDateTime time) {

    static QtResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields fields = Pi30Fields.of("QT", frame).require(1, 1);
        String t = fields.digits(14, "device time");
        try {
            return new QtResponse(LocalDateTime.of(
                    Integer.parseInt(t.substring(0, 4)),
                    Integer.parseInt(t.substring(4, 6)),
                    Integer.parseInt(t.substring(6, 8)),
                    Integer.parseInt(t.substring(8, 10)),
                    Integer.parseInt(t.substring(10, 12)),
                    Integer.parseInt(t.substring(12, 14))));
        } catch (DateTimeException e) {
            throw fields.invalid("device time", "a valid date and time YYYYMMDDHHMMSS");
        }
    }
}
