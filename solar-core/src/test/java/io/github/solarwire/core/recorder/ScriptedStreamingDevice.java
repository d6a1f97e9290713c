package io.github.solarwire.core.recorder;

import io.github.solarwire.core.DeviceInfo;
import io.github.solarwire.core.Reading;
import io.github.solarwire.core.StreamingDevice;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A streaming device: each stream emits {@code perStream} numbered readings from a thread of its
 * own, then either ends exceptionally (for the streams chosen with {@link #failStream}) or stays
 * open until {@link #close()}, which ends it normally.
 */
final class ScriptedStreamingDevice implements StreamingDevice {

    final DeviceInfo info;
    private final int perStream;
    private final Set<Long> failingStreams = new HashSet<>();

    final Counter opens = new Counter();
    final Counter closes = new Counter();
    final Counter streams = new Counter();
    final List<Long> closesAtOpen = new CopyOnWriteArrayList<>();
    private final List<Thread> emitters = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> current;
    private long emitted;

    ScriptedStreamingDevice(String id, int perStream) {
        this.info = DeviceInfo.builder(id, "battery").build();
        this.perStream = perStream;
    }

    /** Stream number {@code n} (from 1) ends exceptionally after its readings. */
    ScriptedStreamingDevice failStream(long n) {
        failingStreams.add(n);
        return this;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public void open() {
        closesAtOpen.add(closes.get());
        opens.increment();
    }

    @Override
    public CompletionStage<Void> stream(Consumer<Reading> listener) throws IOException {
        long n = streams.increment();
        CompletableFuture<Void> end = new CompletableFuture<>();
        current = end;
        long first;
        synchronized (this) {
            first = emitted + 1;
            emitted += perStream;
        }
        Thread emitter = new Thread(
                () -> {
                    for (long seq = first; seq < first + perStream; seq++) {
                        listener.accept(TestReadings.numbered(info, seq));
                    }
                    if (failingStreams.contains(n)) {
                        end.completeExceptionally(new IOException("connection lost in stream " + n));
                    }
                },
                "test-emitter-" + n);
        emitter.setDaemon(true);
        emitters.add(emitter);
        emitter.start();
        return end;
    }

    @Override
    public void close() {
        closes.increment();
        CompletableFuture<Void> end = current;
        if (end != null) {
            end.complete(null);
        }
    }
}
