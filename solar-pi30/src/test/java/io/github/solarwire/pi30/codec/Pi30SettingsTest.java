package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Pi30SettingsTest {

    private static final Pi30Settings PI30 = Pi30Settings.of(Pi30Protocol.PI30);
    private static final Pi30Settings MAX = Pi30Settings.of(Pi30Protocol.PI30MAX);

    /**
     * requests.jsonl rows that only show a CRC byte being bumped: their values are outside every
     * vendor range, so the typed settings refuse them (the raw {@link Pi30Request#of} still encodes
     * them, see {@link Pi30RequestTest}).
     */
    private static final Set<String> CRC_DEMONSTRATIONS =
            Set.of("PBFT10.8", "PBCV14.5", "PSDV14.1", "PBFT18.0", "PSDV17.5", "PCVV18.1", "PBCV10.3", "PBCV18.7");

    static Stream<Vectors.Request> requests() {
        return Vectors.requests().stream().filter(r -> !r.revo());
    }

    private static void refused(Supplier<?> setting, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, setting::get);
        for (String mention : mentions) {
            assertTrue(e.getMessage().contains(mention), "'" + mention + "' missing from: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("allowed: "), e.getMessage());
    }

    private static String command(Pi30Command<?> command) {
        return command.request().command();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyVectorCommandParsesToTheSameBytesOrIsACrcDemonstration(Vectors.Request row) {
        if (CRC_DEMONSTRATIONS.contains(row.command())) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> Pi30Commands.parse(row.command(), Pi30Protocol.PI30));
            assertTrue(e.getMessage().contains("not allowed on any battery bank"), e.getMessage());
            return;
        }
        Pi30Command<?> command = Pi30Commands.parse(row.command(), Pi30Protocol.PI30);
        assertArrayEquals(row.frame(), command.request().frame(), row.toString());
    }

    @Test
    void sourcePriorities() {
        assertEquals("POP02", command(PI30.outputSourcePriority(OutputSourcePriority.SBU)));
        assertEquals("PCP00", command(PI30.chargerSourcePriority(ChargerSourcePriority.UTILITY_FIRST)));
        assertEquals("PCP03", command(MAX.chargerSourcePriority(ChargerSourcePriority.SOLAR_ONLY)));
        refused(
                () -> MAX.chargerSourcePriority(ChargerSourcePriority.UTILITY_FIRST),
                "PCP",
                "UTILITY_FIRST",
                "PI30MAX");
        refused(() -> PI30.outputSourcePriority(OutputSourcePriority.UNKNOWN), "POP", "UNKNOWN");
        assertEquals(
                "PPCP102", command(PI30.parallelChargerSourcePriority(1, ChargerSourcePriority.SOLAR_AND_UTILITY)));
        refused(() -> PI30.parallelChargerSourcePriority(10, ChargerSourcePriority.SOLAR_FIRST), "PPCP", "unit 10");
        assertEquals("PGR01", command(PI30.inputVoltageRange(InputVoltageRange.UPS)));
    }

    @Test
    void batteryTypesDependOnTheVariant() {
        assertEquals("PBT02", command(PI30.batteryType(BatteryType.USER)));
        assertEquals("PBT09", command(MAX.batteryType(BatteryType.LIC)));
        refused(() -> PI30.batteryType(BatteryType.PYLONTECH), "PBT", "PYLONTECH", "0 to 2");
        refused(() -> MAX.batteryType(BatteryType.UNKNOWN), "PBT", "0 to 9");
    }

    @Test
    void batteryVoltagesAreCheckedAgainstTheBank() {
        assertEquals("PBCV48.0", command(PI30.batteryRechargeVoltage(BatteryBank.V48, 48.0)));
        assertEquals("PBCV12.8", command(PI30.batteryRechargeVoltage(BatteryBank.V12, 12.8)));
        refused(
                () -> PI30.batteryRechargeVoltage(BatteryBank.V48, 52.0),
                "PBCV",
                "52.0 V",
                "44.0 to 51.0 V",
                "48 V bank");
        refused(() -> PI30.batteryRechargeVoltage(BatteryBank.V48, 48.05), "PBCV", "steps of 0.1 V");
        assertEquals("PBDV00.0", command(PI30.batteryRedischargeVoltage(BatteryBank.V48, 0)));
        assertEquals("PBDV27.0", command(PI30.batteryRedischargeVoltage(BatteryBank.V24, 27.0)));
        refused(() -> PI30.batteryRedischargeVoltage(BatteryBank.V48, 47.9), "PBDV", "0.0 or 48.0 to 58.0 V");
        assertEquals("PSDV40.0", command(PI30.batteryCutOffVoltage(BatteryBank.V48, 40)));
        assertEquals("PSDV10.5", command(PI30.batteryCutOffVoltage(BatteryBank.V12, 10.5)));
        refused(() -> PI30.batteryCutOffVoltage(BatteryBank.V12, 9.9), "PSDV", "10.0 to 12.0 V");
        assertEquals("PCVV58.4", command(PI30.batteryBulkVoltage(BatteryBank.V48, 58.4)));
        assertEquals("PBFT27.0", command(PI30.batteryFloatVoltage(BatteryBank.V24, 27.0)));
        refused(() -> PI30.batteryFloatVoltage(BatteryBank.V48, Double.NaN), "PBFT", "NaN");
    }

    @Test
    void chargingCurrents() throws ProtocolException {
        assertEquals("MCHGC040", command(PI30.maxChargingCurrent(0, 40)));
        assertEquals("MCHGC160", command(PI30.maxChargingCurrent(1, 60)));
        assertEquals("MNCHGC1120", command(PI30.maxChargingCurrent(1, 120)));
        refused(() -> PI30.maxChargingCurrent(0, 0), "MCHGC", "0 A", "1 to 999 A");
        ChargingCurrentOptions options = Pi30Queries.of(Pi30Protocol.PI30)
                .qmchgcr()
                .decode(Vectors.first("pi30", "QMCHGCR").bytes());
        assertEquals("MCHGC030", command(PI30.maxChargingCurrent(0, 30, options)));
        refused(() -> PI30.maxChargingCurrent(0, 35, options), "MCHGC", "35 A", "QMCHGCR");
        assertEquals("MUCHGC002", command(PI30.maxUtilityChargingCurrent(2)));
        refused(() -> PI30.maxUtilityChargingCurrent(15, options), "MUCHGC", "15 A");
        assertEquals("MSCHGC080", command(PI30.maxSolarChargingCurrent(80)));
        assertEquals("PBATMAXDISC000", command(PI30.maxDischargeCurrent(0)));
        assertEquals("PBATMAXDISC150", command(PI30.maxDischargeCurrent(150)));
        refused(() -> PI30.maxDischargeCurrent(20), "PBATMAXDISC", "20 A", "30 to 150 A");
    }

    @Test
    void modesAndSwitches() {
        assertEquals("F60", command(PI30.outputFrequency(60)));
        refused(() -> PI30.outputFrequency(55), "F", "55 Hz", "50 or 60 Hz");
        assertEquals("POPM12", command(PI30.outputMode(1, OutputMode.THREE_PHASE_1)));
        refused(() -> PI30.outputMode(0, OutputMode.SPLIT_PHASE_1), "POPM", "SPLIT_PHASE_1");
        assertEquals("PPVOKC1", command(PI30.pvOkCondition(PvOkCondition.ALL_UNITS)));
        assertEquals("PSPB0", command(PI30.pvPowerBalance(PvPowerBalance.CHARGE_CURRENT)));
        assertEquals("POPLG02", command(PI30.operationLogic(OperationLogic.ECO)));
        assertEquals("PCST01", command(PI30.chargingStage(ChargingStageMode.TWO_STAGE)));
        assertEquals("PCVT480", command(PI30.cvChargingTime(480)));
        refused(() -> PI30.cvChargingTime(1000), "PCVT", "1000 minutes");
        assertEquals("PBATCD101", command(PI30.batteryChargeDischargeControl("101")));
        refused(() -> PI30.batteryChargeDischargeControl("12"), "PBATCD", "'12'");
    }

    @Test
    void flags() {
        assertEquals("PEax", command(PI30.enable(EnumSet.of(Pi30Flag.BACKLIGHT, Pi30Flag.BUZZER))));
        assertEquals("PDj", command(PI30.disable(Set.of(Pi30Flag.POWER_SAVING))));
        assertEquals("PEd", command(MAX.enable(Set.of(Pi30Flag.SOLAR_FEED_TO_GRID))));
        refused(() -> MAX.disable(Set.of(Pi30Flag.POWER_SAVING)), "PD", "POWER_SAVING", "PI30MAX");
        refused(() -> PI30.enable(Set.of(Pi30Flag.SOLAR_FEED_TO_GRID)), "PE", "SOLAR_FEED_TO_GRID");
        refused(() -> PI30.enable(Set.of()), "PE", "one or more");
    }

    @Test
    void clockCalibrationAndMaintenance() {
        assertEquals("DAT20240229235958", command(PI30.dateTime(LocalDateTime.of(2024, 2, 29, 23, 59, 58))));
        refused(() -> PI30.dateTime(LocalDateTime.of(10000, 1, 1, 0, 0)), "DAT", "1000 to 9999");
        assertEquals("BTA+05", command(PI30.batteryVoltageCalibration(5)));
        assertEquals("BTA-12", command(PI30.batteryVoltageCalibration(-12)));
        refused(() -> PI30.batteryVoltageCalibration(100), "BTA", "100 steps");
        assertEquals("PF", command(PI30.resetToDefaults()));
        assertEquals("PSAVE", command(PI30.saveToEeprom()));
        assertEquals("RTEY", command(MAX.resetEnergyCounters()));
        assertEquals("RTDL", command(MAX.eraseDataLog()));
    }

    @Test
    void equalisationAndLeds() {
        assertEquals("PBEQE1", command(MAX.equalisationEnabled(true)));
        assertEquals("PBEQT030", command(MAX.equalisationTime(30)));
        assertEquals("PBEQP030", command(MAX.equalisationPeriod(30)));
        assertEquals("PBEQOT120", command(MAX.equalisationOverTime(120)));
        assertEquals("PBEQV55.40", command(MAX.equalisationVoltage(55.4)));
        refused(() -> MAX.equalisationVoltage(55.405), "PBEQV", "steps of 0.01 V");
        refused(() -> MAX.equalisationTime(-1), "PBEQT");
        assertEquals("PLEDE0", command(MAX.ledEnabled(false)));
        assertEquals("PLEDS2", command(MAX.ledSpeed(2)));
        assertEquals("PLEDM2", command(MAX.ledEffect(2)));
        assertEquals("PLEDB5", command(MAX.ledBrightness(5)));
        refused(() -> MAX.ledSpeed(3), "PLEDS", "0 (low)");
        refused(() -> MAX.ledBrightness(10), "PLEDB", "0 to 9");
    }

    /** Every typed setting reads back from its own text: what the CLI and config files rely on. */
    @Test
    void everyTypedSettingParsesBackFromItsText() {
        List<Pi30Command<Pi30Ack>> all = List.of(
                PI30.outputSourcePriority(OutputSourcePriority.SOLAR_FIRST),
                PI30.chargerSourcePriority(ChargerSourcePriority.SOLAR_ONLY),
                PI30.parallelChargerSourcePriority(2, ChargerSourcePriority.SOLAR_FIRST),
                PI30.inputVoltageRange(InputVoltageRange.APPLIANCE),
                PI30.batteryType(BatteryType.FLOODED),
                PI30.batteryRechargeVoltage(BatteryBank.V24, 23.5),
                PI30.batteryRedischargeVoltage(BatteryBank.V48, 54.0),
                PI30.batteryCutOffVoltage(BatteryBank.V48, 44.0),
                PI30.batteryBulkVoltage(BatteryBank.V12, 14.1),
                PI30.batteryFloatVoltage(BatteryBank.V48, 54.0),
                PI30.maxChargingCurrent(0, 50),
                PI30.maxChargingCurrent(3, 150),
                PI30.maxUtilityChargingCurrent(30),
                PI30.maxSolarChargingCurrent(60),
                PI30.outputFrequency(50),
                PI30.outputMode(0, OutputMode.PARALLEL),
                PI30.pvOkCondition(PvOkCondition.ANY_UNIT),
                PI30.pvPowerBalance(PvPowerBalance.CHARGE_AND_LOAD_POWER),
                PI30.operationLogic(OperationLogic.ONLINE),
                PI30.enable(EnumSet.of(Pi30Flag.BUZZER, Pi30Flag.OVERLOAD_BYPASS, Pi30Flag.FAULT_CODE_RECORD)),
                PI30.disable(EnumSet.of(Pi30Flag.LCD_RETURN_TO_DEFAULT)),
                PI30.resetToDefaults(),
                PI30.batteryChargeDischargeControl("010"),
                PI30.maxDischargeCurrent(100),
                PI30.dateTime(LocalDateTime.of(2026, 11, 29, 8, 0, 0)),
                PI30.batteryVoltageCalibration(-3),
                PI30.saveToEeprom(),
                PI30.chargingStage(ChargingStageMode.AUTO),
                PI30.cvChargingTime(255),
                PI30.equalisationEnabled(false),
                PI30.equalisationTime(60),
                PI30.equalisationPeriod(90),
                PI30.equalisationVoltage(58.4),
                PI30.equalisationOverTime(120),
                PI30.resetEnergyCounters(),
                PI30.eraseDataLog(),
                PI30.ledEnabled(true),
                PI30.ledSpeed(0),
                PI30.ledEffect(1),
                PI30.ledBrightness(9));
        for (Pi30Command<Pi30Ack> setting : all) {
            Pi30Command<?> parsed = Pi30Commands.parse(command(setting), Pi30Protocol.PI30);
            assertEquals(setting.request(), parsed.request(), command(setting));
            assertEquals(setting.name(), parsed.name(), command(setting));
            assertTrue(parsed.isSetting());
        }
    }

    @Test
    void textThatIsNotACommandIsRefusedWithTheReason() {
        refused(() -> Pi30Commands.parse("QFOO", Pi30Protocol.PI30), "'QFOO' is not a PI30 command", "QPIGS");
        refused(() -> Pi30Commands.parse("POP2", Pi30Protocol.PI30), "POP", "'2'", "2 digits");
        refused(() -> Pi30Commands.parse("POP05", Pi30Protocol.PI30), "POP", "UNKNOWN");
        refused(() -> Pi30Commands.parse("PBCV48", Pi30Protocol.PI30), "PBCV", "nn.n");
        refused(() -> Pi30Commands.parse("QPGS12", Pi30Protocol.PI30), "QPGS");
        refused(() -> Pi30Commands.parse("QED20240230", Pi30Protocol.PI30MAX), "QED", "valid date");
        refused(() -> Pi30Commands.parse("DAT20241301000000", Pi30Protocol.PI30MAX), "DAT", "valid date and time");
        refused(() -> Pi30Commands.parse("PExa", Pi30Protocol.PI30), "PE", "order");
        refused(() -> Pi30Commands.parse("PEaa", Pi30Protocol.PI30), "PE", "twice");
        refused(() -> Pi30Commands.parse("PEq", Pi30Protocol.PI30), "PE", "'q'");
        refused(() -> Pi30Commands.parse("MNCHGC0050", Pi30Protocol.PI30), "MNCHGC", "100 to 999 A");
        refused(() -> Pi30Commands.parse("BTA+5", Pi30Protocol.PI30), "not a PI30 command");
        refused(() -> Pi30Commands.parse("PLEDE2", Pi30Protocol.PI30MAX), "PLEDE", "0 or 1");
    }

    @Test
    void settingRepliesDecodeToAckOrNak() throws ProtocolException {
        Pi30Command<Pi30Ack> pop = PI30.outputSourcePriority(OutputSourcePriority.SBU);
        assertTrue(pop.isSetting());
        assertEquals(Pi30Ack.ACK, pop.decode(Vectors.hex("2841434b39200d")));
        assertEquals(Pi30Ack.NAK, pop.decode(Vectors.hex("284e414b73730d")));
        assertEquals(Pi30Ack.NAK, pop.decode(pop.request().frame()), "an echo is a refusal");
        ProtocolException data = assertThrows(ProtocolException.class, () -> pop.decode(Frames.reply("230.0")));
        assertEquals("POP02 reply", data.what());
        assertEquals("(ACK or (NAK", data.expected().orElseThrow());
    }
}
