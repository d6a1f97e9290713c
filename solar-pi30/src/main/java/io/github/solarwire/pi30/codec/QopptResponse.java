package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PI30MAX {@code QOPPT} reply: the output source priority for each hour of the day, the one in
 * force, and the three priorities the hours may choose from.
 *
 * @param hourly the priority from hour 0 to hour 23
 * @param current the priority in force now
 * @param selection the three selectable priorities, in order
 * @param extraFields fields after the last known one, as sent
 */
public record QopptResponse(
        List<OutputSourcePriority> hourly,
        OutputSourcePriority current,
        List<OutputSourcePriority> selection,
        List<String> extraFields) {

    /**
     * Copies the lists.
     *
     * @param hourly see the record description
     * @param current see the record description
     * @param selection see the record description
     * @param extraFields see the record description
     */
    public QopptResponse {
        hourly = List.copyOf(hourly);
        selection = List.copyOf(selection);
        extraFields = List.copyOf(extraFields);
    }

    static QopptResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QOPPT", frame).require(28);
        List<OutputSourcePriority> hourly = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            hourly.add(OutputSourcePriority.fromCode(f.integer("hour " + hour)));
        }
        OutputSourcePriority current = OutputSourcePriority.fromCode(f.integer("current priority"));
        List<OutputSourcePriority> selection = new ArrayList<>(3);
        for (int i = 1; i <= 3; i++) {
            selection.add(OutputSourcePriority.fromCode(f.integer("selection " + i)));
        }
        return new QopptResponse(hourly, current, selection, f.rest());
    }
}
