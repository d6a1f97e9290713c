package io.github.solarwire.examples;

import io.github.solarwire.core.ProtocolException;
import io.github.solarwire.solaredge.codec.SeFrame;
import io.github.solarwire.solaredge.codec.SeFrameHandler;
import io.github.solarwire.solaredge.codec.SeFrames;
import io.github.solarwire.solaredge.codec.SeSkip;
import io.github.solarwire.solaredge.pcap.PcapReader;
import io.github.solarwire.solaredge.pcap.TcpSegment;
import io.github.solarwire.solaredge.pcap.TcpStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code seextract -f} writes each time it looks at a growing capture: for each selected TCP
 * stream, the bytes up to the end of its last complete frame that were not written before. Holding
 * back a frame still in flight keeps the streams from being interleaved in the middle of a frame.
 * Streams are matched by their order of first appearance, which appending packets does not change.
 * Not thread-safe.
 */
final class CaptureFollower {

    /** A capture shorter than this has no complete header yet. */
    private static final int PCAP_HEADER = 24;

    private final Predicate<TcpSegment> filter;
    private final List<Integer> written = new ArrayList<>();

    CaptureFollower(Predicate<TcpSegment> filter) {
        this.filter = filter;
    }

    /**
     * The new bytes of the capture as it is now.
     *
     * @param capture the whole capture file read just now
     * @return the bytes to append to the output, possibly none
     * @throws ProtocolException if the bytes are not a capture
     */
    byte[] next(byte[] capture) throws ProtocolException {
        if (capture.length < PCAP_HEADER) {
            return new byte[0];
        }
        List<TcpStream> streams = PcapReader.streams(capture, filter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < streams.size(); i++) {
            if (i == written.size()) {
                written.add(0);
            }
            byte[] bytes = streams.get(i).bytes();
            int end = endOfLastFrame(bytes);
            int from = written.get(i);
            if (end > from) {
                out.write(bytes, from, end - from);
                written.set(i, end);
            }
        }
        return out.toByteArray();
    }

    private static int endOfLastFrame(byte[] bytes) {
        long[] at = {0, 0}; // position, end of the last frame
        SeFrames.scan(bytes, new SeFrameHandler() {
            @Override
            public void frame(SeFrame frame) {
                at[0] += frame.length();
                at[1] = at[0];
            }

            @Override
            public void skipped(SeSkip skip) {
                at[0] = skip.offset() + skip.length();
            }
        });
        return (int) at[1];
    }
}
