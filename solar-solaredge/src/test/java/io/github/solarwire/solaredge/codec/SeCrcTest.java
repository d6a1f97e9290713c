package io.github.solarwire.solaredge.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeCrcTest {

    @Test
    void checkValueAndEmptyInput() {
        assertEquals(0x5B3A, SeCrc.of("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x5A5A, SeCrc.of(new byte[0]));
    }

    @Test
    void tableDrivenMatchesBitwiseAtEveryLengthAndOffset() {
        Random random = new Random(7);
        byte[] data = new byte[300];
        random.nextBytes(data);
        for (int offset = 0; offset < 5; offset++) {
            for (int length = 0; length + offset <= data.length; length += 1 + length / 16) {
                assertEquals(bitwise(data, offset, length), SeCrc.of(data, offset, length), offset + "+" + length);
            }
        }
    }

    @Test
    void updateContinuesAcrossPieces() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x5B3A, SeCrc.update(SeCrc.of(data, 0, 4), data, 4, 5));
    }

    @Test
    void realMasterGrantFromIssue135() {
        byte[] frame =
                HexFormat.of().parseHex("12345679" + "0000ffff" + "9835" + "feffffff" + "963d1273" + "0203" + "9c52");
        assertEquals(0x529C, SeCrc.ofFrame(frame, 0, 0));
        byte[] input = HexFormat.of().parseHex("3598fffffffe73123d960302");
        assertEquals(0x529C, SeCrc.of(input));
    }

    private static int bitwise(byte[] data, int offset, int length) {
        int crc = 0x5A5A;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
