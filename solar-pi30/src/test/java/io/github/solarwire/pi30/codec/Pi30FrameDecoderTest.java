package io.github.solarwire.pi30.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pi30FrameDecoderTest {

    static Stream<Vectors.Response> responses() {
        return Vectors.responses().stream();
    }

    /** What {@link Pi30Frame#parse} says about a whole frame: the decoder must say the same. */
    private static Object direct(byte[] frame, Pi30Frame.Check check) {
        try {
            return Pi30Frame.parse(frame, 0, frame.length, check);
        } catch (io.github.solarwire.core.ProtocolException e) {
            return e.getMessage();
        }
    }

    private static Object single(Collected c) {
        assertEquals(1, c.all.size(), "one result per frame: " + c.all);
        Object result = c.all.get(0);
        return result instanceof Pi30Frame ? result : ((Exception) result).getMessage();
    }

    /** Every vector reply as a USB HID device delivers it: 8-byte reports, the last padded with 0x00. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void hidReportsOfEveryVectorGiveTheSameResultAsTheWholeFrame(Vectors.Response row) {
        byte[] frame = row.bytes();
        Pi30Frame.Check check = row.protocol().equals("pi30revo") ? Pi30Frame.Check.CRC_OR_SUM : Pi30Frame.Check.CRC;
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(Pi30FrameDecoder.DEFAULT_MAX_FRAME_LENGTH, check);
        Collected c = new Collected();
        for (int i = 0; i < frame.length; i += 8) {
            byte[] report = Arrays.copyOfRange(frame, i, i + 8); // pads with zeros past the end
            decoder.feed(report, c);
        }
        assertEquals(direct(frame, check), single(c), row.toString());
        assertEquals(0, decoder.pending());
        assertEquals(0, decoder.droppedBytes());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anyChunkingOfAStreamGivesTheSameFrames(long seed) {
        Random random = new Random(seed);
        List<Vectors.Response> rows = Vectors.responses();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Collected whole = new Collected();
        for (int i = 0; i < 40; i++) {
            byte[] frame = rows.get(random.nextInt(rows.size())).bytes();
            stream.writeBytes(frame);
            stream.writeBytes(new byte[random.nextInt(8)]); // HID padding between replies
            new Pi30FrameDecoder().feed(frame, whole);
        }
        byte[] bytes = stream.toByteArray();
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected chunked = new Collected();
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(bytes.length - i, random.nextInt(20));
            decoder.feed(bytes, i, n, chunked);
            i += n;
        }
        assertEquals(whole.frames, chunked.frames);
        assertEquals(
                whole.errors.stream().map(Exception::getMessage).toList(),
                chunked.errors.stream().map(Exception::getMessage).toList());
    }

    @Test
    void garbageBeforeAnOpeningParenthesisIsDroppedAndCounted() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected c = new Collected();
        byte[] reply = Frames.reply("PI30");
        byte[] noisy = new byte[reply.length + 3];
        noisy[0] = (byte) 0xFF;
        noisy[1] = 'x';
        noisy[2] = (byte) 0x80;
        System.arraycopy(reply, 0, noisy, 3, reply.length);
        decoder.feed(noisy, c);
        assertEquals(List.of(), c.errors);
        assertEquals("PI30", c.frames.get(0).payload());
        assertEquals(3, decoder.droppedBytes());
    }

    @Test
    void aCutFrameFollowedByANewReplyKeepsTheNewReply() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected c = new Collected();
        byte[] first = Frames.reply("230.0 50.0");
        decoder.feed(first, 0, 6, c);
        decoder.feed(Frames.reply("B"), c);
        assertEquals(1, c.frames.size());
        assertEquals("B", c.frames.get(0).payload());
        assertEquals(6, decoder.droppedBytes());
    }

    @Test
    void anOverlongLineIsOneErrorAndTheStreamRecovers() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(16, Pi30Frame.Check.CRC);
        Collected c = new Collected();
        byte[] junk = new byte[1000];
        Arrays.fill(junk, (byte) 'A');
        decoder.feed(junk, c);
        assertEquals(1, c.errors.size());
        assertEquals("frame length", c.errors.get(0).what());
        assertTrue(decoder.pending() <= 16);
        decoder.feed(new byte[] {'\r'}, c);
        decoder.feed(Frames.reply("S"), c);
        assertEquals(1, c.errors.size());
        assertEquals("S", c.frames.get(0).payload());
    }

    @Test
    void overlongFrameEndsAtItsTerminatorWithoutASecondError() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder(8, Pi30Frame.Check.CRC);
        Collected c = new Collected();
        decoder.feed(Frames.reply("0123456789"), c);
        decoder.feed(Frames.reply("L"), c);
        assertEquals(1, c.errors.size());
        assertEquals(1, c.frames.size());
    }

    @Test
    void badFrameIsReportedAndTheNextIsDecoded() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected c = new Collected();
        byte[] bad = Frames.reply("PI30");
        bad[3] ^= 1;
        decoder.feed(bad, c);
        decoder.feed(Frames.reply("PI30"), c);
        assertInstanceOf(io.github.solarwire.core.ProtocolException.class, c.all.get(0));
        assertEquals("bad CRC", c.errors.get(0).what());
        assertEquals("PI30", ((Pi30Frame) c.all.get(1)).payload());
    }

    @Test
    void resetDropsAPartialFrame() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected c = new Collected();
        byte[] reply = Frames.reply("PI30");
        decoder.feed(reply, 0, 4, c);
        assertEquals(4, decoder.pending());
        decoder.reset();
        assertEquals(0, decoder.pending());
        decoder.feed(reply, 4, reply.length - 4, c);
        decoder.feed(reply, c);
        assertEquals(1, c.frames.size());
        assertEquals(1, c.errors.size(), "the tail alone is not a frame");
    }

    @Test
    void requestsAreFramesToo() {
        Pi30FrameDecoder decoder = new Pi30FrameDecoder();
        Collected c = new Collected();
        for (byte[] report : Pi30Request.of("QPIGS2").hidReports()) {
            decoder.feed(report, c);
        }
        assertEquals(Pi30Frame.Kind.REQUEST, c.frames.get(0).kind());
        assertArrayEquals(
                Pi30Request.of("QPIGS2").frame(), c.frames.get(0).toRequest().frame());
    }

    @Test
    void constructorChecksItsBound() {
        assertThrows(IllegalArgumentException.class, () -> new Pi30FrameDecoder(3, Pi30Frame.Check.CRC));
        assertThrows(IllegalArgumentException.class, () -> new Pi30FrameDecoder(65537, Pi30Frame.Check.CRC));
    }
}
