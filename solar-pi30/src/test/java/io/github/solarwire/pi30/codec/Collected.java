package io.github.solarwire.pi30.codec;

import io.github.solarwire.core.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/** A decoder handler that keeps what it gets, in order. */
final class Collected implements Pi30FrameDecoder.Handler {
    final List<Pi30Frame> frames = new ArrayList<>();
    final List<ProtocolException> errors = new ArrayList<>();
    final List<Object> all = new ArrayList<>();

    @Override
    public void frame(Pi30Frame frame) {
        frames.add(frame);
        all.add(frame);
    }

    @Override
    public void error(ProtocolException error) {
        errors.add(error);
        all.add(error);
    }
}
