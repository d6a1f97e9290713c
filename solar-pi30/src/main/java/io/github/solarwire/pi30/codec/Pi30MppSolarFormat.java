package io.github.solarwire.pi30.codec;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a decoded reply in the shape mpp-solar's decoder returns, so that tools written against
 * mpp-solar keep working: field names such as {@code "AC Input Voltage"}, each value as {@code
 * [value, unit]} with mpp-solar's value types (a float stays a float, a flag is {@code 0}/{@code
 * 1} with unit {@code "bool"}), and {@code "_command"}. There is no {@code raw_response}, no
 * {@code _command_description} and no Home Assistant extras.
 *
 * <p>Where mpp-solar decodes wrongly, this does not follow it; the module README lists every
 * difference (the {@code QPGSn} battery bits, the {@code QPIWS} PI30MAX positions, {@code RSV1} and
 * {@code RSV2}, a {@code -} parallel count, the lists of {@code QMCHGCR} and {@code QMUCHGCR},
 * PI30MAX {@code QOPPT}, and fields mpp-solar does not know).
 */
public final class Pi30MppSolarFormat {

    private Pi30MppSolarFormat() {}

    /**
     * The fields of a reply, in order: name → {@code [value, unit]}.
     *
     * @param command the command that was sent
     * @param response what {@link Pi30Command#decode} returned for it
     * @return an unmodifiable ordered map
     * @throws IllegalArgumentException when the response is not of the command's type
     */
    public static Map<String, List<Object>> fields(Pi30Command<?> command, Object response) {
        Out out = new Out();
        Pi30Protocol p = command.protocol();
        if (command.isSetting()) {
            out.put(command.name(), ((Pi30Ack) response).name(), "");
            return out.done();
        }
        try {
            switch (command.name()) {
                case "QPI" -> out.put("Protocol ID", ((QpiResponse) response).protocolId(), "");
                case "QID" -> out.put("Serial Number", ((QidResponse) response).serialNumber(), "");
                case "QSID" -> out.put("Serial Number", ((QsidResponse) response).serialNumber(), "");
                case "QVFW" -> out.put("Main CPU firmware version", ((FirmwareVersionResponse) response).text(), "");
                case "QVFW2" -> out.put("SCC1 firmware version", ((FirmwareVersionResponse) response).text(), "");
                case "QVFW3" -> out.put("SCC2 firmware version", ((FirmwareVersionResponse) response).text(), "");
                case "QMN" -> out.put("Model Name", ((QmnResponse) response).modelName(), "");
                case "QGMN" -> out.put("General Model Name", ((QgmnResponse) response).generalModelNumber(), "");
                case "QT" -> out.put("Device Time", time((QtResponse) response), "");
                case "QMOD" -> out.put("Device Mode", mode((QmodResponse) response), "");
                case "QOPM" -> out.put("Output Mode", outputMode(((QopmResponse) response).outputMode(), false), "");
                case "QBOOT" -> out.put("DSP Has Bootstrap", ((QbootResponse) response).bootstrap() ? "Yes" : "No", "");
                case "QCST" -> out.put("Charging Stage", stage(((QcstResponse) response).mode()), "");
                case "QCVT" -> out.put("Max Charging Time at CV", ((QcvtResponse) response).minutes(), "min");
                case "QPIGS" -> qpigs(out, p, (QpigsResponse) response);
                case "QPIGS2" -> qpigs2(out, (Qpigs2Response) response);
                case "QPIRI" -> qpiri(out, p, (QpiriResponse) response);
                case "QDI" -> qdi(out, p, (QdiResponse) response);
                case "QFLAG" -> qflag(out, (QflagResponse) response);
                case "QPIWS" -> qpiws(out, (QpiwsResponse) response);
                case "QPGS" -> qpgs(out, p, (QpgsResponse) response);
                case "QMCHGCR" -> options(out, "Max Charging Current", (ChargingCurrentOptions) response);
                case "QMUCHGCR" -> options(out, "Max Utility Charging Current", (ChargingCurrentOptions) response);
                case "QMSCHGCR" -> options(out, "Max Solar Charging Current", (ChargingCurrentOptions) response);
                case "Q1" -> q1(out, (Q1Response) response);
                case "QBMS" -> qbms(out, (QbmsResponse) response);
                case "QBEQI" -> qbeqi(out, (QbeqiResponse) response);
                case "QOPPT" -> qoppt(out, (QopptResponse) response);
                case "QCHPT" -> qchpt(out, (QchptResponse) response);
                case "QLED" -> qled(out, (QledResponse) response);
                case "QET", "QEY", "QEM", "QED", "QLT", "QLY", "QLM", "QLD" -> energy(out, (EnergyResponse) response);
                default -> throw new IllegalArgumentException("no mpp-solar rendering for " + command.name());
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(
                    "a " + response.getClass().getSimpleName() + " is not the reply to " + command.name(), e);
        }
        return out.done();
    }

    /**
     * The reply as one JSON object: {@code "_command"} then {@link #fields}.
     *
     * @param command the command that was sent
     * @param response what {@link Pi30Command#decode} returned for it
     * @return the JSON text, one line
     * @throws IllegalArgumentException when the response is not of the command's type
     */
    public static String toJson(Pi30Command<?> command, Object response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("_command", command.request().command());
        json.putAll(fields(command, response));
        return JsonText.write(json);
    }

    /** Collects the fields; a null value is allowed. */
    private static final class Out {
        private final Map<String, List<Object>> fields = new LinkedHashMap<>();

        void put(String name, Object value, String unit) {
            fields.put(name, Collections.unmodifiableList(Arrays.asList(value, unit)));
        }

        void flag(String name, boolean value) {
            put(name, value ? 1 : 0, "bool");
        }

        void extras(int firstIndex, List<String> extra) {
            for (int i = 0; i < extra.size(); i++) {
                put("Unknown value in response " + (firstIndex + i), extra.get(i), "");
            }
        }

        Map<String, List<Object>> done() {
            return Collections.unmodifiableMap(fields);
        }
    }

    private static void qpigs(Out out, Pi30Protocol p, QpigsResponse r) {
        boolean max = p == Pi30Protocol.PI30MAX;
        out.put("AC Input Voltage", r.acInputVoltage(), "V");
        out.put("AC Input Frequency", r.acInputFrequency(), "Hz");
        out.put("AC Output Voltage", r.acOutputVoltage(), "V");
        out.put("AC Output Frequency", r.acOutputFrequency(), "Hz");
        out.put("AC Output Apparent Power", r.acOutputApparentPower(), "VA");
        out.put("AC Output Active Power", r.acOutputActivePower(), "W");
        out.put("AC Output Load", r.outputLoadPercent(), "%");
        out.put("BUS Voltage", r.busVoltage(), "V");
        out.put("Battery Voltage", r.batteryVoltage(), "V");
        out.put("Battery Charging Current", r.batteryChargingCurrent(), "A");
        out.put("Battery Capacity", r.batteryCapacity(), "%");
        out.put("Inverter Heat Sink Temperature", r.heatSinkTemperature(), "°C");
        out.put(max ? "PV1 Input Current" : "PV Input Current for Battery", r.pv1InputCurrent(), "A");
        out.put(max ? "PV1 Input Voltage" : "PV Input Voltage", r.pv1InputVoltage(), "V");
        out.put("Battery Voltage from SCC", r.sccBatteryVoltage(), "V");
        out.put("Battery Discharge Current", r.batteryDischargeCurrent(), "A");
        QpigsResponse.DeviceStatus s = r.status();
        out.flag("Is SBU Priority Version Added", s.sbuPriorityVersion());
        out.flag("Is Configuration Changed", s.configurationChanged());
        out.flag("Is SCC Firmware Updated", s.sccFirmwareUpdated());
        out.flag("Is Load On", s.loadOn());
        out.flag("Is Battery Voltage to Steady While Charging", s.batteryVoltageSteady());
        out.flag("Is Charging On", s.charging());
        out.flag("Is SCC Charging On", s.sccCharging());
        out.flag("Is AC Charging On", s.acCharging());
        out.put("Battery Voltage Offset for Fans On", (int) Math.round(r.fanOnVoltageOffset() * 100), "10mV");
        out.put("EEPROM Version", r.eepromVersion(), "");
        out.put(max ? "PV1 Charging Power" : "PV Input Power", r.pv1ChargingPower(), "W");
        out.flag("Is Charging to Float", r.chargeStatus().chargingToFloat());
        out.flag("Is Switched On", r.chargeStatus().switchedOn());
        out.flag(
                max ? "Is Dustproof Installed" : "Is Reserved", r.chargeStatus().dustproofInstalled());
        int known = QpigsResponse.MIN_FIELDS;
        if (r.solarFeedToGrid() != null) {
            out.put("Solar Feed to Grid", r.solarFeedToGrid() ? "Enabled" : "Disabled", "");
            known++;
        }
        if (r.country() != null) {
            out.put("Country", country(r.country()), "");
            known++;
        }
        if (r.solarFeedToGridPower() != null) {
            out.put("Solar Feed to Grid Power", r.solarFeedToGridPower(), "W");
            known++;
        }
        out.extras(known, r.extraFields());
    }

    private static void qpigs2(Out out, Qpigs2Response r) {
        out.put("PV2 Input Current", r.pv2InputCurrent(), "A");
        out.put("PV2 Input Voltage", r.pv2InputVoltage(), "V");
        Qpigs2Response.ThreeTrackers t = r.threeTrackers();
        if (t == null) {
            out.put("PV2 Charging Power", r.pv2ChargingPower(), "W");
            return;
        }
        out.put("Battery Voltage from SCC 2", t.scc2BatteryVoltage(), "V");
        out.put("PV2 Charging Power", r.pv2ChargingPower(), "W");
        out.put("Status Flags", t.statusBits(), "");
        out.put("AC Charging Current", t.acChargingCurrent(), "A");
        out.put("AC Charging Power", t.acChargingPower(), "W");
        out.put("PV3 Input Current", t.pv3InputCurrent(), "A");
        out.put("PV3 Input Voltage", t.pv3InputVoltage(), "V");
        out.put("Battery Voltage from SCC 3", t.scc3BatteryVoltage(), "V");
        out.put("PV3 Charging Power", t.pv3ChargingPower(), "W");
        out.put("PV Total Charging Power", t.pvTotalChargingPower(), "W");
        out.extras(12, r.extraFields());
    }

    private static void qpiri(Out out, Pi30Protocol p, QpiriResponse r) {
        out.put("AC Input Voltage", r.acInputRatingVoltage(), "V");
        out.put("AC Input Current", r.acInputRatingCurrent(), "A");
        out.put("AC Output Voltage", r.acOutputRatingVoltage(), "V");
        out.put("AC Output Frequency", r.acOutputRatingFrequency(), "Hz");
        out.put("AC Output Current", r.acOutputRatingCurrent(), "A");
        out.put("AC Output Apparent Power", r.acOutputRatingApparentPower(), "VA");
        out.put("AC Output Active Power", r.acOutputRatingActivePower(), "W");
        out.put("Battery Voltage", r.batteryRatingVoltage(), "V");
        out.put("Battery Recharge Voltage", r.batteryRechargeVoltage(), "V");
        out.put("Battery Under Voltage", r.batteryUnderVoltage(), "V");
        out.put("Battery Bulk Charge Voltage", r.batteryBulkVoltage(), "V");
        out.put("Battery Float Charge Voltage", r.batteryFloatVoltage(), "V");
        out.put("Battery Type", batteryType(r.batteryType()), "");
        out.put("Max AC Charging Current", r.maxAcChargingCurrent(), "A");
        out.put("Max Charging Current", r.maxChargingCurrent(), "A");
        out.put("Input Voltage Range", inputRange(r.inputVoltageRange()), "");
        out.put("Output Source Priority", outputPriority(r.outputSourcePriority(), p == Pi30Protocol.PI30MAX), "");
        out.put("Charger Source Priority", chargerPriority(r.chargerSourcePriority()), "");
        out.put("Max Parallel Units", r.maxParallelUnits(), "units");
        out.put("Machine Type", machineType(r.machineType()), "");
        out.put("Topology", topology(r.topology()), "");
        out.put("Output Mode", outputMode(r.outputMode(), false), "");
        out.put("Battery Redischarge Voltage", r.batteryRedischargeVoltage(), "V");
        out.put("PV OK Condition", pvOk(r.pvOkCondition()), "");
        out.put("PV Power Balance", pvBalance(r.pvPowerBalance()), "");
        int known = QpiriResponse.MIN_FIELDS;
        if (r.maxChargingTimeAtCv() != null) {
            out.put("Max charging time for CV stage", r.maxChargingTimeAtCv(), "min");
            known++;
        }
        if (r.operationLogic() != null) {
            out.put("Operation Logic", operationLogic(r.operationLogic()), "");
            known++;
        }
        if (r.maxDischargingCurrent() != null) {
            out.put("Max discharging current", r.maxDischargingCurrent(), "A");
            known++;
        }
        out.extras(known, r.extraFields());
    }

    private static void qdi(Out out, Pi30Protocol p, QdiResponse r) {
        boolean max = p == Pi30Protocol.PI30MAX;
        out.put("AC Output Voltage", r.acOutputVoltage(), "V");
        out.put("AC Output Frequency", r.acOutputFrequency(), "Hz");
        out.put("Max AC Charging Current", r.maxAcChargingCurrent(), "A");
        out.put("Battery Under Voltage", r.batteryUnderVoltage(), "V");
        out.put("Battery Float Charge Voltage", r.batteryFloatVoltage(), "V");
        out.put("Battery Bulk Charge Voltage", r.batteryBulkVoltage(), "V");
        out.put("Battery Recharge Voltage", r.batteryRechargeVoltage(), "V");
        out.put("Max Charging Current", r.maxChargingCurrent(), "A");
        out.put("Input Voltage Range", inputRange(r.inputVoltageRange()), "");
        out.put("Output Source Priority", outputPriority(r.outputSourcePriority(), false), "");
        out.put("Charger Source Priority", chargerPriority(r.chargerSourcePriority()), "");
        out.put("Battery Type", batteryType(r.batteryType()), "");
        out.put("Buzzer", enabled(r.buzzer()), "");
        out.put("Power saving", enabled(r.powerSaving()), "");
        out.put("Overload restart", enabled(r.overloadRestart()), "");
        out.put("Over temperature restart", enabled(r.overTemperatureRestart()), "");
        out.put("LCD Backlight", enabled(r.lcdBacklight()), "");
        out.put("Primary source interrupt alarm", enabled(r.sourceInterruptAlarm()), "");
        out.put("Record fault code", enabled(r.faultCodeRecord()), "");
        out.put("Overload bypass", enabled(r.overloadBypass()), "");
        out.put("LCD reset to default", enabled(r.lcdReturnToDefault()), "");
        out.put("Output mode", outputMode(r.outputMode(), max), "");
        out.put("Battery Redischarge Voltage", r.batteryRedischargeVoltage(), "V");
        out.put("PV OK condition", pvOk(r.pvOkCondition()), "");
        out.put("PV Power Balance", pvBalance(r.pvPowerBalance()), "");
        int known = QdiResponse.MIN_FIELDS;
        if (r.maxChargingTimeAtCv() != null) {
            out.put("Max Charging Time at CV", r.maxChargingTimeAtCv(), "min");
            known++;
        }
        out.extras(known, r.extraFields());
    }

    private static void qflag(Out out, QflagResponse r) {
        for (QflagResponse.Setting s : r.settings()) {
            String name = s.flag() == null ? "unknown_" + s.letter() : flagName(s.flag());
            out.put(name, enabled(s.enabled()), "");
        }
    }

    private static void qpiws(Out out, QpiwsResponse r) {
        String bits = r.bits();
        for (int i = 0; i < bits.length(); i++) {
            Pi30Warning warning = Pi30Warning.at(r.protocol(), i);
            if (i == 13) {
                out.put("Reserved", String.valueOf(bits.charAt(i)), "");
            } else if (warning.isWarning()) {
                out.put(warning.description(), String.valueOf(bits.charAt(i)), "");
            }
        }
    }

    private static void qpgs(Out out, Pi30Protocol p, QpgsResponse r) {
        boolean max = p == Pi30Protocol.PI30MAX;
        out.put("Parallel instance number", r.unitValid() ? "valid" : "Not valid", "");
        out.put("Serial number", r.serialNumber(), "");
        out.put("Work mode", workMode(r), "");
        out.put("Fault code", Pi30Faults.describe(p, r.faultCode()), "");
        out.put(max ? "Grid Voltage" : "Grid voltage", r.gridVoltage(), "V");
        out.put(max ? "Grid Frequency" : "Grid frequency", r.gridFrequency(), "Hz");
        out.put(max ? "AC Output Voltage" : "AC output voltage", r.acOutputVoltage(), "V");
        out.put(max ? "AC Output Frequency" : "AC output frequency", r.acOutputFrequency(), "Hz");
        out.put(max ? "AC Output Apparent Power" : "AC output apparent power", r.acOutputApparentPower(), "VA");
        out.put(max ? "AC Output Active Power" : "AC output active power", r.acOutputActivePower(), "W");
        out.put(max ? "Load Percentage" : "Load percentage", r.loadPercent(), "%");
        out.put(max ? "Battery Voltage" : "Battery voltage", r.batteryVoltage(), "V");
        out.put(max ? "Battery Charging Current" : "Battery charging current", r.batteryChargingCurrent(), "A");
        out.put(max ? "Battery Capacity" : "Battery capacity", r.batteryCapacity(), "%");
        out.put(max ? "PV1 Input Voltage" : "PV Input Voltage", r.pv1InputVoltage(), "V");
        out.put(max ? "Total Charging Current" : "Total charging current", r.totalChargingCurrent(), "A");
        out.put(
                max ? "Total AC Output Apparent Power" : "Total AC output apparent power",
                r.totalAcOutputApparentPower(),
                "VA");
        out.put(max ? "Total Output Active Power" : "Total output active power", r.totalOutputActivePower(), "W");
        out.put(max ? "Total AC Output Percentage" : "Total AC output percentage", r.totalAcOutputPercent(), "%");
        QpgsResponse.Status s = r.status();
        out.flag("Is SCC OK", s.sccOk());
        out.flag("Is AC Charging", s.acCharging());
        out.flag("Is SCC Charging", s.sccCharging());
        out.put("Battery Status", batteryState(s.batteryState()), "");
        out.flag("Is Line Lost", s.lineLoss());
        out.flag("Is Load On", s.loadOn());
        out.flag("Is Configuration Changed", s.configurationChanged());
        out.put("Output mode", outputMode(r.outputMode(), max), "");
        out.put("Charger source priority", qpgsChargerPriority(r.chargerSourcePriority()), "");
        out.put(max ? "Max Charger Current" : "Max charger current", r.maxChargerCurrent(), "A");
        out.put(max ? "Max Charger Range" : "Max charger range", r.maxChargerRange(), "A");
        out.put(max ? "Max AC Charger Current" : "Max AC charger current", r.maxAcChargerCurrent(), "A");
        out.put(max ? "PV1 Input Current" : "PV input current", r.pv1InputCurrent(), "A");
        out.put(max ? "Battery Discharge Current" : "Battery discharge current", r.batteryDischargeCurrent(), "A");
        int known = QpgsResponse.MIN_FIELDS;
        if (r.pv2InputVoltage() != null) {
            out.put("PV2 Input Voltage", r.pv2InputVoltage(), "V");
            known++;
        }
        if (r.pv2InputCurrent() != null) {
            out.put("PV2 Input Current", r.pv2InputCurrent(), "A");
            known++;
        }
        out.extras(known, r.extraFields());
    }

    private static void options(Out out, String name, ChargingCurrentOptions r) {
        List<Integer> amperes = r.amperes();
        for (int i = 0; i < amperes.size(); i++) {
            out.put(name + " " + (i + 1), amperes.get(i), "A");
        }
    }

    private static void q1(Out out, Q1Response r) {
        out.put("Time until the end of absorb charging", r.secondsToAbsorbEnd(), "sec");
        out.put("Time until the end of float charging", r.secondsToFloatEnd(), "sec");
        out.put("SCC Flag", r.sccOk() ? "SCC is powered and communicating" : "SCC is not communicating", "");
        out.put("AllowSccOnFlag", r.allowSccOn() ? "01" : "00", "");
        out.put("ChargeAverageCurrent", String.format("%02d", r.chargeAverageCurrent()), "");
        out.put("SCC PWM temperature", r.sccPwmTemperature(), "°C");
        out.put("Inverter temperature", r.inverterTemperature(), "°C");
        out.put("Battery temperature", r.batteryTemperature(), "°C");
        out.put("Transformer temperature", r.transformerTemperature(), "°C");
        out.put("GPIO13", r.parallelMode(), "");
        out.put("Fan lock status", r.fanLocked() ? "Locked" : "Not locked", "");
        out.put("Not used", r.unused(), "");
        out.put("Fan PWM speed", r.fanPwmPercent(), "%");
        out.put("SCC charge power", r.sccChargePower(), "W");
        out.put("Parallel Warning", r.parallelWarning(), "");
        out.put("Sync frequency", r.syncFrequency(), "");
        out.put("Inverter charge status", chargeStage(r), "");
        out.extras(Q1Response.MIN_FIELDS, r.extraFields());
    }

    private static void qbms(Out out, QbmsResponse r) {
        out.put("Battery connect status", r.connected() ? "Connected" : "Disconnected", "");
        out.put("Battery capacity from BMS", r.capacity(), "%");
        out.put("Battery force charging", r.forceCharging() ? "Yes" : "No", "");
        out.put("Battery stop discharge flag", r.stopDischarge() ? "Disable discharge" : "Enable discharge", "");
        out.put("Battery stop charge flag", r.stopCharge() ? "Disable charge" : "Enable charge", "");
        // mpp-solar leaves these in the 0.1 V steps they are sent in; so does this format.
        out.put("Battery bulk charging voltage from BMS", (int) Math.round(r.bulkVoltage() * 10), "0.1 V");
        out.put("Battery float charging voltage from BMS", (int) Math.round(r.floatVoltage() * 10), "0.1 V");
        out.put("Battery cut off voltage from BMS", (int) Math.round(r.cutOffVoltage() * 10), "0.1 V");
        out.put("Battery max charging current", (double) r.maxChargingCurrent(), "A");
        out.put("Battery max discharge current", (double) r.maxDischargeCurrent(), "A");
        out.extras(10, r.extraFields());
    }

    private static void qbeqi(Out out, QbeqiResponse r) {
        out.put("Equalization Enabled", r.enabled() ? "Enabled" : "Disabled", "");
        out.put("Equalization Time", r.timeMinutes(), "min");
        out.put("Equalization Period", r.periodDays(), "day");
        out.put("Equalization Max Current", r.maxCurrent(), "A");
        out.put("Reserved1", r.reserved1(), "");
        out.put("Equalization Voltage", r.voltage(), "V");
        out.put("Reserved2", r.reserved2(), "");
        out.put("Equalization Over Time", r.overTimeMinutes(), "min");
        out.put("Equalization Active", r.active() ? "Active" : "Inactive", "");
        // "Elasped" is mpp-solar's spelling; tools match on it.
        out.put("Equalization Elasped Time", r.elapsedHours(), "hour");
        out.extras(10, r.extraFields());
    }

    private static void qoppt(Out out, QopptResponse r) {
        for (int hour = 0; hour < r.hourly().size(); hour++) {
            out.put(
                    String.format("Output Source Priority %02d hours", hour),
                    schedule(r.hourly().get(hour)),
                    "");
        }
        out.put("Device Output Source Priority", schedule(r.current()), "");
        for (int i = 0; i < r.selection().size(); i++) {
            out.put(
                    "Selection of Output Source Priority Order " + (i + 1),
                    schedule(r.selection().get(i)),
                    "");
        }
        out.extras(28, r.extraFields());
    }

    private static void qchpt(Out out, QchptResponse r) {
        for (int hour = 0; hour < r.hourly().size(); hour++) {
            out.put(
                    String.format("Charger Source Priority %02d hours", hour),
                    schedule(r.hourly().get(hour)),
                    "");
        }
        out.put("Device Charger Source Priority", schedule(r.current()), "");
        for (int i = 0; i < r.selection().size(); i++) {
            out.put(
                    "Selection of Charger Source Priority Order " + (i + 1),
                    schedule(r.selection().get(i)),
                    "");
        }
        out.extras(28, r.extraFields());
    }

    private static void qled(Out out, QledResponse r) {
        out.put("LED Enabled", r.enabled() ? "Enabled" : "Disabled", "");
        out.put(
                "LED Speed",
                switch (r.speed()) {
                    case 0 -> "Low";
                    case 1 -> "Medium";
                    case 2 -> "High";
                    default -> "UNKNOWN(" + r.speed() + ")";
                },
                "");
        out.put("LED Effect", r.effect() == 2 ? "Solid" : "Effect " + r.effect(), "");
        out.put("LED Brightness", r.brightness(), "");
        out.put("LED Number of Colors", r.colourCount(), "");
        StringBuilder rgb = new StringBuilder();
        for (QledResponse.Colour c : r.colours()) {
            rgb.append(String.format("%03d%03d%03d", c.red(), c.green(), c.blue()));
        }
        out.put("RGB", rgb.toString(), "");
        out.extras(6, r.extraFields());
    }

    private static void energy(Out out, EnergyResponse r) {
        String what = r.source() == EnergyResponse.Source.PV ? "PV Generated Energy" : "Output Load Energy";
        String name = switch (r.period()) {
            case TOTAL -> "Total " + what;
            case YEAR -> what + " for Year";
            case MONTH -> what + " for Month";
            case DAY -> what + " for Day";
        };
        out.put(name, r.wattHours(), "Wh");
        if (r.period() != EnergyResponse.Period.TOTAL) {
            out.put("Year", String.format("%04d", r.year()), "");
        }
        if (r.period() == EnergyResponse.Period.MONTH || r.period() == EnergyResponse.Period.DAY) {
            out.put("Month", Month.of(r.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH), "");
        }
        if (r.period() == EnergyResponse.Period.DAY) {
            out.put("Day", String.format("%02d", r.day()), "");
        }
    }

    private static String time(QtResponse r) {
        var t = r.time();
        return String.format(
                "%04d%02d%02d%02d%02d%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    private static String mode(QmodResponse r) {
        return switch (r.mode()) {
            case POWER_ON -> "Power On";
            case STANDBY -> "Standby";
            case LINE -> "Line";
            case BATTERY -> "Battery";
            case FAULT -> "Fault";
            case POWER_SAVING -> "Power Saving";
            case SHUTDOWN -> "Shutdown";
            case BYPASS -> "Bypass";
            case UNKNOWN -> "UNKNOWN(" + r.letter() + ")";
        };
    }

    private static String workMode(QpgsResponse r) {
        return r.workMode() == DeviceMode.UNKNOWN
                ? "UNKNOWN(" + r.workModeLetter() + ")"
                : mode(new QmodResponse(r.workModeLetter(), r.workMode())) + " Mode";
    }

    private static String batteryType(BatteryType t) {
        return switch (t) {
            case AGM -> "AGM";
            case FLOODED -> "Flooded";
            case USER -> "User";
            case PYLONTECH -> "Pylontech";
            case SHINHEUNG -> "Shinheung";
            case WECO -> "WECO";
            case SOLTARO -> "Soltaro";
            case BAK -> "BAK";
            case LIB -> "LIb-protocol compatible";
            case LIC -> "3rd party Lithium";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String inputRange(InputVoltageRange r) {
        return switch (r) {
            case APPLIANCE -> "Appliance";
            case UPS -> "UPS";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String outputPriority(OutputSourcePriority p, boolean maxWording) {
        return switch (p) {
            case UTILITY_FIRST -> maxWording ? "Utility Solar Battery" : "Utility first";
            case SOLAR_FIRST -> maxWording ? "Solar Utility Battery" : "Solar first";
            case SBU -> maxWording ? "Solar Battery Utility" : "SBU first";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String chargerPriority(ChargerSourcePriority p) {
        return switch (p) {
            case UTILITY_FIRST -> "Utility first";
            case SOLAR_FIRST -> "Solar first";
            case SOLAR_AND_UTILITY -> "Solar + Utility";
            case SOLAR_ONLY -> "Only solar charging permitted";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String qpgsChargerPriority(ChargerSourcePriority p) {
        return p == ChargerSourcePriority.SOLAR_ONLY ? "Solar only" : chargerPriority(p);
    }

    private static String machineType(MachineType t) {
        return switch (t) {
            case GRID_TIE -> "Grid tie";
            case OFF_GRID -> "Off Grid";
            case HYBRID -> "Hybrid";
            case OFF_GRID_2_TRACKERS -> "Off Grid with 2 trackers";
            case OFF_GRID_3_TRACKERS -> "Off Grid with 3 trackers";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String topology(Topology t) {
        return switch (t) {
            case TRANSFORMERLESS -> "transformerless";
            case TRANSFORMER -> "transformer";
            case UNKNOWN -> "Unknown";
        };
    }

    /** The output mode; PI30MAX's {@code QDI} and {@code QPGSn} call mode 0 "single machine". */
    private static String outputMode(OutputMode m, boolean maxShortSingle) {
        return switch (m) {
            case SINGLE -> maxShortSingle ? "single machine" : "single machine output";
            case PARALLEL -> "parallel output";
            case THREE_PHASE_1 -> "Phase 1 of 3 phase output";
            case THREE_PHASE_2 -> "Phase 2 of 3 phase output";
            case THREE_PHASE_3 -> "Phase 3 of 3 phase output";
            case SPLIT_PHASE_1 -> "Phase 1 of 2 phase output";
            case SPLIT_PHASE_2_120 -> "Phase 2 of 2 phase output";
            case SPLIT_PHASE_2_180 -> "Phase 2 of 2 phase output (180°)";
            case UNKNOWN -> "Unknown Output Mode";
        };
    }

    private static String pvOk(PvOkCondition c) {
        return switch (c) {
            case ANY_UNIT -> "As long as one unit of inverters has connect PV, parallel system will consider PV OK";
            case ALL_UNITS -> "Only when all inverters have connected PV, parallel system will consider PV OK";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String pvBalance(PvPowerBalance b) {
        return switch (b) {
            case CHARGE_CURRENT -> "PV input max current will be the max charged current";
            case CHARGE_AND_LOAD_POWER -> "PV input max power will be the sum of the max charged power and loads power";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String operationLogic(OperationLogic l) {
        return switch (l) {
            case AUTOMATIC -> "Automatic mode";
            case ONLINE -> "On-line mode";
            case ECO -> "ECO mode";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String country(CountryRegulation c) {
        return switch (c) {
            case INDIA -> "India";
            case GERMANY -> "Germany";
            case SOUTH_AMERICA -> "South America";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String batteryState(BatteryState s) {
        return switch (s) {
            case NORMAL -> "Normal";
            case UNDER_VOLTAGE -> "Under Voltage";
            case OPEN -> "Open";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String stage(ChargingStageMode m) {
        return switch (m) {
            case AUTO -> "Auto";
            case TWO_STAGE -> "Two stage";
            case THREE_STAGE -> "Three stage";
            case UNKNOWN -> "Unknown";
        };
    }

    private static String chargeStage(Q1Response r) {
        return switch (r.chargeStage()) {
            case NONE -> "no charging";
            case BULK -> "bulk";
            case ABSORB -> "absorb";
            case FLOAT -> "float";
            case UNKNOWN -> "UNKNOWN(" + r.chargeStageCode() + ")";
        };
    }

    private static String enabled(boolean enabled) {
        return enabled ? "enabled" : "disabled";
    }

    private static String flagName(Pi30Flag flag) {
        return switch (flag) {
            case BUZZER -> "Buzzer";
            case OVERLOAD_BYPASS -> "Overload Bypass";
            case POWER_SAVING -> "Power Saving";
            case LCD_RETURN_TO_DEFAULT -> "LCD Reset to Default";
            case OVERLOAD_RESTART -> "Overload Restart";
            case OVER_TEMPERATURE_RESTART -> "Over Temperature Restart";
            case BACKLIGHT -> "LCD Backlight";
            case SOURCE_INTERRUPT_ALARM -> "Primary Source Interrupt Alarm";
            case FAULT_CODE_RECORD -> "Record Fault Code";
            case DATA_LOG_POPUP -> "Data Log Pop Up";
            case SOLAR_FEED_TO_GRID -> "Solar Feed to Grid";
        };
    }

    private static String schedule(OutputSourcePriority p) {
        return switch (p) {
            case UTILITY_FIRST -> "Utility Solar Battery (USB)";
            case SOLAR_FIRST -> "Solar Utility Battery (SUB)";
            case SBU -> "Solar Battery Utility (SBU)";
            case UNKNOWN -> "undefined";
        };
    }

    private static String schedule(ChargerSourcePriority p) {
        return switch (p) {
            case UTILITY_FIRST -> "Utility First";
            case SOLAR_FIRST -> "Solar First";
            case SOLAR_AND_UTILITY -> "Solar and Utility";
            case SOLAR_ONLY -> "Only Solar";
            case UNKNOWN -> "undefined";
        };
    }
}
