package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pi30CrcTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The textbook bit-at-a-time CRC-16/XMODEM, to check the table-driven one against. */
    private static int bitwise(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }

    @Test
    void checkValueOfCrc16Xmodem() {
        assertEquals(0x31C3, Pi30Crc.xmodem(ascii("123456789")));
        assertEquals(0, Pi30Crc.xmodem(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void tableDrivenMatchesBitwiseForEveryLengthAndOffset(long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[300];
        random.nextBytes(data);
        for (int length = 0; length <= 200; length++) {
            int offset = random.nextInt(data.length - length + 1);
            assertEquals(bitwise(data, offset, length), Pi30Crc.xmodem(data, offset, length), "length " + length);
        }
    }

    /** Spec section 2.2, worked examples. */
    @ParameterizedTest
    @CsvSource({
        "QPI, beac, beac",
        "QPIGS, b7a9, b7a9",
        "POP02, e20a, e20b",
        "QGMN, 4928, 4929",
        "PBDV12.2, 000d, 010e",
        "PSDV17.5, 1400, 1401"
    })
    void workedExamples(String command, String raw, String sent) {
        int crc = Pi30Crc.xmodem(ascii(command));
        assertEquals(Integer.parseInt(raw, 16), crc);
        assertEquals(Integer.parseInt(sent, 16), Pi30Crc.bump(crc, Pi30Crc.Bump.DELIMITERS_AND_ZERO));
    }

    @Test
    void classicRuleLeavesZeroAlone() {
        assertEquals(0x000E, Pi30Crc.bump(0x000D, Pi30Crc.Bump.DELIMITERS));
        assertEquals(0x010E, Pi30Crc.bump(0x000D, Pi30Crc.Bump.DELIMITERS_AND_ZERO));
        assertEquals(0x290B, Pi30Crc.bump(0x280A, Pi30Crc.Bump.DELIMITERS));
        assertEquals(0x1234, Pi30Crc.bump(0x1234, Pi30Crc.Bump.DELIMITERS));
    }

    @Test
    void acceptsRawAndEitherBumpedFormOnly() {
        assertTrue(Pi30Crc.accepts(0x000D, 0x000D));
        assertTrue(Pi30Crc.accepts(0x000E, 0x000D));
        assertTrue(Pi30Crc.accepts(0x010E, 0x000D));
        assertFalse(Pi30Crc.accepts(0x010D, 0x000D), "a bumped zero with an unbumped CR is neither rule");
        assertFalse(Pi30Crc.accepts(0x000F, 0x000D));
    }

    /** Real replies whose device bumped the CRC (spec section 2.1). */
    @Test
    void devicesBumpReplyCrcs() {
        byte[] qsid = ascii("(1492932105105335005535");
        assertEquals(0x940D, Pi30Crc.xmodem(qsid));
        assertTrue(Pi30Crc.accepts(0x940E, Pi30Crc.xmodem(qsid)));
    }

    @Test
    void revoChecksumIsSumPlusOne() {
        byte[] pqse = ascii("PQSE");
        assertEquals(0x3A, Pi30Crc.sumPlusOne(pqse, 0, pqse.length));
        assertEquals(1, Pi30Crc.sumPlusOne(new byte[0], 0, 0));
    }

    @Test
    void rangeOutsideTheArrayIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> Pi30Crc.xmodem(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Pi30Crc.sumPlusOne(new byte[4], -1, 2));
    }
}
