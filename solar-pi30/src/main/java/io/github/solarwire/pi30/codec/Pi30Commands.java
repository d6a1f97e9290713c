package io.github.solarwire.pi30.codec;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a command written as text ({@code QPIGS}, {@code QPGS0}, {@code QED20240101}, {@code
 * POP02}, {@code PBCV48.0}, …) into the typed {@link Pi30Command}, checking the argument the way
 * {@link Pi30Settings} does: what a command-line tool or a configuration file needs.
 */
public final class Pi30Commands {

    /** The commands {@link #parse} knows, for messages. */
    public static final String KNOWN =
            "queries QPI QID QSID QVFW QVFW2 QVFW3 QPIRI QFLAG QPIGS QPIGS2 QMOD QPIWS QPGSn QDI QMCHGCR QMUCHGCR"
                    + " QMSCHGCR QOPM QBOOT Q1 QMN QGMN QBMS QT QET QEYyyyy QEMyyyymm QEDyyyymmdd QLT QLYyyyy"
                    + " QLMyyyymm QLDyyyymmdd QBEQI QOPPT QCHPT QLED QCST QCVT; settings POPnn PCPnn PPCPmnn PGRnn"
                    + " PBTnn PBCVnn.n PBDVnn.n PSDVnn.n PCVVnn.n PBFTnn.n MCHGCmnn MNCHGCmnnn MUCHGCnnn MSCHGCnnn"
                    + " F50 F60 POPMmn PPVOKCn PSPBn POPLGnn PE<flags> PD<flags> PF PBATCDabc PBATMAXDISCnnn"
                    + " DATyyyymmddHHMMSS BTA+nn BTA-nn PSAVE PCSTnn PCVTnnn PBEQEn PBEQTnnn PBEQPnnn PBEQVnn.nn"
                    + " PBEQOTnnn RTEY RTDL PLEDEn PLEDSn PLEDMn PLEDBn";

    private Pi30Commands() {}

    /**
     * Reads a command.
     *
     * @param text the command as sent, without CRC, e.g. {@code QPGS0} or {@code PCVV56.4}
     * @param protocol the variant replies are decoded with and settings checked against
     * @return the command
     * @throws IllegalArgumentException when the text is not a command this library knows, or its
     *     argument is not allowed (the message names the command, the value and what is allowed)
     */
    public static Pi30Command<?> parse(String text, Pi30Protocol protocol) {
        Objects.requireNonNull(text, "text");
        Pi30Queries q = Pi30Queries.of(protocol);
        Pi30Settings s = Pi30Settings.of(protocol);
        Pi30Command<?> fixed = fixed(text, q, s);
        if (fixed != null) {
            return fixed;
        }
        if (text.startsWith("QPGS")) {
            return q.qpgs(number(text, "QPGS", 1));
        }
        for (String energy : List.of("QEY", "QEM", "QED", "QLY", "QLM", "QLD")) {
            if (text.startsWith(energy)) {
                return energy(text, energy, q);
            }
        }
        return setting(text, s);
    }

    private static Pi30Command<?> fixed(String text, Pi30Queries q, Pi30Settings s) {
        return switch (text) {
            case "QPI" -> q.qpi();
            case "QID" -> q.qid();
            case "QSID" -> q.qsid();
            case "QVFW" -> q.qvfw();
            case "QVFW2" -> q.qvfw2();
            case "QVFW3" -> q.qvfw3();
            case "QPIRI" -> q.qpiri();
            case "QFLAG" -> q.qflag();
            case "QPIGS" -> q.qpigs();
            case "QPIGS2" -> q.qpigs2();
            case "QMOD" -> q.qmod();
            case "QPIWS" -> q.qpiws();
            case "QDI" -> q.qdi();
            case "QMCHGCR" -> q.qmchgcr();
            case "QMUCHGCR" -> q.qmuchgcr();
            case "QMSCHGCR" -> q.qmschgcr();
            case "QOPM" -> q.qopm();
            case "QBOOT" -> q.qboot();
            case "Q1" -> q.q1();
            case "QMN" -> q.qmn();
            case "QGMN" -> q.qgmn();
            case "QBMS" -> q.qbms();
            case "QT" -> q.qt();
            case "QET" -> q.qet();
            case "QLT" -> q.qlt();
            case "QBEQI" -> q.qbeqi();
            case "QOPPT" -> q.qoppt();
            case "QCHPT" -> q.qchpt();
            case "QLED" -> q.qled();
            case "QCST" -> q.qcst();
            case "QCVT" -> q.qcvt();
            case "PF" -> s.resetToDefaults();
            case "PSAVE" -> s.saveToEeprom();
            case "RTEY" -> s.resetEnergyCounters();
            case "RTDL" -> s.eraseDataLog();
            case "F50" -> s.outputFrequency(50);
            case "F60" -> s.outputFrequency(60);
            default -> null;
        };
    }

    private static Pi30Command<?> energy(String text, String name, Pi30Queries q) {
        String digits = text.substring(name.length());
        try {
            return switch (name.charAt(2)) {
                case 'Y' -> {
                    int year = number(text, name, 4);
                    yield name.equals("QEY") ? q.qey(year) : q.qly(year);
                }
                case 'M' -> {
                    number(text, name, 6);
                    YearMonth month = YearMonth.of(
                            Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)));
                    yield name.equals("QEM") ? q.qem(month) : q.qlm(month);
                }
                default -> {
                    number(text, name, 8);
                    LocalDate day = LocalDate.of(
                            Integer.parseInt(digits.substring(0, 4)),
                            Integer.parseInt(digits.substring(4, 6)),
                            Integer.parseInt(digits.substring(6, 8)));
                    yield name.equals("QED") ? q.qed(day) : q.qld(day);
                }
            };
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + ": '" + digits + "' is not allowed; allowed: a valid date");
        }
    }

    private static Pi30Command<?> setting(String text, Pi30Settings s) {
        if (text.startsWith("PBATMAXDISC")) {
            return s.maxDischargeCurrent(number(text, "PBATMAXDISC", 3));
        }
        if (text.startsWith("PBATCD")) {
            return s.batteryChargeDischargeControl(text.substring(6));
        }
        if (text.startsWith("PBEQOT")) {
            return s.equalisationOverTime(number(text, "PBEQOT", 3));
        }
        if (text.startsWith("PBEQE")) {
            return s.equalisationEnabled(bit(text, "PBEQE"));
        }
        if (text.startsWith("PBEQT")) {
            return s.equalisationTime(number(text, "PBEQT", 3));
        }
        if (text.startsWith("PBEQP")) {
            return s.equalisationPeriod(number(text, "PBEQP", 3));
        }
        if (text.startsWith("PBEQV")) {
            return s.equalisationVoltage(decimal(text, "PBEQV", 2, 2));
        }
        if (text.startsWith("PLEDE")) {
            return s.ledEnabled(bit(text, "PLEDE"));
        }
        if (text.startsWith("PLEDS")) {
            return s.ledSpeed(number(text, "PLEDS", 1));
        }
        if (text.startsWith("PLEDM")) {
            return s.ledEffect(number(text, "PLEDM", 1));
        }
        if (text.startsWith("PLEDB")) {
            return s.ledBrightness(number(text, "PLEDB", 1));
        }
        if (text.startsWith("PPVOKC")) {
            return s.pvOkCondition(PvOkCondition.fromCode(number(text, "PPVOKC", 1)));
        }
        if (text.startsWith("PPCP")) {
            int arg = number(text, "PPCP", 3);
            return s.parallelChargerSourcePriority(arg / 100, ChargerSourcePriority.fromCode(arg % 100));
        }
        if (text.startsWith("POPLG")) {
            return s.operationLogic(OperationLogic.fromCode(number(text, "POPLG", 2)));
        }
        if (text.startsWith("POPM")) {
            int arg = number(text, "POPM", 2);
            return s.outputMode(arg / 10, OutputMode.fromCode(arg % 10));
        }
        if (text.startsWith("POP")) {
            return s.outputSourcePriority(OutputSourcePriority.fromCode(number(text, "POP", 2)));
        }
        if (text.startsWith("PCST")) {
            return s.chargingStage(ChargingStageMode.fromCode(number(text, "PCST", 2)));
        }
        if (text.startsWith("PCVT")) {
            return s.cvChargingTime(number(text, "PCVT", 3));
        }
        if (text.startsWith("PCP")) {
            return s.chargerSourcePriority(ChargerSourcePriority.fromCode(number(text, "PCP", 2)));
        }
        if (text.startsWith("PGR")) {
            return s.inputVoltageRange(InputVoltageRange.fromCode(number(text, "PGR", 2)));
        }
        if (text.startsWith("PBT")) {
            return s.batteryType(BatteryType.fromCode(number(text, "PBT", 2)));
        }
        if (text.startsWith("PSPB")) {
            return s.pvPowerBalance(PvPowerBalance.fromCode(number(text, "PSPB", 1)));
        }
        for (String name : List.of("PBCV", "PBDV", "PSDV", "PCVV", "PBFT")) {
            if (text.startsWith(name)) {
                return voltage(text, name, s);
            }
        }
        if (text.startsWith("MNCHGC")) {
            int arg = number(text, "MNCHGC", 4);
            if (arg % 1000 < 100) {
                throw new IllegalArgumentException(
                        "MNCHGC: " + arg % 1000 + " A is not allowed; allowed: 100 to 999 A (MCHGC below 100 A)");
            }
            return s.maxChargingCurrent(arg / 1000, arg % 1000);
        }
        if (text.startsWith("MCHGC")) {
            int arg = number(text, "MCHGC", 3);
            return s.maxChargingCurrent(arg / 100, arg % 100);
        }
        if (text.startsWith("MUCHGC")) {
            return s.maxUtilityChargingCurrent(number(text, "MUCHGC", 3));
        }
        if (text.startsWith("MSCHGC")) {
            return s.maxSolarChargingCurrent(number(text, "MSCHGC", 3));
        }
        if (text.startsWith("DAT")) {
            return dateTime(text, s);
        }
        if (text.startsWith("BTA") && text.length() == 6 && (text.charAt(3) == '+' || text.charAt(3) == '-')) {
            int steps = number(text.substring(4), "", 2);
            if (steps == 0 && text.charAt(3) == '-') {
                throw new IllegalArgumentException("BTA: '-00' is not allowed; allowed: +00 for no correction");
            }
            return s.batteryVoltageCalibration(text.charAt(3) == '-' ? -steps : steps);
        }
        if (text.startsWith("PE") || text.startsWith("PD")) {
            Set<Pi30Flag> flags = flags(text);
            return text.startsWith("PE") ? s.enable(flags) : s.disable(flags);
        }
        throw new IllegalArgumentException("'" + text + "' is not a PI30 command; allowed: " + KNOWN);
    }

    private static Pi30Command<?> voltage(String text, String name, Pi30Settings s) {
        double volts = decimal(text, name, 2, 1);
        List<String> allowed = new ArrayList<>(3);
        for (BatteryBank bank : BatteryBank.values()) {
            try {
                return voltageSetting(name, s).apply(bank).apply(volts);
            } catch (IllegalArgumentException e) {
                allowed.add(e.getMessage().substring(e.getMessage().indexOf("allowed: ") + 9));
            }
        }
        throw new IllegalArgumentException(
                name + ": " + volts + " V is not allowed on any battery bank; allowed: " + String.join("; ", allowed));
    }

    private static Function<BatteryBank, Function<Double, Pi30Command<Pi30Ack>>> voltageSetting(
            String name, Pi30Settings s) {
        return bank -> volts -> switch (name) {
            case "PBCV" -> s.batteryRechargeVoltage(bank, volts);
            case "PBDV" -> s.batteryRedischargeVoltage(bank, volts);
            case "PSDV" -> s.batteryCutOffVoltage(bank, volts);
            case "PCVV" -> s.batteryBulkVoltage(bank, volts);
            default -> s.batteryFloatVoltage(bank, volts);
        };
    }

    private static Pi30Command<?> dateTime(String text, Pi30Settings s) {
        number(text, "DAT", 14);
        String d = text.substring(3);
        try {
            return s.dateTime(LocalDateTime.of(
                    Integer.parseInt(d.substring(0, 4)),
                    Integer.parseInt(d.substring(4, 6)),
                    Integer.parseInt(d.substring(6, 8)),
                    Integer.parseInt(d.substring(8, 10)),
                    Integer.parseInt(d.substring(10, 12)),
                    Integer.parseInt(d.substring(12, 14))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("DAT: '" + d + "' is not allowed; allowed: a valid date and time");
        }
    }

    private static Set<Pi30Flag> flags(String text) {
        String name = text.substring(0, 2);
        Set<Pi30Flag> flags = EnumSet.noneOf(Pi30Flag.class);
        String letters = text.substring(2);
        if (letters.isEmpty()) {
            throw new IllegalArgumentException(name + ": no flag is not allowed; allowed: one or more flag letters");
        }
        for (char c : letters.toCharArray()) {
            Pi30Flag flag = Pi30Flag.fromLetter(c)
                    .orElseThrow(() -> new IllegalArgumentException(
                            name + ": '" + c + "' is not allowed; allowed: flag letters a b d j k l u v x y z"));
            if (!flags.add(flag)) {
                throw new IllegalArgumentException(
                        name + ": '" + c + "' twice is not allowed; allowed: each flag once");
            }
        }
        // Keep the caller's order: the typed command sorts the letters, so compare the bytes.
        if (!sorted(letters)) {
            throw new IllegalArgumentException(name + ": '" + letters
                    + "' is not allowed; allowed: flag letters in the order a b j k u v x y z l d");
        }
        return flags;
    }

    private static boolean sorted(String letters) {
        int last = -1;
        for (char c : letters.toCharArray()) {
            int ordinal = Pi30Flag.fromLetter(c).orElseThrow().ordinal();
            if (ordinal < last) {
                return false;
            }
            last = ordinal;
        }
        return true;
    }

    private static boolean bit(String text, String name) {
        int value = number(text, name, 1);
        if (value > 1) {
            throw new IllegalArgumentException(name + ": " + value + " is not allowed; allowed: 0 or 1");
        }
        return value == 1;
    }

    /** The digits after the prefix, exactly {@code width} of them. */
    private static int number(String text, String name, int width) {
        String arg = text.substring(name.length());
        if (arg.length() != width || !arg.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    (name.isEmpty() ? text : name) + ": '" + arg + "' is not allowed; allowed: " + width + " digits");
        }
        return width > 9 ? 0 : Integer.parseInt(arg);
    }

    /** The argument after the prefix as {@code d…d.f…f} with the given digit counts. */
    private static double decimal(String text, String name, int integerDigits, int fractionDigits) {
        String arg = text.substring(name.length());
        boolean ok = arg.length() == integerDigits + 1 + fractionDigits && arg.charAt(integerDigits) == '.';
        for (int i = 0; ok && i < arg.length(); i++) {
            ok = i == integerDigits || Character.isDigit(arg.charAt(i)) && arg.charAt(i) < 128;
        }
        if (!ok) {
            throw new IllegalArgumentException(name + ": '" + arg + "' is not allowed; allowed: "
                    + "n".repeat(integerDigits) + "." + "n".repeat(fractionDigits));
        }
        return Double.parseDouble(arg);
    }
}
