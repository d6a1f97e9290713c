package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QBMS} reply: what a lithium battery's BMS tells the inverter. The voltages are sent in
 * 0.1 V steps ({@code 532} is 53.2 V) and converted here.
 *
 * @param connected the BMS is connected (sent as 0)
 * @param capacity state of charge reported by the BMS, %
 * @param forceCharging the BMS asks for a forced charge
 * @param stopDischarge the BMS forbids discharging
 * @param stopCharge the BMS forbids charging
 * @param bulkVoltage bulk charging voltage asked for by the BMS, V
 * @param floatVoltage float charging voltage asked for by the BMS, V
 * @param cutOffVoltage cut-off voltage asked for by the BMS, V
 * @param maxChargingCurrent max charging current allowed by the BMS, A
 * @param maxDischargeCurrent max discharge current allowed by the BMS, A
 * @param extraFields fields after the last known one, as sent
 */
public record QbmsResponse(
        boolean connected,
        int capacity,
        boolean forceCharging,
        boolean stopDischarge,
        boolean stopCharge,
        double bulkVoltage,
        double floatVoltage,
        double cutOffVoltage,
        int maxChargingCurrent,
        int maxDischargeCurrent,
        List<String> extraFields) {

    /**
     * Copies the extra fields.
     *
     * @param connected see the record description
     * @param capacity see the record description
     * @param forceCharging see the record description
     * @param stopDischarge see the record description
     * @param stopCharge see the record description
     * @param bulkVoltage see the record description
     * @param floatVoltage see the record description
     * @param cutOffVoltage see the record description
     * @param maxChargingCurrent see the record description
     * @param maxDischargeCurrent see the record description
     * @param extraFields see the record description
     */
    public QbmsResponse {
        extraFields = List.copyOf(extraFields);
    }

    static QbmsResponse decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QBMS", frame).require(10);
        boolean connected = f.integer("connect status") == 0;
        int capacity = f.integer("capacity");
        boolean force = f.integer("force charging") != 0;
        boolean stopDischarge = f.integer("stop discharge") != 0;
        boolean stopCharge = f.integer("stop charge") != 0;
        double bulk = f.integer("bulk voltage") / 10.0;
        double floatV = f.integer("float voltage") / 10.0;
        double cutOff = f.integer("cut-off voltage") / 10.0;
        int maxCharge = f.integer("max charging current");
        int maxDischarge = f.integer("max discharge current");
        return new QbmsResponse(
                connected,
                capacity,
                force,
                stopDischarge,
                stopCharge,
                bulk,
                floatV,
                cutOff,
                maxCharge,
                maxDischarge,
                f.rest());
    }
}
