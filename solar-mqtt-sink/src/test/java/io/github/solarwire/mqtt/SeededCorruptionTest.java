package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random damage to segment files, from fixed seeds: flipped bytes, cut files and garbage appended.
 * Whatever the damage, opening never throws, brings back nothing that was not stored and
 * unacknowledged, keeps order, and brings back every unacknowledged record whose bytes (and whose
 * segment's header) were not touched.
 */
class SeededCorruptionTest {

    @TempDir
    Path dir;

    /** A record's place: which file, which bytes. */
    private record Place(Path file, long offset, long end) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomDamageNeverThrowsLosesOnlyTouchedRecordsAndInventsNothing(long seed) throws Exception {
        Random random = new Random(seed);
        Path d = dir.resolve("outbox");
        Map<Long, byte[]> unacked = new TreeMap<>();
        try (Outbox o =
                Outbox.onDisk(d).fsync(FsyncPolicy.never()).segmentBytes(1024).build()) {
            for (int i = 0; i < 60; i++) {
                byte[] payload = new byte[random.nextInt(120)];
                random.nextBytes(payload);
                long s = o.append("t/" + i, payload, random.nextBoolean());
                unacked.put(s, payload);
            }
            for (long s = 1; s <= 60; s++) {
                if (random.nextInt(3) == 0) {
                    o.acknowledge(s);
                    unacked.remove(s);
                }
            }
        }
        Map<Long, Place> places = new HashMap<>();
        for (Path file : SegmentFiles.of(d)) {
            for (SegmentScanner.Found f : Corrupt.records(file)) {
                places.put(f.sequence(), new Place(file, f.offset(), f.end()));
            }
        }
        List<Place> damage = damage(random, SegmentFiles.of(d));

        try (Outbox o = Outbox.onDisk(d).fsync(FsyncPolicy.never()).build()) {
            List<Outbox.Message> back = o.next(1000);
            long previous = 0;
            for (Outbox.Message m : back) {
                assertTrue(m.sequence() > previous, "in order");
                previous = m.sequence();
                byte[] expected = unacked.get(m.sequence());
                assertNotNull(expected, "message " + m.sequence() + " was acknowledged or never stored");
                assertArrayEquals(expected, m.payload());
            }
            List<Long> backSeqs = Messages.seqs(back);
            for (long s : unacked.keySet()) {
                if (untouched(places.get(s), damage)) {
                    assertTrue(backSeqs.contains(s), "untouched message " + s + " lost; damage " + damage);
                }
            }
            assertEquals(61, o.append("t", new byte[1], false), "numbering goes on after damage");
        }
    }

    /** Damages files at random; returns the byte ranges touched (end exclusive). */
    private static List<Place> damage(Random random, List<Path> files) throws Exception {
        List<Place> touched = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Path file = files.get(random.nextInt(files.size()));
            long size = Files.size(file);
            if (size == 0) {
                continue; // cut to nothing by an earlier round
            }
            switch (random.nextInt(3)) {
                case 0 -> {
                    long at = random.nextLong(size);
                    Corrupt.flip(file, at, 1 + random.nextInt(255));
                    touched.add(new Place(file, at, at + 1));
                }
                case 1 -> {
                    long at = random.nextLong(size);
                    Corrupt.truncate(file, at);
                    touched.add(new Place(file, at, Long.MAX_VALUE));
                }
                default -> {
                    byte[] garbage = new byte[1 + random.nextInt(300)];
                    random.nextBytes(garbage);
                    Corrupt.write(file, size, ByteBuffer.wrap(garbage)); // touches nothing stored
                }
            }
        }
        return touched;
    }

    private static boolean untouched(Place record, List<Place> damage) {
        for (Place p : damage) {
            boolean sameFile = p.file().equals(record.file());
            boolean header = p.offset() < SegmentFormat.HEADER_BYTES;
            if (sameFile && (header || (p.offset() < record.end() && p.end() > record.offset()))) {
                return false;
            }
        }
        return true;
    }
}
