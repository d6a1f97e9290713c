package io.github.solarwire.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The bytes of a segment file: pure encoding and decoding, no I/O.
 *
 * <pre>
 * segment := header record*
 * header  := magic "SWOB" (4) | version 1 (int, 4)
 * record  := marker "SWRM" (4) | length (int, 4) | crc (int, 4) | body (length bytes)
 * body    := sequence (long) | storedAtMillis (long) | flags (byte, bit 0 = retain)
 *            | topic length (unsigned short) | topic (UTF-8) | payload (the rest)
 * </pre>
 *
 * <p>All numbers are big-endian. The CRC-32C covers the body. The marker lets recovery find the
 * next record after a damaged one; the length is checked against a bound before anything is
 * allocated for it.
 */
final class SegmentFormat {

    static final int MAGIC = 0x53574F42; // "SWOB"
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;
    static final int MARKER = 0x5357524D; // "SWRM"
    static final int RECORD_HEADER_BYTES = 12;
    static final int BODY_FIXED_BYTES = 19;

    /** Keeps a record within an int-sized buffer, with room for its header. */
    private static final long MAX_BODY_CEILING = Integer.MAX_VALUE - 64;

    private SegmentFormat() {}

    /** The largest body an outbox with this byte bound writes: larger ones are corrupt. */
    static int maxBodyBytes(long maxBytes) {
        return (int) Math.min(BODY_FIXED_BYTES + maxBytes, MAX_BODY_CEILING);
    }

    static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
    }

    /** Whether eight bytes are a segment header this code can read. */
    static boolean isHeader(ByteBuffer header) {
        return header.remaining() == HEADER_BYTES && header.getInt(0) == MAGIC && header.getInt(4) == VERSION;
    }

    /** One whole record, ready to write. */
    static ByteBuffer encode(long sequence, long storedAtMillis, boolean retain, byte[] topic, byte[] payload) {
        int bodyLength = BODY_FIXED_BYTES + topic.length + payload.length;
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER_BYTES + bodyLength);
        record.putInt(MARKER).putInt(bodyLength).putInt(0);
        record.putLong(sequence).putLong(storedAtMillis).put((byte) (retain ? 1 : 0));
        record.putShort((short) topic.length).put(topic).put(payload);
        record.putInt(8, crc(record.duplicate().position(RECORD_HEADER_BYTES)));
        return record.flip();
    }

    /** The body length a record header announces, or -1 when it is not a plausible header. */
    static int bodyLength(ByteBuffer recordHeader, int maxBody) {
        if (recordHeader.getInt(recordHeader.position()) != MARKER) {
            return -1;
        }
        int length = recordHeader.getInt(recordHeader.position() + 4);
        return length < BODY_FIXED_BYTES || length > maxBody ? -1 : length;
    }

    /**
     * Decodes a whole record (header and body), or returns null when the CRC does not match or the
     * body is malformed.
     */
    static Outbox.Message decode(ByteBuffer record) {
        int start = record.position();
        if (record.remaining() < RECORD_HEADER_BYTES + BODY_FIXED_BYTES
                || record.getInt(start) != MARKER
                || record.getInt(start + 4) != record.remaining() - RECORD_HEADER_BYTES) {
            return null;
        }
        ByteBuffer body = record.duplicate().position(start + RECORD_HEADER_BYTES);
        if (crc(body.duplicate()) != record.getInt(start + 8)) {
            return null;
        }
        long sequence = body.getLong();
        long storedAt = body.getLong();
        byte flags = body.get();
        int topicLength = Short.toUnsignedInt(body.getShort());
        if ((flags & ~1) != 0 || sequence < 1 || topicLength == 0 || topicLength > body.remaining()) {
            return null;
        }
        byte[] topic = new byte[topicLength];
        body.get(topic);
        byte[] payload = new byte[body.remaining()];
        body.get(payload);
        return new Outbox.Message(
                sequence, new String(topic, StandardCharsets.UTF_8), payload, (flags & 1) != 0, storedAt);
    }

    private static int crc(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
