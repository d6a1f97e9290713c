package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.ProtocolException;
import org.junit.jupiter.api.Test;

class Pi30FrameTest {

    private static ProtocolException bad(String hex) {
        return assertThrows(ProtocolException.class, () -> Pi30Frame.parse(Vectors.hex(hex)));
    }

    @Test
    void dataFrame() throws ProtocolException {
        Pi30Frame frame = Pi30Frame.parse(Vectors.hex("28504933309a0b0d"));
        assertEquals(Pi30Frame.Kind.DATA, frame.kind());
        assertEquals("PI30", frame.payload());
        assertEquals(8, frame.length());
        assertEquals("Pi30Frame[DATA (PI30\\x9a\\x0b\\r]", frame.toString());
    }

    @Test
    void ackAndNak() throws ProtocolException {
        assertEquals(
                Pi30Frame.Kind.ACK,
                Pi30Frame.parse(Vectors.hex("2841434b39200d")).kind());
        Pi30Frame nak = Pi30Frame.parse(Vectors.hex("284e414b73730d"));
        assertEquals(Pi30Frame.Kind.NAK, nak.kind());
        assertEquals("NAK", nak.payload());
    }

    /** The vendor document shows (NAK with no CRC for some commands; any (NAK is a NAK. */
    @Test
    void nakWithoutOrWithAWrongCrcIsStillANak() throws ProtocolException {
        assertEquals(
                Pi30Frame.Kind.NAK, Pi30Frame.parse(Vectors.hex("284e414b0d")).kind());
        assertEquals(
                Pi30Frame.Kind.NAK, Pi30Frame.parse(Vectors.hex("284e414b030d")).kind());
    }

    @Test
    void echoedRequestIsARequestFrame() throws ProtocolException {
        Pi30Frame echo = Pi30Frame.parse(Vectors.hex("51504753303fda0d"));
        assertEquals(Pi30Frame.Kind.REQUEST, echo.kind());
        assertEquals("QPGS0", echo.payload());
        assertEquals(Pi30Request.of("QPGS0"), echo.toRequest());
    }

    @Test
    void toRequestOfAReplyIsAnError() throws ProtocolException {
        Pi30Frame frame = Pi30Frame.parse(Vectors.hex("2841434b39200d"));
        assertThrows(IllegalStateException.class, frame::toRequest);
    }

    @Test
    void lineFeedTerminatorIsAccepted() throws ProtocolException {
        // the pi30 QBMS fixture: CRC-16, then LF instead of CR
        byte[] qbms = Vectors.first("pi30", "QBMS").bytes();
        assertEquals('\n', qbms[qbms.length - 1]);
        Pi30Frame frame = Pi30Frame.parse(qbms);
        assertEquals("0 100 0 0 1 532 532 450 0000 0030", frame.payload());
    }

    @Test
    void wrongCrcNamesBothForms() {
        ProtocolException e = bad("285364390d");
        assertEquals("bad CRC", e.what());
        assertEquals(2, e.offset().orElseThrow());
        assertEquals("0xe5d9", e.expected().orElseThrow());
        assertEquals("0x6439", e.found().orElseThrow());
    }

    @Test
    void revoChecksumOnlyWhenAskedFor() throws ProtocolException {
        byte[] pqse = Vectors.first("pi30revo", "PQSE").bytes();
        assertThrows(ProtocolException.class, () -> Pi30Frame.parse(pqse));
        Pi30Frame frame = Pi30Frame.parse(pqse, 0, pqse.length, Pi30Frame.Check.CRC_OR_SUM);
        assertTrue(frame.payload().startsWith("000100 56.0"), frame.payload());
        assertTrue(frame.payload().endsWith(" 00"), frame.payload());
    }

    @Test
    void malformedFramesSayWhatIsWrong() {
        assertEquals("frame length", bad("28410d").what());
        assertEquals("frame not terminated", bad("28504933309a0b").what());
        assertEquals("not a PI30 reply", bad("50504933309a0b0d").what());
        byte[] nonPrintable = Frames.reply("PI\u00013");
        ProtocolException e = assertThrows(ProtocolException.class, () -> Pi30Frame.parse(nonPrintable));
        assertEquals("payload not printable ASCII", e.what());
        assertEquals(3, e.offset().orElseThrow());
    }

    @Test
    void parseCopiesTheRange() throws ProtocolException {
        byte[] buffer = Vectors.hex("0000" + "28504933309a0b0d" + "ffff");
        Pi30Frame frame = Pi30Frame.parse(buffer, 2, 8);
        buffer[3] = 'X';
        assertEquals("PI30", frame.payload());
        assertEquals(Pi30Frame.parse(Vectors.hex("28504933309a0b0d")), frame);
        assertEquals(Pi30Frame.parse(Vectors.hex("28504933309a0b0d")).hashCode(), frame.hashCode());
    }
}
