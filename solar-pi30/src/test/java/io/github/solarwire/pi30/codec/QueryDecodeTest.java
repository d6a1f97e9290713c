package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed values of the vector replies, and the cases where this library deliberately differs from mpp-solar. */
class QueryDecodeTest {

    private static final Pi30Queries PI30 = Pi30Queries.of(Pi30Protocol.PI30);
    private static final Pi30Queries MAX = Pi30Queries.of(Pi30Protocol.PI30MAX);

    private static byte[] vector(String protocol, String command) {
        return Vectors.first(protocol, command).bytes();
    }

    @Test
    void qpigsOfTheSpecSample() throws ProtocolException {
        QpigsResponse r = PI30.qpigs().decode(vector("pi30", "QPIGS"));
        assertEquals(0.0, r.acInputVoltage());
        assertEquals(230.0, r.acOutputVoltage());
        assertEquals(49.9, r.acOutputFrequency());
        assertEquals(161, r.acOutputApparentPower());
        assertEquals(119, r.acOutputActivePower());
        assertEquals(3, r.outputLoadPercent());
        assertEquals(460, r.busVoltage());
        assertEquals(57.5, r.batteryVoltage());
        assertEquals(12, r.batteryChargingCurrent());
        assertEquals(100, r.batteryCapacity());
        assertEquals(69, r.heatSinkTemperature());
        assertEquals(14.0, r.pv1InputCurrent());
        assertEquals(103.8, r.pv1InputVoltage());
        assertEquals(57.45, r.sccBatteryVoltage());
        assertEquals(0, r.batteryDischargeCurrent());
        assertEquals(new QpigsResponse.DeviceStatus(false, false, true, true, false, true, true, false), r.status());
        assertEquals(0.0, r.fanOnVoltageOffset());
        assertEquals(856, r.pv1ChargingPower());
        assertEquals(new QpigsResponse.ChargeStatus(false, true, false), r.chargeStatus());
        assertNull(r.solarFeedToGrid());
        assertNull(r.country());
        assertEquals(List.of(), r.extraFields());
    }

    @Test
    void qpigsFastPathEqualsTheFramePathAndWorksInsideABuffer() throws ProtocolException {
        byte[] frame = vector("pi30max", "QPIGS");
        byte[] buffer = new byte[frame.length + 10];
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        QpigsResponse fast = QpigsResponse.decode(buffer, 7, frame.length);
        assertEquals(PI30.qpigs().decode(frame), fast);
        assertEquals(2.7, fast.pv1InputCurrent(), "PI30MAX sends NN.N here");
        assertThrows(Pi30NakException.class, () -> QpigsResponse.decode(Frames.reply("NAK"), 0, 7));
        ProtocolException crc =
                assertThrows(ProtocolException.class, () -> QpigsResponse.decode(buffer, 7, frame.length - 1));
        assertEquals("frame not terminated", crc.what());
    }

    /** PI30MAX fields 21 to 23; mpp-solar decodes the country as "Invalid key: 3031". */
    @Test
    void qpigsMaxExtrasAreDecoded() throws ProtocolException {
        String base = "227.2 50.0 230.3 50.0 0829 0751 010 447 54.50 020 083 0054 02.7 323.6 00.00 00000 00010110 05 00"
                + " 00879 110";
        QpigsResponse r = MAX.qpigs().decode(Frames.reply(base + " 1 01 0450 XYZ"));
        assertEquals(Boolean.TRUE, r.solarFeedToGrid());
        assertEquals(CountryRegulation.GERMANY, r.country());
        assertEquals(450, r.solarFeedToGridPower());
        assertEquals(List.of("XYZ"), r.extraFields());
        assertEquals(0.05, r.fanOnVoltageOffset(), 1e-12);
        assertEquals(new QpigsResponse.ChargeStatus(true, true, false), r.chargeStatus());
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> MAX.qpigs().decode(Frames.reply(base + " 2")));
        assertTrue(e.getMessage().startsWith("QPIGS field 21 (solar feed to grid)"), e.getMessage());
    }

    @Test
    void fieldErrorsNameTheFieldAndItsOffset() {
        ProtocolException number = assertThrows(
                ProtocolException.class,
                () -> PI30.qpigs()
                        .decode(Frames.reply("000.0 00.0 230.0 49.9 0161 0119 003 460 5x.50 012 100 0069"
                                + " 0014 103.8 57.45 00000 00110110 00 00 00856 010")));
        assertEquals("QPIGS field 8 (battery voltage) is not a number", number.what());
        assertEquals(41, number.offset().orElseThrow());
        assertEquals("\"5x.50\"", number.found().orElseThrow());
        ProtocolException count =
                assertThrows(ProtocolException.class, () -> PI30.qpigs().decode(Frames.reply("000.0 00.0")));
        assertEquals("QPIGS field count", count.what());
        assertEquals("at least 21 fields", count.expected().orElseThrow());
        assertEquals("2 fields", count.found().orElseThrow());
    }

    @Test
    void qpigs2Max() throws ProtocolException {
        Qpigs2Response r = MAX.qpigs2().decode(vector("pi30max", "QPIGS2"));
        assertEquals(3.1, r.pv2InputCurrent());
        assertEquals(327.3, r.pv2InputVoltage());
        assertEquals(1026, r.pv2ChargingPower());
        assertNull(r.threeTrackers());
    }

    /** mpp-solar's pi30mst reads this 3-field reply with its 12-field table: "battery voltage from SCC 2 = 1026.0". */
    @Test
    void qpigs2OfThePi30mstRowIsReadByItsFieldCount() throws ProtocolException {
        Vectors.Response row = Vectors.first("pi30mst", "QPIGS2");
        assertEquals(
                1026.0, row.expected().get("Battery voltage from SCC 2").get(0).asDouble(), "the peer's mis-decode");
        Qpigs2Response r = MAX.qpigs2().decode(row.bytes());
        assertEquals(1026, r.pv2ChargingPower());
        assertNull(r.threeTrackers());
    }

    @Test
    void qpigs2ThreeTrackers() throws ProtocolException {
        Qpigs2Response r = PI30.qpigs2()
                .decode(Frames.reply("03.1 327.3 54.20 01026 00000011 005 0280 02.0 301.0 54.10 00602 01908"));
        Qpigs2Response.ThreeTrackers t = r.threeTrackers();
        assertEquals(54.2, t.scc2BatteryVoltage());
        assertEquals("00000011", t.statusBits());
        assertEquals(5, t.acChargingCurrent());
        assertEquals(280, t.acChargingPower());
        assertEquals(2.0, t.pv3InputCurrent());
        assertEquals(301.0, t.pv3InputVoltage());
        assertEquals(54.1, t.scc3BatteryVoltage());
        assertEquals(602, t.pv3ChargingPower());
        assertEquals(1908, t.pvTotalChargingPower());
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> PI30.qpigs2().decode(Frames.reply("03.1 327.3 01026 1 2")));
        assertEquals("3 fields", e.expected().orElseThrow());
    }

    @Test
    void qpiriOf24VoltUnitWithADashForParallelUnits() throws ProtocolException {
        QpiriResponse r = PI30.qpiri().decode(Vectors.responses().get(19).bytes());
        assertEquals(24.0, r.batteryRatingVoltage());
        assertEquals(BatteryBank.V24, r.batteryBank());
        assertNull(r.maxParallelUnits(), "mpp-solar reports 0 for '-'");
        assertEquals(Topology.TRANSFORMER, r.topology());
        assertEquals(ChargerSourcePriority.SOLAR_FIRST, r.chargerSourcePriority());
        assertEquals(OutputSourcePriority.SBU, r.outputSourcePriority());
        assertEquals(PvPowerBalance.CHARGE_CURRENT, r.pvPowerBalance());
        assertNull(r.operationLogic());
    }

    @Test
    void qpiriWithTheLaterFields() throws ProtocolException {
        QpiriResponse r = PI30.qpiri().decode(Vectors.responses().get(22).bytes());
        assertEquals(480, r.maxChargingTimeAtCv());
        assertEquals(OperationLogic.AUTOMATIC, r.operationLogic());
        assertEquals(70, r.maxDischargingCurrent(), "mpp-solar's pi30 shows b'070'");
        assertEquals(MachineType.OFF_GRID, r.machineType());
        assertEquals(BatteryType.USER, r.batteryType());
    }

    /** The PI30MAX battery types; mpp-solar's pi30max tables are shifted (QPIRI from 7, QDI from 3). */
    @Test
    void batteryTypesFollowThePi30MaxDocument() throws ProtocolException {
        assertEquals(
                BatteryType.WECO,
                PI30.qpiri().decode(Vectors.responses().get(20).bytes()).batteryType());
        assertEquals(
                BatteryType.LIC,
                PI30.qpiri().decode(Vectors.responses().get(21).bytes()).batteryType());
        String qdi = "230.0 50.0 0030 44.0 54.0 56.4 46.0 60 0 0 2 %d 0 0 0 0 1 1 1 0 1 0 54.0 0 1 224";
        assertEquals(
                BatteryType.SHINHEUNG,
                MAX.qdi().decode(Frames.reply(String.format(qdi, 4))).batteryType());
        assertEquals(
                BatteryType.PYLONTECH,
                MAX.qdi().decode(Frames.reply(String.format(qdi, 3))).batteryType());
        String qpiri =
                "230.0 21.7 230.0 50.0 21.7 5000 4000 48.0 46.0 42.0 56.4 54.0 %d 10 010 1 0 0 6 01 0 0 54.0 0 1";
        assertEquals(
                BatteryType.BAK,
                MAX.qpiri().decode(Frames.reply(String.format(qpiri, 7))).batteryType());
        assertEquals(
                BatteryType.LIB,
                MAX.qpiri().decode(Frames.reply(String.format(qpiri, 8))).batteryType());
        assertEquals(
                BatteryType.LIC,
                MAX.qpiri().decode(Frames.reply(String.format(qpiri, 9))).batteryType());
    }

    @Test
    void qdiField25DependsOnTheVariant() throws ProtocolException {
        QdiResponse pi30 = PI30.qdi().decode(vector("pi30", "QDI"));
        assertNull(pi30.maxChargingTimeAtCv());
        assertEquals(List.of("000"), pi30.extraFields());
        assertTrue(pi30.buzzer(), "QDI sends 0 for an enabled buzzer");
        assertFalse(pi30.powerSaving());
        assertTrue(pi30.lcdBacklight());
        QdiResponse max = MAX.qdi().decode(vector("pi30max", "QDI"));
        assertEquals(224, max.maxChargingTimeAtCv());
        assertEquals(List.of(), max.extraFields());
        assertTrue(max.faultCodeRecord());
        assertEquals(ChargerSourcePriority.SOLAR_AND_UTILITY, max.chargerSourcePriority());
    }

    @Test
    void qflag() throws ProtocolException {
        QflagResponse r = PI30.qflag().decode(vector("pi30", "QFLAG"));
        assertEquals(Optional.of(true), r.enabled(Pi30Flag.BUZZER));
        assertEquals(Optional.of(false), r.enabled(Pi30Flag.OVERLOAD_BYPASS));
        assertEquals(Optional.empty(), r.enabled(Pi30Flag.SOLAR_FEED_TO_GRID));
        QflagResponse m044 = MAX.qflag().decode(vector("pi30m044", "QFLAG"));
        assertEquals(Optional.of(true), m044.enabled(Pi30Flag.OVERLOAD_BYPASS));
        assertEquals(Optional.of(false), m044.enabled(Pi30Flag.BACKLIGHT));
        QflagResponse unknown = MAX.qflag().decode(Frames.reply("EadDq"));
        QflagResponse.Setting q = unknown.settings().get(2);
        assertEquals('q', q.letter());
        assertNull(q.flag());
        assertFalse(q.enabled());
        assertEquals(Optional.of(true), unknown.enabled(Pi30Flag.SOLAR_FEED_TO_GRID));
        assertThrows(ProtocolException.class, () -> PI30.qflag().decode(Frames.reply("Xab")));
        assertThrows(ProtocolException.class, () -> PI30.qflag().decode(Frames.reply("Ea1")));
    }

    @Test
    void qmodKnownAndUnknownLetters() throws ProtocolException {
        assertEquals(
                DeviceMode.STANDBY, MAX.qmod().decode(vector("pi30max", "QMOD")).mode());
        QmodResponse unknown = PI30.qmod().decode(Frames.reply("Q"));
        assertEquals(DeviceMode.UNKNOWN, unknown.mode());
        assertEquals('Q', unknown.letter());
        assertEquals(DeviceMode.SHUTDOWN, PI30.qmod().decode(Frames.reply("D")).mode());
        assertThrows(ProtocolException.class, () -> PI30.qmod().decode(Frames.reply("SB")));
    }

    @Test
    void qpiwsWarningsAndFaults() throws ProtocolException {
        QpiwsResponse r = PI30.qpiws().decode(vector("pi30", "QPIWS"));
        assertEquals(
                List.of(
                        new QpiwsResponse.ActiveWarning(5, Pi30Warning.LINE_FAIL, false),
                        new QpiwsResponse.ActiveWarning(16, Pi30Warning.OVERLOAD, false)),
                r.active());
        assertFalse(r.hasFault(), "overload is a warning while the inverter-fault bit is clear");
        assertTrue(r.isSet(5));
        assertFalse(r.isSet(99));
        QpiwsResponse fault = PI30.qpiws().decode(Frames.reply("01000000000000001000000000000000"));
        assertEquals(
                List.of(
                        new QpiwsResponse.ActiveWarning(1, Pi30Warning.INVERTER_FAULT, true),
                        new QpiwsResponse.ActiveWarning(16, Pi30Warning.OVERLOAD, true)),
                fault.active());
    }

    @Test
    void qpiwsPositionsDifferBetweenVariants() throws ProtocolException {
        String bits = "100000000000000000000000111111111111";
        QpiwsResponse max = MAX.qpiws().decode(Frames.reply(bits));
        assertEquals(
                List.of(Pi30Warning.PV_LOSS, Pi30Warning.BATTERY_WEAK, Pi30Warning.BATTERY_EQUALIZATION),
                max.active().stream().map(QpiwsResponse.ActiveWarning::warning).toList(),
                "PI30MAX positions 24-30 are reserved, 32-33 a fault code; mpp-solar names 24-31 as on PI30");
        QpiwsResponse pi30 = PI30.qpiws().decode(Frames.reply(bits));
        assertEquals(Pi30Warning.BATTERY_SHORT, pi30.active().get(0).warning());
        assertEquals(Pi30Warning.MPPT3_OVERLOAD_FAULT, pi30.active().get(11).warning());
        assertEquals(12, pi30.active().size(), "position 0 is reserved on PI30");
        assertEquals(38, Pi30Warning.table(Pi30Protocol.PI30).size());
        assertEquals(36, Pi30Warning.table(Pi30Protocol.PI30MAX).size());
        assertThrows(ProtocolException.class, () -> PI30.qpiws().decode(Frames.reply("0000")));
        assertThrows(ProtocolException.class, () -> PI30.qpiws().decode(Frames.reply("0".repeat(31) + "2")));
    }

    /** Bits b4 and b3 are one battery state; mpp-solar reads "battery over/under voltage" flags. */
    @Test
    void qpgsBatteryStateIsTwoBits() throws ProtocolException {
        QpgsResponse r = PI30.qpgs(0).decode(Vectors.responses().get(26).bytes());
        assertEquals(new QpgsResponse.Status(true, false, true, BatteryState.NORMAL, false, true, false), r.status());
        assertEquals(DeviceMode.BATTERY, r.workMode());
        assertEquals(122.2, r.gridVoltage());
        assertEquals(OutputMode.SPLIT_PHASE_2_120, r.outputMode());
        assertEquals(ChargerSourcePriority.SOLAR_ONLY, r.chargerSourcePriority());
        String qpgs =
                "1 92931701100510 B 00 000.0 00.00 230.6 50.00 0275 0141 005 51.4 001 100 083.3 002 00574 00312 003"
                        + " %s 1 2 060 120 10 04 000";
        assertEquals(
                BatteryState.UNDER_VOLTAGE,
                PI30.qpgs(0)
                        .decode(Frames.reply(String.format(qpgs, "00001000")))
                        .status()
                        .batteryState());
        assertEquals(
                BatteryState.OPEN,
                PI30.qpgs(0)
                        .decode(Frames.reply(String.format(qpgs, "00010000")))
                        .status()
                        .batteryState());
        assertEquals(
                BatteryState.UNKNOWN,
                PI30.qpgs(0)
                        .decode(Frames.reply(String.format(qpgs, "00011000")))
                        .status()
                        .batteryState());
    }

    @Test
    void qpgsMaxHasPv2() throws ProtocolException {
        QpgsResponse r = MAX.qpgs(0).decode(vector("pi30max", "QPGS0"));
        assertFalse(r.unitValid());
        assertEquals(275.3, r.pv2InputVoltage());
        assertEquals(2, r.pv2InputCurrent());
        assertEquals("No fault", Pi30Faults.describe(Pi30Protocol.PI30MAX, r.faultCode()));
        assertEquals("Main relay failed", Pi30Faults.describe(Pi30Protocol.PI30, 11));
        assertEquals("PV over voltage", Pi30Faults.describe(Pi30Protocol.PI30MAX, 11));
        assertEquals("Unknown fault code 99", Pi30Faults.describe(Pi30Protocol.PI30, 99));
        assertThrows(IllegalArgumentException.class, () -> PI30.qpgs(9));
    }

    @Test
    void serialNumbers() throws ProtocolException {
        assertEquals("9293333010501", PI30.qid().decode(vector("pi30", "QID")).serialNumber());
        QsidResponse qsid = MAX.qsid().decode(vector("pi30max", "QSID"));
        assertEquals("92932105105335", qsid.serialNumber());
        assertEquals("005535", qsid.trailing());
        assertThrows(ProtocolException.class, () -> MAX.qsid().decode(Frames.reply("1412345")));
        assertThrows(ProtocolException.class, () -> MAX.qsid().decode(Frames.reply("x1")));
    }

    @Test
    void firmwareAndModel() throws ProtocolException {
        FirmwareVersionResponse fw = PI30.qvfw().decode(vector("pi30", "QVFW"));
        assertEquals(new FirmwareVersionResponse("VERFW:00072.70", "00072", "70"), fw);
        assertEquals(
                new FirmwareVersionResponse("VERFW2:00002.40", "00002", "40"),
                PI30.qvfw2().decode(Frames.reply("VERFW2:00002.40")));
        assertEquals(new FirmwareVersionResponse("v1", null, null), PI30.qvfw3().decode(Frames.reply("v1")));
        assertEquals("MKS2-8000", PI30.qmn().decode(vector("pi30", "QMN")).modelName());
        assertEquals("044", PI30.qgmn().decode(vector("pi30", "QGMN")).generalModelNumber());
        assertEquals("PI30", PI30.qpi().decode(vector("pi30", "QPI")).protocolId());
    }

    @Test
    void deviceTime() throws ProtocolException {
        assertEquals(
                LocalDateTime.of(2021, 7, 26, 12, 26, 6),
                MAX.qt().decode(vector("pi30max", "QT")).time());
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> MAX.qt().decode(Frames.reply("20211332122606")));
        assertTrue(e.getMessage().contains("device time"), e.getMessage());
    }

    @Test
    void energyCounters() throws ProtocolException {
        EnergyResponse day = MAX.qed(LocalDate.of(2024, 1, 1)).decode(vector("pi30max", "QED20240101"));
        assertEquals(new EnergyResponse(EnergyResponse.Source.PV, EnergyResponse.Period.DAY, 2024, 1, 1, 238800), day);
        EnergyResponse month = MAX.qlm(YearMonth.of(2024, 1)).decode(vector("pi30max", "QLM202401"));
        assertEquals(EnergyResponse.Source.LOAD, month.source());
        assertEquals(EnergyResponse.Period.MONTH, month.period());
        assertEquals("QLY2024", MAX.qly(2024).request().command());
        assertEquals(238800, MAX.qet().decode(vector("pi30max", "QET")).wattHours());
        assertThrows(IllegalArgumentException.class, () -> MAX.qey(999));
    }

    @Test
    void equalisationSchedulesAndLeds() throws ProtocolException {
        QbeqiResponse eq = MAX.qbeqi().decode(vector("pi30max", "QBEQI"));
        assertEquals(new QbeqiResponse(true, 30, 30, 80, "021", 55.4, "224", 30, false, 234, List.of()), eq);
        QopptResponse oppt = MAX.qoppt().decode(vector("pi30max", "QOPPT"));
        assertEquals(24, oppt.hourly().size());
        assertEquals(OutputSourcePriority.SBU, oppt.current());
        assertEquals(
                List.of(OutputSourcePriority.UTILITY_FIRST, OutputSourcePriority.SBU, OutputSourcePriority.SOLAR_FIRST),
                oppt.selection());
        QchptResponse chpt = MAX.qchpt().decode(vector("pi30max", "QCHPT"));
        assertEquals(ChargerSourcePriority.SOLAR_ONLY, chpt.hourly().get(23));
        assertEquals(
                List.of(ChargerSourcePriority.UNKNOWN, ChargerSourcePriority.UNKNOWN, ChargerSourcePriority.UNKNOWN),
                chpt.selection(),
                "0 means not set: PI30MAX has no utility-first charging");
        QledResponse led = MAX.qled().decode(vector("pi30max", "QLED"));
        assertEquals(
                List.of(
                        new QledResponse.Colour(148, 0, 211),
                        new QledResponse.Colour(255, 255, 255),
                        new QledResponse.Colour(0, 255, 255)),
                led.colours());
        assertEquals(3, led.colourCount());
        assertThrows(
                ProtocolException.class, () -> MAX.qled().decode(Frames.reply("1 1 2 5 3 14800021125525525500025525")));
        assertThrows(ProtocolException.class, () -> MAX.qled().decode(Frames.reply("1 1 2 5 1 256000000")));
    }

    @Test
    void q1AndBms() throws ProtocolException {
        Q1Response q1 = PI30.q1().decode(vector("pi30", "Q1"));
        assertEquals(ChargeStage.FLOAT, q1.chargeStage());
        assertEquals(580, q1.sccChargePower());
        assertEquals(50.0, q1.syncFrequency());
        assertTrue(q1.sccOk());
        assertFalse(q1.fanLocked());
        QbmsResponse bms = PI30.qbms().decode(vector("pi30", "QBMS"));
        assertTrue(bms.connected());
        assertEquals(53.2, bms.bulkVoltage(), 1e-12);
        assertEquals(45.0, bms.cutOffVoltage(), 1e-12);
        assertTrue(bms.stopCharge());
        assertFalse(bms.stopDischarge());
        assertEquals(30, bms.maxDischargeCurrent());
    }

    @Test
    void currentOptions() throws ProtocolException {
        ChargingCurrentOptions options = PI30.qmuchgcr().decode(vector("pi30", "QMUCHGCR"));
        assertEquals(13, options.amperes().size());
        assertEquals(2, options.amperes().get(0));
        assertTrue(options.allows(30));
        assertFalse(options.allows(35));
        assertEquals(
                List.of(10, 20), PI30.qmschgcr().decode(Frames.reply("010 020")).amperes());
    }

    @Test
    void smallQueries() throws ProtocolException {
        assertEquals(
                OutputMode.THREE_PHASE_2, PI30.qopm().decode(Frames.reply("03")).outputMode());
        assertTrue(PI30.qboot().decode(Frames.reply("1")).bootstrap());
        assertThrows(ProtocolException.class, () -> PI30.qboot().decode(Frames.reply("2")));
        assertEquals(
                ChargingStageMode.THREE_STAGE,
                PI30.qcst().decode(Frames.reply("02")).mode());
        assertEquals(255, PI30.qcvt().decode(Frames.reply("255")).minutes());
    }

    @Test
    void queriesRefuseAcksAndNaks() {
        byte[] ack = Frames.reply("ACK");
        ProtocolException e =
                assertThrows(ProtocolException.class, () -> PI30.qpigs().decode(ack));
        assertEquals("QPIGS reply", e.what());
        Pi30NakException nak =
                assertThrows(Pi30NakException.class, () -> MAX.qpigs2().decode(Frames.reply("NAK")));
        assertFalse(nak.echoed());
        assertEquals("NAK: the inverter refused QPIGS2", nak.getMessage());
    }

    @Test
    void requestsOfQueries() {
        assertArrayEquals(
                Vectors.hex("5150494753b7a90d"), PI30.qpigs().request().frame());
        assertEquals("QPGS2", PI30.qpgs(2).request().command());
        assertEquals("QPGS", PI30.qpgs(2).name());
        assertEquals(Pi30Protocol.PI30MAX, MAX.qpiws().protocol());
        assertFalse(MAX.qpiws().isSetting());
        assertEquals("Pi30Command[QPIWS, PI30MAX]", MAX.qpiws().toString());
    }

    @Test
    void protocolDetection() throws ProtocolException {
        QpiResponse qpi = PI30.qpi().decode(vector("pi30", "QPI"));
        assertEquals(Optional.of(Pi30Protocol.PI30), Pi30Protocol.detect(qpi));
        assertEquals(Optional.of(Pi30Protocol.PI30MAX), Pi30Protocol.detect("PI30", "PIP-8048MAX", null));
        assertEquals(Optional.of(Pi30Protocol.PI30MAX), Pi30Protocol.detect("PI30", "MKS2-7200", "044"));
        assertEquals(Optional.of(Pi30Protocol.PI30), Pi30Protocol.detect("PI30", "MKS2-8000", "045"));
        assertEquals(Optional.empty(), Pi30Protocol.detect("PI17", null, null));
        assertEquals(Optional.empty(), Pi30Protocol.detect(null, null, null));
    }
}
