package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a byte stream into checked frames, however it is chunked: a serial port's reads, 8-byte
 * USB HID reports padded with {@code 0x00}, a TCP bridge's segments.
 *
 * <p>Between frames, {@code 0x00} (HID padding), CR and LF are skipped. A frame ends at CR or LF.
 * A {@code (} always starts a new reply, because neither a payload nor a bumped CRC byte can be
 * {@code 0x28}: bytes before it are dropped and counted in {@link #droppedBytes()}. A line that
 * grows past the maximum length is reported once as an error and skipped up to its terminator;
 * nothing larger than that maximum is ever buffered.
 *
 * <p>Every complete line goes to the {@link Handler}: a frame ({@link Pi30Frame#parse}) or the
 * {@link ProtocolException} saying why it is not one, so one bad frame never stops the stream.
 *
 * <p>Not thread-safe: one decoder per stream, fed from one thread.
 */
public final class Pi30FrameDecoder {

    /** Receives what the decoder cuts out of the stream. */
    public interface Handler {
        /**
         * A complete, checked frame.
         *
         * @param frame the frame
         */
        void frame(Pi30Frame frame);

        /**
         * A complete line that is not a valid frame, or a line too long to be one.
         *
         * @param error what was wrong
         */
        void error(ProtocolException error);
    }

    /** The default maximum frame length: well above the longest reply (about 150 bytes). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 512;

    private final int maxFrameLength;
    private final Pi30Frame.Check check;
    private byte[] line = new byte[64];
    private int length;
    private boolean discarding;
    private long droppedBytes;

    /** A decoder with {@link #DEFAULT_MAX_FRAME_LENGTH} that accepts the CRC only. */
    public Pi30FrameDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH, Pi30Frame.Check.CRC);
    }

    /**
     * A decoder.
     *
     * @param maxFrameLength the longest frame accepted, terminator included, 4 to 65536
     * @param check which check bytes to accept
     * @throws IllegalArgumentException when the length is out of range
     */
    public Pi30FrameDecoder(int maxFrameLength, Pi30Frame.Check check) {
        if (maxFrameLength < Pi30Frame.MIN_LENGTH || maxFrameLength > 65536) {
            throw new IllegalArgumentException("maxFrameLength " + maxFrameLength + " must be 4 to 65536");
        }
        this.maxFrameLength = maxFrameLength;
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Feeds bytes; every frame or error they complete goes to the handler before this returns.
     *
     * @param bytes the buffer
     * @param offset where the new bytes start
     * @param count how many
     * @param handler receives frames and errors
     */
    public void feed(byte[] bytes, int offset, int count, Handler handler) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        Objects.requireNonNull(handler, "handler");
        for (int i = offset, end = offset + count; i < end; i++) {
            byte b = bytes[i];
            boolean terminator = b == 0x0D || b == 0x0A;
            if (discarding) {
                if (b == '(') {
                    discarding = false;
                    append(b);
                } else if (terminator) {
                    discarding = false;
                }
                continue;
            }
            if (length == 0) {
                if (b == 0 || terminator) {
                    continue;
                }
            } else if (b == '(') {
                droppedBytes += length;
                length = 0;
            }
            if (length == maxFrameLength) {
                handler.error(new ProtocolException(
                        "frame length",
                        maxFrameLength,
                        "a terminator within " + maxFrameLength + " bytes",
                        Pi30Frame.escape(line, 0, Math.min(length, 32))));
                droppedBytes += length;
                length = 0;
                discarding = !terminator;
                continue;
            }
            append(b);
            if (terminator) {
                emit(handler);
            }
        }
    }

    /**
     * Feeds a whole array.
     *
     * @param bytes the new bytes
     * @param handler receives frames and errors
     */
    public void feed(byte[] bytes, Handler handler) {
        feed(bytes, 0, bytes.length, handler);
    }

    /**
     * Drops a partial frame, e.g. after a reply timed out, so that its rest cannot join the next
     * reply.
     */
    public void reset() {
        droppedBytes += length;
        length = 0;
        discarding = false;
    }

    /**
     * The bytes of a frame begun but not yet terminated.
     *
     * @return the count, 0 between frames
     */
    public int pending() {
        return length;
    }

    /**
     * Bytes dropped so far: garbage before a {@code (}, overlong lines, partial frames reset.
     *
     * @return the count
     */
    public long droppedBytes() {
        return droppedBytes;
    }

    private void append(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(maxFrameLength, line.length * 2));
        }
        line[length++] = b;
    }

    private void emit(Handler handler) {
        int n = length;
        length = 0;
        Pi30Frame frame;
        try {
            frame = Pi30Frame.parse(line, 0, n, check);
        } catch (ProtocolException e) {
            handler.error(e);
            return;
        }
        handler.frame(frame);
    }
}
