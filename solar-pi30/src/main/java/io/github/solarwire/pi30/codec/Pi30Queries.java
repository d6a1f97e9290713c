package io.github.solarwire.pi30.codec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Every PI30 query, each paired with the decoder of its reply, for one protocol variant.
 *
 * <pre>{@code
 * Pi30Queries queries = Pi30Queries.of(Pi30Protocol.PI30MAX);
 * Pi30Command<QpiwsResponse> warnings = queries.qpiws(); // decoded with the PI30MAX table
 * }</pre>
 *
 * <p>Queries a variant does not have (e.g. {@code QSID} on PI30) are still offered: the inverter
 * answers them with {@code (NAK}, which decodes as {@link Pi30NakException}. Immutable and
 * thread-safe.
 */
public final class Pi30Queries {

    private final Pi30Protocol protocol;

    private Pi30Queries(Pi30Protocol protocol) {
        this.protocol = protocol;
    }

    /**
     * The queries of a variant.
     *
     * @param protocol the variant replies are decoded with
     * @return the queries
     */
    public static Pi30Queries of(Pi30Protocol protocol) {
        return new Pi30Queries(Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * The variant replies are decoded with.
     *
     * @return the variant
     */
    public Pi30Protocol protocol() {
        return protocol;
    }

    private <R> Pi30Command<R> query(String name, Pi30Command.Decoder<R> decoder) {
        return Pi30Command.query(name, protocol, name, decoder);
    }

    /**
     * {@code QPI}: protocol id.
     *
     * @return the query
     */
    public Pi30Command<QpiResponse> qpi() {
        return query("QPI", QpiResponse::decode);
    }

    /**
     * {@code QID}: serial number.
     *
     * @return the query
     */
    public Pi30Command<QidResponse> qid() {
        return query("QID", QidResponse::decode);
    }

    /**
     * {@code QSID}: serial number with its length (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<QsidResponse> qsid() {
        return query("QSID", QsidResponse::decode);
    }

    /**
     * {@code QVFW}: main CPU firmware version.
     *
     * @return the query
     */
    public Pi30Command<FirmwareVersionResponse> qvfw() {
        return query("QVFW", frame -> FirmwareVersionResponse.decode("QVFW", frame));
    }

    /**
     * {@code QVFW2}: SCC1 firmware version (removed on PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<FirmwareVersionResponse> qvfw2() {
        return query("QVFW2", frame -> FirmwareVersionResponse.decode("QVFW2", frame));
    }

    /**
     * {@code QVFW3}: SCC2 or remote CPU firmware version.
     *
     * @return the query
     */
    public Pi30Command<FirmwareVersionResponse> qvfw3() {
        return query("QVFW3", frame -> FirmwareVersionResponse.decode("QVFW3", frame));
    }

    /**
     * {@code QPIRI}: ratings and current settings.
     *
     * @return the query
     */
    public Pi30Command<QpiriResponse> qpiri() {
        return query("QPIRI", QpiriResponse::decode);
    }

    /**
     * {@code QFLAG}: enabled and disabled flags.
     *
     * @return the query
     */
    public Pi30Command<QflagResponse> qflag() {
        return query("QFLAG", QflagResponse::decode);
    }

    /**
     * {@code QPIGS}: general status.
     *
     * @return the query
     */
    public Pi30Command<QpigsResponse> qpigs() {
        return query("QPIGS", QpigsResponse::decode);
    }

    /**
     * {@code QPIGS2}: second (and third) solar tracker.
     *
     * @return the query
     */
    public Pi30Command<Qpigs2Response> qpigs2() {
        return query("QPIGS2", Qpigs2Response::decode);
    }

    /**
     * {@code QMOD}: device mode.
     *
     * @return the query
     */
    public Pi30Command<QmodResponse> qmod() {
        return query("QMOD", QmodResponse::decode);
    }

    /**
     * {@code QPIWS}: warnings, read with this variant's table.
     *
     * @return the query
     */
    public Pi30Command<QpiwsResponse> qpiws() {
        return query("QPIWS", frame -> QpiwsResponse.decode(protocol, frame));
    }

    /**
     * {@code QPGSn}: status of parallel unit {@code n}.
     *
     * @param unit the unit, 0 to 8
     * @return the query
     * @throws IllegalArgumentException when the unit is out of range
     */
    public Pi30Command<QpgsResponse> qpgs(int unit) {
        if (unit < 0 || unit > 8) {
            throw new IllegalArgumentException("QPGS unit " + unit + "; allowed: 0 to 8");
        }
        String command = "QPGS" + unit;
        return Pi30Command.query("QPGS", protocol, command, frame -> QpgsResponse.decode(command, frame));
    }

    /**
     * {@code QDI}: default settings.
     *
     * @return the query
     */
    public Pi30Command<QdiResponse> qdi() {
        return query("QDI", frame -> QdiResponse.decode(protocol, frame));
    }

    /**
     * {@code QMCHGCR}: selectable max charging currents.
     *
     * @return the query
     */
    public Pi30Command<ChargingCurrentOptions> qmchgcr() {
        return query("QMCHGCR", frame -> ChargingCurrentOptions.decode("QMCHGCR", frame));
    }

    /**
     * {@code QMUCHGCR}: selectable max utility charging currents.
     *
     * @return the query
     */
    public Pi30Command<ChargingCurrentOptions> qmuchgcr() {
        return query("QMUCHGCR", frame -> ChargingCurrentOptions.decode("QMUCHGCR", frame));
    }

    /**
     * {@code QMSCHGCR}: selectable max solar charging currents (MKS Plus Duo).
     *
     * @return the query
     */
    public Pi30Command<ChargingCurrentOptions> qmschgcr() {
        return query("QMSCHGCR", frame -> ChargingCurrentOptions.decode("QMSCHGCR", frame));
    }

    /**
     * {@code QOPM}: output mode.
     *
     * @return the query
     */
    public Pi30Command<QopmResponse> qopm() {
        return query("QOPM", QopmResponse::decode);
    }

    /**
     * {@code QBOOT}: whether the DSP has a bootstrap loader.
     *
     * @return the query
     */
    public Pi30Command<QbootResponse> qboot() {
        return query("QBOOT", QbootResponse::decode);
    }

    /**
     * {@code Q1}: undocumented status (temperatures, fan, charge stage).
     *
     * @return the query
     */
    public Pi30Command<Q1Response> q1() {
        return query("Q1", Q1Response::decode);
    }

    /**
     * {@code QMN}: model name.
     *
     * @return the query
     */
    public Pi30Command<QmnResponse> qmn() {
        return query("QMN", QmnResponse::decode);
    }

    /**
     * {@code QGMN}: general model number.
     *
     * @return the query
     */
    public Pi30Command<QgmnResponse> qgmn() {
        return query("QGMN", QgmnResponse::decode);
    }

    /**
     * {@code QBMS}: lithium battery BMS information.
     *
     * @return the query
     */
    public Pi30Command<QbmsResponse> qbms() {
        return query("QBMS", QbmsResponse::decode);
    }

    /**
     * {@code QT}: the inverter's clock (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<QtResponse> qt() {
        return query("QT", QtResponse::decode);
    }

    /**
     * {@code QBEQI}: battery equalisation (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<QbeqiResponse> qbeqi() {
        return query("QBEQI", QbeqiResponse::decode);
    }

    /**
     * {@code QOPPT}: output source priority by hour (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<QopptResponse> qoppt() {
        return query("QOPPT", QopptResponse::decode);
    }

    /**
     * {@code QCHPT}: charger source priority by hour (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<QchptResponse> qchpt() {
        return query("QCHPT", QchptResponse::decode);
    }

    /**
     * {@code QLED}: LED strip settings (PI30MAX models with LEDs).
     *
     * @return the query
     */
    public Pi30Command<QledResponse> qled() {
        return query("QLED", QledResponse::decode);
    }

    /**
     * {@code QCST}: charging stage setting (2015 PI30 document).
     *
     * @return the query
     */
    public Pi30Command<QcstResponse> qcst() {
        return query("QCST", QcstResponse::decode);
    }

    /**
     * {@code QCVT}: max charging time at the CV stage (2015 PI30 document).
     *
     * @return the query
     */
    public Pi30Command<QcvtResponse> qcvt() {
        return query("QCVT", QcvtResponse::decode);
    }

    /**
     * {@code QET}: total PV generated energy (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<EnergyResponse> qet() {
        return energy("QET", EnergyResponse.Source.PV, EnergyResponse.Period.TOTAL, 0, 0, 0);
    }

    /**
     * {@code QEYyyyy}: PV generated energy in a year (PI30MAX).
     *
     * @param year the year, 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qey(int year) {
        return energy("QEY", EnergyResponse.Source.PV, EnergyResponse.Period.YEAR, checkYear(year), 0, 0);
    }

    /**
     * {@code QEMyyyymm}: PV generated energy in a month (PI30MAX).
     *
     * @param month the month, year 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qem(YearMonth month) {
        return energy(
                "QEM",
                EnergyResponse.Source.PV,
                EnergyResponse.Period.MONTH,
                checkYear(month.getYear()),
                month.getMonthValue(),
                0);
    }

    /**
     * {@code QEDyyyymmdd}: PV generated energy on a day (PI30MAX).
     *
     * @param day the day, year 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qed(LocalDate day) {
        return energy(
                "QED",
                EnergyResponse.Source.PV,
                EnergyResponse.Period.DAY,
                checkYear(day.getYear()),
                day.getMonthValue(),
                day.getDayOfMonth());
    }

    /**
     * {@code QLT}: total output load energy (PI30MAX).
     *
     * @return the query
     */
    public Pi30Command<EnergyResponse> qlt() {
        return energy("QLT", EnergyResponse.Source.LOAD, EnergyResponse.Period.TOTAL, 0, 0, 0);
    }

    /**
     * {@code QLYyyyy}: output load energy in a year (PI30MAX).
     *
     * @param year the year, 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qly(int year) {
        return energy("QLY", EnergyResponse.Source.LOAD, EnergyResponse.Period.YEAR, checkYear(year), 0, 0);
    }

    /**
     * {@code QLMyyyymm}: output load energy in a month (PI30MAX).
     *
     * @param month the month, year 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qlm(YearMonth month) {
        return energy(
                "QLM",
                EnergyResponse.Source.LOAD,
                EnergyResponse.Period.MONTH,
                checkYear(month.getYear()),
                month.getMonthValue(),
                0);
    }

    /**
     * {@code QLDyyyymmdd}: output load energy on a day (PI30MAX).
     *
     * @param day the day, year 1000 to 9999
     * @return the query
     * @throws IllegalArgumentException when the year is out of range
     */
    public Pi30Command<EnergyResponse> qld(LocalDate day) {
        return energy(
                "QLD",
                EnergyResponse.Source.LOAD,
                EnergyResponse.Period.DAY,
                checkYear(day.getYear()),
                day.getMonthValue(),
                day.getDayOfMonth());
    }

    private Pi30Command<EnergyResponse> energy(
            String name, EnergyResponse.Source source, EnergyResponse.Period period, int year, int month, int day) {
        String command = switch (period) {
            case TOTAL -> name;
            case YEAR -> String.format("%s%04d", name, year);
            case MONTH -> String.format("%s%04d%02d", name, year, month);
            case DAY -> String.format("%s%04d%02d%02d", name, year, month, day);
        };
        return Pi30Command.query(
                name,
                protocol,
                command,
                frame -> EnergyResponse.decode(command, source, period, year, month, day, frame));
    }

    private static int checkYear(int year) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("energy query year " + year + "; allowed: 1000 to 9999");
        }
        return year;
    }
}
