package io.github.solarwire.solaredge.codec;

import java.util.ArrayList;
import java.util.List;

/** Collects frames and skipped spans in stream order. */
final class Collected implements SeFrameHandler {

    final List<Object> events = new ArrayList<>();
    final List<SeFrame> frames = new ArrayList<>();
    final List<SeSkip> skips = new ArrayList<>();

    @Override
    public void frame(SeFrame frame) {
        events.add(frame);
        frames.add(frame);
    }

    @Override
    public void skipped(SeSkip skip) {
        events.add(skip);
        skips.add(skip);
    }

    /** The stream length the events cover, checking that they are contiguous from offset 0. */
    long coveredLength() {
        long at = 0;
        for (Object e : events) {
            if (e instanceof SeSkip s) {
                if (s.offset() != at || s.length() < 1) {
                    throw new AssertionError("span " + s + " not at " + at);
                }
                at += s.length();
            } else {
                at += ((SeFrame) e).length();
            }
        }
        return at;
    }

    static Collected scan(byte[] buffer, int maxFrameLength) {
        Collected c = new Collected();
        SeFrames.scan(buffer, 0, buffer.length, maxFrameLength, c);
        return c;
    }
}
