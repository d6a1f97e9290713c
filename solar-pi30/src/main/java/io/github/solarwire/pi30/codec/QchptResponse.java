package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PI30MAX {@code QCHPT} reply: the charger source priority for each hour of the day, the one in
 * force, and the three priorities the hours may choose from. PI30MAX has no "utility first"
 * charging: code 0 here means "not set" and decodes to {@link ChargerSourcePriority#UNKNOWN}.
 *
 * @param hourly the priority from hour 0 to hour 23
 * @param current the priority in force now
 * @param selection the three selectable priorities, in order
 * @param extraFields fields after the last known one, as sent
 */
public record QchptResponse(
        List<ChargerSourcePriority> hourly,
        ChargerSourcePriority current,
        List<ChargerSourcePriority> selection,
        List<String> extraFields) {

    /**
     * Copies the lists.
     *
     * @param hourly see the record description
     * @param current see the record description
     * @param selection see the record description
     * @param extraFields see the record description
     */
    public QchptResponse {
        hourly = List.copyOf(hourly);
        selection = List.copyOf(selection);
        extraFields = List.copyOf(extraFields);
    }

    static QchptResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QCHPT", frame).require(28);
        List<ChargerSourcePriority> hourly = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            hourly.add(priority(f.integer("hour " + hour)));
        }
        ChargerSourcePriority current = priority(f.integer("current priority"));
        List<ChargerSourcePriority> selection = new ArrayList<>(3);
        for (int i = 1; i <= 3; i++) {
            selection.add(priority(f.integer("selection " + i)));
        }
        return new QchptResponse(hourly, current, selection, f.rest());
    }

    private static ChargerSourcePriority priority(int code) {
        return code == 0 ? ChargerSourcePriority.UNKNOWN : ChargerSourcePriority.fromCode(code);
    }
}
