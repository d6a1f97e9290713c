package io.github.solarwire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrames;
import io.github.solarwire.solaredge.pcap.SolarEdgeTraffic;
import io.github.solarwire.testkit.TestVectors;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code seextract -f}: a capture read again as it grows gives whole frames, never half of one. */
class CaptureFollowerTest {

    @Test
    void aGrowingCaptureGivesTheStreamsFrameByFrame() throws Exception {
        byte[] stream = Files.readAllBytes(TestVectors.directory("solaredge").resolve("synthetic_all_devices.dat"));
        byte[] capture = SeextractCommandTest.captureOf(stream, SeextractCommandTest.ACK);
        CaptureFollower follower = new CaptureFollower(SolarEdgeTraffic.serverPort());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        for (int size = 0; size <= capture.length; size += 97) {
            byte[] chunk = follower.next(Arrays.copyOf(capture, size));
            assertEquals(0, SeFrames.scan(chunk).skips().size(), "only whole frames at size " + size);
            written.writeBytes(chunk);
        }
        written.writeBytes(follower.next(capture));
        assertEquals(0, follower.next(capture).length, "nothing twice");

        List<SeFrame> expected =
                SeFrames.scan(concat(stream, SeextractCommandTest.ACK)).frames();
        List<SeFrame> actual = SeFrames.scan(written.toByteArray()).frames();
        assertEquals(expected.size(), actual.size(), "every frame of the stream and the ACK, once");
        assertTrue(actual.containsAll(expected), "the same frames (the ACK may come between them)");
        List<SeFrame> inverterSide = new ArrayList<>(actual);
        inverterSide.remove(SeFrame.decode(SeextractCommandTest.ACK));
        assertEquals(SeFrames.scan(stream).frames(), inverterSide, "the captured stream's frames in order");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
