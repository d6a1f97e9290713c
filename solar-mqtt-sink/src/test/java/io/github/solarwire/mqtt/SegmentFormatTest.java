package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SegmentFormatTest {

    private static final byte[] TOPIC = "solar/inv-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAYLOAD = "{\"w\":1234}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordDecodesToWhatWasEncoded() {
        ByteBuffer record = SegmentFormat.encode(42, 1_780_000_000_123L, true, TOPIC, PAYLOAD);
        assertEquals(
                SegmentFormat.RECORD_HEADER_BYTES + SegmentFormat.BODY_FIXED_BYTES + TOPIC.length + PAYLOAD.length,
                record.remaining());
        Outbox.Message m = SegmentFormat.decode(record);
        assertEquals(42, m.sequence());
        assertEquals(1_780_000_000_123L, m.storedAtMillis());
        assertTrue(m.retain());
        assertEquals("solar/inv-1", m.topic());
        assertArrayEquals(PAYLOAD, m.payload());
    }

    @Test
    void everySingleBitFlipIsCaught() {
        ByteBuffer record = SegmentFormat.encode(7, 99, false, TOPIC, PAYLOAD);
        for (int i = 0; i < record.remaining(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                ByteBuffer copy = ByteBuffer.allocate(record.remaining())
                        .put(record.duplicate())
                        .flip();
                copy.put(i, (byte) (copy.get(i) ^ (1 << bit)));
                assertNull(SegmentFormat.decode(copy), "flip at byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void aLengthIsCheckedAgainstTheBoundBeforeAnythingElse() {
        int max = SegmentFormat.maxBodyBytes(100);
        assertEquals(119, max);
        ByteBuffer header = ByteBuffer.allocate(12)
                .putInt(SegmentFormat.MARKER)
                .putInt(120)
                .putInt(0)
                .flip();
        assertEquals(-1, SegmentFormat.bodyLength(header, max));
        header.putInt(4, 119);
        assertEquals(119, SegmentFormat.bodyLength(header, max));
        header.putInt(4, 18);
        assertEquals(-1, SegmentFormat.bodyLength(header, max), "shorter than the fixed fields");
        header.putInt(4, -5);
        assertEquals(-1, SegmentFormat.bodyLength(header, max));
        header.putInt(0, 0).putInt(4, 50);
        assertEquals(-1, SegmentFormat.bodyLength(header, max), "no marker");
        assertEquals(Integer.MAX_VALUE - 64, SegmentFormat.maxBodyBytes(Long.MAX_VALUE - 100));
    }

    @Test
    void theSegmentHeaderNamesFormatAndVersion() {
        ByteBuffer header = SegmentFormat.header();
        assertTrue(SegmentFormat.isHeader(header));
        assertEquals("SWOB", new String(header.array(), 0, 4, StandardCharsets.US_ASCII));
        header.putInt(4, 2);
        assertEquals(false, SegmentFormat.isHeader(header));
    }
}
