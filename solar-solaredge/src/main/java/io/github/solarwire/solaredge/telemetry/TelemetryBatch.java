package io.github.solarwire.solaredge.telemetry;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The result of parsing one 0x0500 payload: the records that decoded, in payload order, and one
 * error per record that did not. A bad record never hides the good ones around it.
 *
 * @param records the decoded records, unmodifiable
 * @param errors the problems found, unmodifiable; empty when the whole payload decoded
 */
public record TelemetryBatch(List<TelemetryRecord> records, List<ProtocolException> errors) {

    /**
     * Copies both lists.
     *
     * @param records see the record description
     * @param errors see the record description
     */
    public TelemetryBatch {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }

    /**
     * The records, or the first error when there was any.
     *
     * @return the records
     * @throws ProtocolException the first problem found
     */
    public List<TelemetryRecord> recordsOrThrow() throws ProtocolException {
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return records;
    }
}
