package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The PI30MAX {@code QBEQI} reply: battery equalisation settings and state.
 *
 * @param enabled equalisation is enabled
 * @param timeMinutes equalisation time, minutes
 * @param periodDays days between equalisations
 * @param maxCurrent max equalisation current, A
 * @param reserved1 field 4, as sent
 * @param voltage equalisation voltage, V
 * @param reserved2 field 6, as sent
 * @param overTimeMinutes equalisation over-time, minutes
 * @param active equalisation is running now
 * @param elapsedHours hours since the last equalisation
 * @param extraFields fields after the last known one, as sent
 */
public record QbeqiResponse(
        boolean enabled,
        int timeMinutes,
        int periodDays,
        int maxCurrent,
        String reserved1,
        double voltage,
        String reserved2,
        int overTimeMinutes,
        boolean active,
        int elapsedHours,
        List<String> extraFields) {

    /**
     * Copies the extra fields.
     *
     * @param enabled see the record description
     * @param timeMinutes see the record description
     * @param periodDays see the record description
     * @param maxCurrent see the record description
     * @param reserved1 see the record description
     * @param voltage see the record description
     * @param reserved2 see the record description
     * @param overTimeMinutes see the record description
     * @param active see the record description
     * @param elapsedHours see the record description
     * @param extraFields see the record description
     */
    public QbeqiResponse {
        extraFields = List.copyOf(extraFields);
    }

    static QbeqiResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QBEQI", frame).require(10);
        boolean enabled = f.integer("enabled") != 0;
        int time = f.integer("time");
        int period = f.integer("period");
        int current = f.integer("max current");
        String reserved1 = f.text();
        double voltage = f.decimal("voltage");
        String reserved2 = f.text();
        int overTime = f.integer("over time");
        boolean active = f.integer("active") != 0;
        int elapsed = f.integer("elapsed time");
        return new QbeqiResponse(
                enabled, time, period, current, reserved1, voltage, reserved2, overTime, active, elapsed, f.rest());
    }
}
