package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.List;

/**
 * The {@code QPIGS2} reply: the second (and third) solar tracker. The layout follows the field
 * count, not a guess from the model: 3 fields are the PI30MAX dual-MPPT layout (PV2 current,
 * voltage, charging power); 12 or more are the 2015 PI30 / PIP-MST three-tracker layout, which
 * adds the fields of {@link ThreeTrackers}. (mpp-solar's pi30mst module applies the 12-field
 * layout to 3-field replies and reports PV2 power as "battery voltage from SCC 2".)
 *
 * @param pv2InputCurrent PV2 input current, A
 * @param pv2InputVoltage PV2 input voltage, V
 * @param pv2ChargingPower PV2 charging power, W
 * @param threeTrackers the rest of the three-tracker layout, or null for the PI30MAX layout
 * @param extraFields fields after the last known one, as sent
 */
public record Qpigs2Response(
        double pv2InputCurrent,
        double pv2InputVoltage,
        int pv2ChargingPower,
        ThreeTrackers threeTrackers,
        List<String> extraFields) {

    /**
     * Copies the extra fields.
     *
     * @param pv2InputCurrent see the record description
     * @param pv2InputVoltage see the record description
     * @param pv2ChargingPower see the record description
     * @param threeTrackers see the record description
     * @param extraFields see the record description
     */
    public Qpigs2Response {
        extraFields = List.copyOf(extraFields);
    }

    /**
     * The fields only the three-tracker layout has.
     *
     * @param scc2BatteryVoltage battery voltage measured by SCC2, V
     * @param statusBits eight status bits as sent (b24 SCC2 charging, b25 SCC3 charging)
     * @param acChargingCurrent AC charging current, A
     * @param acChargingPower AC charging power, W
     * @param pv3InputCurrent PV3 input current, A
     * @param pv3InputVoltage PV3 input voltage, V
     * @param scc3BatteryVoltage battery voltage measured by SCC3, V
     * @param pv3ChargingPower PV3 charging power, W
     * @param pvTotalChargingPower total PV charging power, W
     */
    public record ThreeTrackers(
            double scc2BatteryVoltage,
            String statusBits,
            int acChargingCurrent,
            int acChargingPower,
            double pv3InputCurrent,
            double pv3InputVoltage,
            double scc3BatteryVoltage,
            int pv3ChargingPower,
            int pvTotalChargingPower) {}

    static Qpigs2Response decode(Pi30Frame frame) throws ProtocolException {
        Pi30Fields f = Pi30Fields.of("QPIGS2", frame);
        if (f.count() < 12) {
            f.require(3, 3);
            return new Qpigs2Response(
                    f.decimal("PV2 input current"),
                    f.decimal("PV2 input voltage"),
                    f.integer("PV2 charging power"),
                    null,
                    List.of());
        }
        double current = f.decimal("PV2 input current");
        double voltage = f.decimal("PV2 input voltage");
        double scc2 = f.decimal("SCC2 battery voltage");
        int power = f.integer("PV2 charging power");
        int bits = f.bits(8, "status");
        String statusBits = String.format("%8s", Integer.toBinaryString(bits)).replace(' ', '0');
        ThreeTrackers three = new ThreeTrackers(
                scc2,
                statusBits,
                f.integer("AC charging current"),
                f.integer("AC charging power"),
                f.decimal("PV3 input current"),
                f.decimal("PV3 input voltage"),
                f.decimal("SCC3 battery voltage"),
                f.integer("PV3 charging power"),
                f.integer("PV total charging power"));
        return new Qpigs2Response(current, voltage, power, three, f.rest());
    }
}
