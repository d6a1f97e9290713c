package io.github.solarwire.solaredge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast writer and formatter against the reference map-based path, on randomized input. */
class SemonitorLineWriterTest {

    private static final int[] TYPES = {0x0010, 0x0011, 0x0000, 0x0080, 0x0082, 0x0300, 0x0030, 0x0022, 0x0017};
    private static final int[] LENGTHS = {104, 128, 36, 13, 10, 28, 86, 58, 6};

    @Test
    void reprMatchesTheReferenceOnWidenedFloats() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 150_000; i++) {
            double d = Float.intBitsToFloat(rnd.nextInt());
            assertEquals(SemonitorJson.pythonRepr(d), Repr.of(d), () -> "bits " + Double.doubleToRawLongBits(d));
        }
    }

    @Test
    void reprMatchesTheReferenceOnDoublesAndScaledIntegers() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 40_000; i++) {
            double[] ds = {
                Double.longBitsToDouble(rnd.nextLong()),
                0.00625 * rnd.nextInt(4096),
                0.125 * rnd.nextInt(1024),
                0.25 * rnd.nextInt(65536),
                rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 20)),
                Math.scalb(1.0, rnd.nextInt(-1074, 1024)),
                (float) (rnd.nextInt(1_000_000) / 1000.0),
            };
            for (double d : ds) {
                assertEquals(SemonitorJson.pythonRepr(d), Repr.of(d), () -> "bits " + Double.doubleToRawLongBits(d));
            }
        }
        double[] edges = {
            Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Float.MAX_VALUE,
            1e16,
            9999999999999998.0,
            0x1p53,
            0x1p53 - 1,
            1e-4,
            9.999999999999999e-5,
            1e23,
            8.41e21,
            2.82879384806159e17,
            1.9400994884341945e25,
            2e-3,
            0.1,
            0.5,
            1.5,
            -0.0,
            0.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double d : edges) {
            assertEquals(SemonitorJson.pythonRepr(d), Repr.of(d), () -> "value " + d);
            assertEquals(SemonitorJson.pythonRepr(-d), Repr.of(-d), () -> "value " + -d);
        }
    }

    @Test
    void linesMatchTheReferenceOnRandomMessages() {
        SplittableRandom rnd = new SplittableRandom(3);
        ZoneId[] zones = {ZoneId.of("UTC"), ZoneId.of("US/Pacific"), ZoneId.of("Asia/Kolkata")};
        for (ZoneId zone : zones) {
            SemonitorLineWriter writer = new SemonitorLineWriter(zone);
            for (int m = 0; m < 3_000; m++) {
                TelemetryBatch batch = Telemetry.parse(payload(rnd, m % 10 == 0));
                List<TelemetryRecord> records = batch.records();
                String expected = SemonitorJson.line(records, zone);
                int n = writer.line(records);
                assertEquals(expected, new String(writer.buffer(), 0, n, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void oddIdsAreEscapedAsTheReferenceDoes() {
        ZoneId zone = ZoneId.of("UTC");
        List<TelemetryRecord> records = new ArrayList<>();
        records.add(new LegacyOptimizerRecord("A\"é\\", 1L, "x\ny", 1, 1.1, 2.2, 3.3, 4.4, 5.5));
        records.add(new SinglePhaseInverterRecord(
                "B", 4_294_967_295L, -1, 0, Double.NaN, 1, 2, 3, 4, 5, 6, 7, Double.NaN, -0.0));
        String expected = SemonitorJson.line(records, zone);
        SemonitorLineWriter writer = new SemonitorLineWriter(zone);
        int n = writer.line(records);
        assertEquals(expected, new String(writer.buffer(), 0, n, StandardCharsets.ISO_8859_1));
    }

    /** Random records of every type; few distinct ids so that duplicates (later wins) occur. */
    private static byte[] payload(SplittableRandom rnd, boolean withTableRecords) {
        int count = rnd.nextInt(0, 12);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int k = rnd.nextInt(withTableRecords ? TYPES.length : 6);
            int length = LENGTHS[k] + (rnd.nextInt(4) == 0 ? rnd.nextInt(0, 40) : 0);
            int id = rnd.nextInt(4) == 0 ? rnd.nextInt() : 0x7F104920 + rnd.nextInt(5);
            byte[] rec = new byte[8 + length];
            le16(rec, 0, TYPES[k]);
            le32(rec, 2, id);
            le16(rec, 6, length);
            for (int j = 8; j < rec.length; j++) {
                rec[j] = (byte) rnd.nextInt();
            }
            for (int j = 8 + 4; j + 4 <= rec.length; j += 4) {
                if (rnd.nextInt(3) == 0) {
                    le32(rec, j, Float.floatToRawIntBits((float) (rnd.nextDouble() * 500)));
                }
            }
            // Mostly plausible timestamps, some spread over the whole u32 range.
            le32(rec, 8, rnd.nextInt(3) == 0 ? rnd.nextInt() : 1_699_999_000 + rnd.nextInt(5));
            if (k == 5) {
                le32(rec, 12, rnd.nextInt(3));
            }
            out.writeBytes(rec);
        }
        return out.toByteArray();
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int at, int v) {
        le16(b, at, v);
        le16(b, at + 2, v >>> 16);
    }
}
