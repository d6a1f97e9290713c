package io.github.solarwire.kostal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The status page: every real page with the values its README states, and synthetic layouts. */
class PikoStatusPageTest {

    private static PikoStatus both(byte[] page) throws ProtocolException {
        PikoStatus fast = PikoStatusPage.parse(page);
        assertEquals(fast, PikoStatusPage.parseWithJsoup(page), "scanner and Jsoup DOM disagree");
        return fast;
    }

    private static void string(PikoStatus s, int k, Double volts, Double amps) {
        PikoStatus.PvString pv = s.string(k).orElseThrow(() -> new AssertionError("no string " + k));
        assertEquals(volts, pv.voltage(), "String " + k + " voltage");
        assertEquals(amps, pv.current(), "String " + k + " current");
    }

    private static void phase(PikoStatus s, int k, Double volts, Double watts) {
        PikoStatus.Phase p = s.phase(k).orElseThrow(() -> new AssertionError("no phase " + k));
        assertEquals(volts, p.voltage(), "L" + k + " voltage");
        assertEquals(watts, p.power(), "L" + k + " power");
    }

    @Test
    void piko36EnglishTwoStringsOnePhase() throws Exception {
        PikoStatus s = both(Vectors.bytes(Vectors.PIKO36));
        assertEquals("PIKO 3.6", s.model());
        assertEquals("VS7", s.name());
        assertEquals(255, s.address());
        assertEquals(2336.0, s.acPower());
        assertEquals(33_523_000.0, s.energyTotal());
        assertEquals(11_710.0, s.energyToday());
        assertEquals("supply MPP", s.status());
        assertEquals(PikoState.FEEDING, s.state());
        assertEquals(2, s.strings().size());
        string(s, 1, 338.0, 3.88);
        string(s, 2, 336.0, 3.97);
        assertEquals(List.of(new PikoStatus.Phase(1, 236.0, null, 2336.0)), s.phases());
    }

    @Test
    void piko55GermanMixedLineEnds() throws Exception {
        byte[] page = Vectors.bytes(Vectors.PIKO55_DE);
        String text = new String(page, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\r\n") && text.replace("\r\n", "").contains("\n"), "the vector mixes CRLF and LF");
        PikoStatus s = both(page);
        assertEquals("PIKO 5.5", s.model());
        assertEquals("Namenlos", s.name());
        assertEquals(255, s.address());
        assertEquals(112.0, s.acPower());
        assertEquals(9_290_000.0, s.energyTotal());
        assertEquals(19_830.0, s.energyToday());
        assertEquals("Einspeisen MPP", s.status());
        string(s, 1, 384.0, 0.20);
        string(s, 2, 278.0, 0.21);
        string(s, 3, 0.0, 0.0);
        phase(s, 1, 230.0, 0.0);
        phase(s, 2, 232.0, 112.0);
        phase(s, 3, 230.0, 0.0);
    }

    @Test
    void piko55DutchClipboardCopy() throws Exception {
        PikoStatus s = both(Vectors.bytes(Vectors.PIKO55_NL));
        assertEquals("PIKO 5.5", s.model());
        assertEquals("PV", s.name());
        assertEquals(3126.0, s.acPower());
        assertEquals(41_801_000.0, s.energyTotal());
        assertEquals(13_460.0, s.energyToday());
        assertEquals("toevoer MPP", s.status());
        assertEquals(PikoState.FEEDING, s.state());
        string(s, 1, 275.0, 6.27);
        string(s, 2, 247.0, 6.47);
        string(s, 3, 0.0, 0.0);
        phase(s, 1, 247.0, 1032.0);
        phase(s, 2, 241.0, 1027.0);
        phase(s, 3, 246.0, 1069.0);
    }

    /** Synthetic (no capture is public): the night page, live cells x x x, totals kept. */
    @Test
    void nightPageHasNoLiveReadingsButKeepsTotals() throws Exception {
        String[] xx = {"x x x", "x x x"};
        byte[] page = SyntheticPage.build(
                SyntheticPage.GERMAN,
                "PIKO 4.2",
                "Dach (3)",
                "x x x",
                "7746",
                "10.97",
                "Aus",
                SyntheticPage.of(xx, xx, null),
                SyntheticPage.of(xx, xx, xx),
                "\r\n");
        PikoStatus s = both(page);
        assertNull(s.acPower());
        assertEquals(7_746_000.0, s.energyTotal());
        assertEquals(10_970.0, s.energyToday());
        assertEquals(PikoState.OFF, s.state());
        assertEquals(3, s.address());
        assertEquals(2, s.strings().size());
        string(s, 1, null, null);
        phase(s, 3, null, null);
    }

    /** Synthetic: 1 string, 1 phase (7 value cells). */
    @Test
    void oneStringOnePhase() throws Exception {
        byte[] page = SyntheticPage.build(
                SyntheticPage.ENGLISH,
                "PIKO 3.0",
                "Garage (1)",
                "1500",
                "2000",
                "3.50",
                "Feed in MPP",
                SyntheticPage.of(new String[] {"400", "3.90"}, null, null),
                SyntheticPage.of(new String[] {"231", "1500"}, null, null),
                "\n");
        PikoStatus s = both(page);
        assertEquals(1, s.strings().size());
        assertEquals(1, s.phases().size());
        string(s, 1, 400.0, 3.9);
        phase(s, 1, 231.0, 1500.0);
        assertEquals(PikoState.FEEDING, s.state());
    }

    /** Synthetic: 2 strings, 2 phases (11 cells), which a cell count cannot tell apart. */
    @Test
    void twoStringsTwoPhases() throws Exception {
        byte[] page = SyntheticPage.build(
                SyntheticPage.GERMAN,
                "PIKO 4.2",
                "WR (255)",
                "900",
                "100",
                "1.00",
                "Leerlauf",
                SyntheticPage.of(new String[] {"300", "1.50"}, new String[] {"310", "1.40"}, null),
                SyntheticPage.of(new String[] {"230", "450"}, new String[] {"229", "450"}, null),
                "\n");
        PikoStatus s = both(page);
        assertEquals(
                List.of(1, 2),
                s.strings().stream().map(PikoStatus.PvString::number).toList());
        assertEquals(
                List.of(1, 2), s.phases().stream().map(PikoStatus.Phase::number).toList());
        phase(s, 2, 229.0, 450.0);
        assertEquals(PikoState.IDLE, s.state());
    }

    /** Synthetic: 3 strings but 1 phase: string 3 must not be taken for a phase. */
    @Test
    void threeStringsOnePhaseInDutch() throws Exception {
        byte[] page = SyntheticPage.build(
                SyntheticPage.DUTCH,
                "PIKO 8.3",
                "PV (255)",
                "5000",
                "12345",
                "20.01",
                "toevoer MPP",
                SyntheticPage.of(
                        new String[] {"500", "3.33"}, new String[] {"501", "3.34"}, new String[] {"502", "3.35"}),
                SyntheticPage.of(new String[] {"240", "5000"}, null, null),
                "\r");
        PikoStatus s = both(page);
        string(s, 3, 502.0, 3.35);
        assertEquals(1, s.phases().size());
        assertEquals(20_010.0, s.energyToday());
    }

    @Test
    void aValueThatIsNotANumberSaysWhereAndWhat() {
        byte[] page = SyntheticPage.build(
                SyntheticPage.ENGLISH,
                "PIKO 3.0",
                "G (1)",
                "15O0",
                "2000",
                "3.50",
                "Feed in MPP",
                SyntheticPage.of(new String[] {"400", "3.90"}, null, null),
                SyntheticPage.of(new String[] {"231", "1500"}, null, null),
                "\n");
        ProtocolException e = assertThrows(ProtocolException.class, () -> PikoStatusPage.parse(page));
        assertEquals("AC power cell is not a number", e.what());
        assertEquals("15O0", e.found().orElseThrow());
        assertTrue(e.offset().orElseThrow() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html><body>401 Unauthorized</body></html>", "PIKO", "<td bgcolor=#FFFFFF>1</td>"})
    void otherPagesAreRejected(String page) {
        assertThrows(ProtocolException.class, () -> PikoStatusPage.parse(page.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void latin1BytesAreDecodedAsIso88591() throws Exception {
        byte[] page = SyntheticPage.build(
                SyntheticPage.GERMAN,
                "PIKO 5.5",
                "Müller (7)",
                "1",
                "2",
                "3.00",
                "Einspeisen MPP",
                SyntheticPage.of(new String[] {"1", "0.10"}, null, null),
                SyntheticPage.of(new String[] {"230", "1"}, null, null),
                "\n");
        assertEquals("Müller", both(page).name());
    }
}
