package io.github.solarwire.solaredge.pcap;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts the TCP segments of a capture back into streams: one per connection and direction, in
 * sequence order, each byte once however often it was retransmitted, whatever order the segments
 * were captured in.
 *
 * <p>A direction's stream starts after its SYN when the capture has it, else at the lowest
 * sequence number seen. A new SYN with another initial sequence number on the same endpoints
 * starts a new stream. Sequence numbers wrap modulo 2^32. Where the capture lacks bytes the
 * stream goes on after the gap and {@link TcpStream#missingBytes()} counts them; where two
 * segments overlap the earlier-captured bytes win.
 *
 * <p>Stateless and thread-safe.
 */
public final class TcpReassembler {

    private TcpReassembler() {}

    /**
     * Reassembles the selected segments.
     *
     * @param segments segments in capture order, as {@link PcapReader#read(byte[])} gives them
     * @param filter which segments to keep
     * @return the streams, in order of their first segment; directions without data are left out
     */
    public static List<TcpStream> reassemble(List<TcpSegment> segments, Predicate<TcpSegment> filter) {
        Map<List<Endpoint>, Direction> open = new LinkedHashMap<>();
        List<Direction> all = new ArrayList<>();
        for (TcpSegment segment : segments) {
            if (!filter.test(segment)) {
                continue;
            }
            List<Endpoint> key = List.of(segment.source(), segment.destination());
            Direction direction = open.get(key);
            if (direction == null || direction.restartedBy(segment)) {
                direction = new Direction(segment.source(), segment.destination());
                open.put(key, direction);
                all.add(direction);
            }
            direction.add(segment);
        }
        List<TcpStream> streams = new ArrayList<>();
        for (Direction direction : all) {
            TcpStream stream = direction.assemble();
            if (stream.bytes().length > 0) {
                streams.add(stream);
            }
        }
        return streams;
    }

    /** One direction of one connection while it is being collected. */
    private static final class Direction {

        private final Endpoint source;
        private final Endpoint destination;
        private final List<Piece> pieces = new ArrayList<>();
        /** The sequence number of the first data byte after the SYN, or -1 without a SYN. */
        private long initial = -1;
        /** The unwrapped position of the last segment, to unwrap the next against. */
        private long reference;

        private boolean referenced;

        Direction(Endpoint source, Endpoint destination) {
            this.source = source;
            this.destination = destination;
        }

        boolean restartedBy(TcpSegment segment) {
            return segment.syn() && initial >= 0 && ((segment.sequence() + 1) & 0xFFFF_FFFFL) != initial
                    || segment.syn() && initial < 0 && !pieces.isEmpty();
        }

        void add(TcpSegment segment) {
            long sequence = segment.sequence();
            if (segment.syn()) {
                sequence = (sequence + 1) & 0xFFFF_FFFFL;
                if (initial < 0) {
                    initial = sequence;
                }
            }
            long position = unwrap(sequence);
            if (segment.length() > 0) {
                pieces.add(new Piece(position, pieces.size(), segment.payloadUnsafe()));
            }
        }

        /** The sequence number as a position on a line that does not wrap. */
        private long unwrap(long sequence) {
            if (!referenced) {
                referenced = true;
                reference = sequence;
                return sequence;
            }
            long position = reference + (int) (sequence - reference);
            reference = position;
            return position;
        }

        TcpStream assemble() {
            pieces.sort(Comparator.comparingLong(Piece::position).thenComparingInt(Piece::arrival));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long missing = 0;
            long at = Long.MIN_VALUE;
            if (initial >= 0) {
                at = unwrapStart();
            }
            for (Piece piece : pieces) {
                long end = piece.position() + piece.data().length;
                if (end <= at) {
                    continue;
                }
                if (at == Long.MIN_VALUE) {
                    at = piece.position();
                } else if (piece.position() > at) {
                    missing += piece.position() - at;
                    at = piece.position();
                }
                int skip = (int) (at - piece.position());
                out.write(piece.data(), skip, piece.data().length - skip);
                at = end;
            }
            return new TcpStream(source, destination, out.toByteArray(), missing);
        }

        /** Where the data after the SYN starts, on the unwrapped line of the pieces. */
        private long unwrapStart() {
            if (pieces.isEmpty()) {
                return Long.MIN_VALUE;
            }
            long near = pieces.get(0).position();
            return near + (int) (initial - (near & 0xFFFF_FFFFL));
        }
    }

    private record Piece(long position, int arrival, byte[] data) {}
}
