package io.github.solarwire.pi30.codec;

import java.util.ArrayList;
import java.util.List;

/** One command of every query family (and one setting) for each variant: what the robustness tests run every input through. */
final class AllQueries {

    static final List<String> TEXTS = List.of(
            "QPI",
            "QID",
            "QSID",
            "QVFW",
            "QVFW2",
            "QVFW3",
            "QPIRI",
            "QFLAG",
            "QPIGS",
            "QPIGS2",
            "QMOD",
            "QPIWS",
            "QPGS0",
            "QDI",
            "QMCHGCR",
            "QMUCHGCR",
            "QMSCHGCR",
            "QOPM",
            "QBOOT",
            "Q1",
            "QMN",
            "QGMN",
            "QBMS",
            "QT",
            "QET",
            "QEY2024",
            "QEM202401",
            "QED20240101",
            "QLT",
            "QLY2024",
            "QLM202401",
            "QLD20240101",
            "QBEQI",
            "QOPPT",
            "QCHPT",
            "QLED",
            "QCST",
            "QCVT",
            "POP02");

    private AllQueries() {}

    static List<Pi30Command<?>> all() {
        List<Pi30Command<?>> commands = new ArrayList<>();
        for (Pi30Protocol protocol : Pi30Protocol.values()) {
            for (String text : TEXTS) {
                commands.add(Pi30Commands.parse(text, protocol));
            }
        }
        return commands;
    }
}
