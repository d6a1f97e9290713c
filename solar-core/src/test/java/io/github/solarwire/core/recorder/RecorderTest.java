package io.github.solarwire.core.recorder;

import static io.github.solarwire.core.recorder.TestReadings.numbered;
import static io.github.solarwire.core.recorder.TestReadings.oneTo;
import static io.github.solarwire.core.recorder.TestReadings.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.solarwire.core.DeviceInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecorderTest {

    /** Polls "hourly" so that poll pauses (about an hour) are told apart from backoff delays (ms). */
    private static final Duration HOURLY = Duration.ofHours(1);

    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.0);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(30);
    private static final DeviceInfo EXTERNAL =
            DeviceInfo.builder("ext-1", "meter").build();

    private final PauseLog pauses = new PauseLog();
    private final List<Recorder> recorders = new ArrayList<>();
    private final List<BlockingSink> blockers = new ArrayList<>();

    private Recorder.Builder builder() {
        return Recorder.builder().backoff(FAST).seed(1).pauses(pauses);
    }

    private Recorder started(Recorder.Builder b) {
        Recorder r = b.build();
        recorders.add(r);
        r.start();
        return r;
    }

    private BlockingSink blocking(String name) {
        BlockingSink sink = new BlockingSink(name);
        blockers.add(sink);
        return sink;
    }

    @AfterEach
    void tearDown() {
        blockers.forEach(BlockingSink::release);
        assertTimeoutPreemptively(CLOSE_LIMIT, () -> recorders.forEach(Recorder::close));
    }

    private static void closeWithin(Recorder recorder) {
        assertTimeoutPreemptively(CLOSE_LIMIT, recorder::close);
    }

    private static SinkHealth sink(Recorder r, int index) {
        return r.health().sinks().get(index);
    }

    private static DeviceHealth device(Recorder r) {
        return r.health().devices().get(0);
    }

    // --- delivery and health ---

    @Test
    void polledReadingsReachEverySinkInOrder() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").limit(20);
        RecordingSink a = new RecordingSink("a");
        RecordingSink b = new RecordingSink("b");
        started(builder().poll(inv, HOURLY).sink(a).sink(b));

        assertTrue(a.acceptedCount.awaitAtLeast(20));
        assertTrue(b.acceptedCount.awaitAtLeast(20));
        assertEquals(oneTo(20), seqs(a.accepted()));
        assertEquals(oneTo(20), seqs(b.accepted()));
        assertEquals(a.accepted(), b.accepted());
    }

    @Test
    void healthCountsReadingsPollsAndDeliveries() throws Exception {
        // The 21st poll hangs, so the counters are still while we look at them.
        ScriptedDevice inv = new ScriptedDevice("inv-1").holdAt(21);
        RecordingSink a = new RecordingSink("a");
        RecordingSink b = new RecordingSink("b");
        Recorder r = started(builder().poll(inv, HOURLY).sink(a).sink(b, 100));

        assertTrue(inv.held.await(10, TimeUnit.SECONDS));
        assertTrue(a.flushedThrough.awaitAtLeast(20));
        assertTrue(b.flushedThrough.awaitAtLeast(20));
        RecorderHealth h = r.health();
        assertEquals(20, h.readingsIn());
        assertEquals(40, h.readingsOut());
        assertEquals(0, h.dropped());
        assertEquals(0, h.deviceErrors());
        assertEquals(0, h.reconnects());

        DeviceHealth d = h.devices().get(0);
        assertEquals("inv-1", d.deviceId());
        assertEquals(DeviceHealth.State.CONNECTED, d.state());
        assertEquals(20, d.readings());
        assertEquals(20, d.polls());
        assertEquals(0, d.errors());
        assertEquals(Optional.of(TestReadings.T0.plusSeconds(20)), d.lastReading());
        assertEquals(Optional.empty(), d.lastError());

        SinkHealth sa = h.sinks().get(0);
        assertEquals("a", sa.name());
        assertEquals(20, sa.delivered());
        assertEquals(0, sa.failures());
        assertFalse(sa.failing());
        assertEquals(10_000, sa.queueCapacity());
        assertEquals(100, h.sinks().get(1).queueCapacity());
        inv.resume();
    }

    @Test
    void publishFromTheCallerReachesEverySink() throws Exception {
        RecordingSink a = new RecordingSink("a");
        RecordingSink b = new RecordingSink("b");
        Recorder r = started(builder().sink(a).sink(b));
        for (int i = 1; i <= 3; i++) {
            r.publish(numbered(EXTERNAL, i));
        }
        assertTrue(a.acceptedCount.awaitAtLeast(3));
        assertTrue(b.acceptedCount.awaitAtLeast(3));
        assertEquals(oneTo(3), seqs(a.accepted()));
        assertEquals(oneTo(3), seqs(b.accepted()));
        assertEquals(3, r.health().readingsIn());
        assertThrows(NullPointerException.class, () -> r.publish(null));
    }

    // --- device failures ---

    @Test
    void failedOpensBackOffExponentiallyThenReadingsFlow() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").failOpens(3).limit(5);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().poll(inv, HOURLY).sink(sink));

        assertTrue(sink.acceptedCount.awaitAtLeast(5));
        assertEquals(oneTo(5), seqs(sink.accepted()));
        assertEquals(
                List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)), pauses.deviceBackoffs());
        assertEquals(4, inv.openAttempts.get());
        DeviceHealth d = device(r);
        assertEquals(3, d.errors());
        assertEquals(0, d.reconnects(), "the first successful open is not a reconnect");
        assertTrue(
                d.lastError().orElseThrow().contains("scripted open failure 3"),
                d.lastError().toString());
    }

    @Test
    void aDeviceThatNeverOpensKeepsBackingOff() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").failOpens(Integer.MAX_VALUE);
        Recorder r = started(builder().poll(inv, HOURLY).sink(new RecordingSink("s")));

        assertTrue(inv.openAttempts.awaitAtLeast(5));
        DeviceHealth d = device(r);
        assertEquals(DeviceHealth.State.BACKING_OFF, d.state());
        assertTrue(d.errors() >= 4, d.toString());
        assertEquals(0, d.readings());
        assertEquals(0, d.polls());
        assertEquals(
                List.of(10L, 20L, 40L, 40L),
                pauses.deviceBackoffs().subList(0, 4).stream()
                        .map(Duration::toMillis)
                        .toList());
        closeWithin(r);
        assertEquals(DeviceHealth.State.STOPPED, device(r).state());
    }

    @Test
    void devicesAreStartingBeforeStart() {
        Recorder r = builder().poll(new ScriptedDevice("inv-1"), HOURLY).build();
        recorders.add(r);
        DeviceHealth d = device(r);
        assertEquals("inv-1", d.deviceId());
        assertEquals(DeviceHealth.State.STARTING, d.state());
        assertEquals(Optional.empty(), d.lastReading());
    }

    @Test
    void backoffIsCappedAndResetAfterSuccess() throws Exception {
        // Six failed opens: 10, 20, 40, 40, 40, 40 ms; then after a poll failure the count starts again.
        ScriptedDevice inv =
                new ScriptedDevice("inv-1").failOpens(6).ioFailureAt(3).limit(4);
        RecordingSink sink = new RecordingSink("s");
        started(builder().poll(inv, HOURLY).sink(sink));

        assertTrue(sink.acceptedCount.awaitAtLeast(4));
        assertEquals(
                List.of(10L, 20L, 40L, 40L, 40L, 40L, 10L),
                pauses.deviceBackoffs().stream().map(Duration::toMillis).toList());
    }

    @Test
    void pollIOExceptionClosesAndReopensTheDevice() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").ioFailureAt(3).limit(6);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().poll(inv, HOURLY).sink(sink));

        assertTrue(sink.acceptedCount.awaitAtLeast(6));
        assertEquals(oneTo(6), seqs(sink.accepted()), "no reading lost or repeated across the reconnect");
        assertEquals(2, inv.opens.get());
        assertEquals(List.of(0L, 1L), inv.closesAtOpen, "closed once before being opened again");
        assertEquals(List.of(Duration.ofMillis(10)), pauses.deviceBackoffs());
        DeviceHealth d = device(r);
        assertEquals(1, d.reconnects());
        assertEquals(1, d.errors());
        assertTrue(
                d.lastError().orElseThrow().startsWith("poll: IOException"),
                d.lastError().toString());
    }

    @Test
    void pollProtocolExceptionIsCountedWithoutReconnecting() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").protocolFailureAt(3).holdAt(8);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().poll(inv, HOURLY).sink(sink));

        assertTrue(inv.held.await(10, TimeUnit.SECONDS));
        assertTrue(sink.acceptedCount.awaitAtLeast(6));
        assertEquals(oneTo(6), seqs(sink.accepted()));
        assertEquals(1, inv.opens.get());
        assertEquals(0, inv.closes.get(), "a bad answer must not close the link");
        assertEquals(List.of(), pauses.deviceBackoffs());
        DeviceHealth d = device(r);
        assertEquals(1, d.errors());
        assertEquals(0, d.reconnects());
        assertEquals(6, d.polls());
        assertEquals(DeviceHealth.State.CONNECTED, d.state());
        assertTrue(
                d.lastError().orElseThrow().contains("ProtocolException"),
                d.lastError().toString());
        inv.resume();
    }

    // --- streaming devices ---

    @Test
    void streamedReadingsAreDelivered() throws Exception {
        ScriptedStreamingDevice bat = new ScriptedStreamingDevice("bat-1", 5);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().stream(bat).sink(sink));

        assertTrue(sink.acceptedCount.awaitAtLeast(5));
        assertEquals(oneTo(5), seqs(sink.accepted()));
        assertEquals(DeviceHealth.State.CONNECTED, device(r).state());
        // The stream is counted once stream() returned, which may be after its first readings: look after close.
        closeWithin(r);
        DeviceHealth d = device(r);
        assertEquals(5, d.readings());
        assertEquals(1, d.polls(), "one stream started");
        assertEquals(0, d.errors());
        assertEquals(DeviceHealth.State.STOPPED, d.state());
        assertEquals(1, bat.opens.get());
        assertTrue(bat.closes.get() >= 1);
    }

    @Test
    void aStreamEndingExceptionallyReconnects() throws Exception {
        ScriptedStreamingDevice bat = new ScriptedStreamingDevice("bat-1", 3).failStream(1);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().stream(bat).sink(sink));

        assertTrue(sink.acceptedCount.awaitAtLeast(6));
        assertEquals(oneTo(6), seqs(sink.accepted()));
        closeWithin(r);
        assertEquals(2, bat.opens.get());
        assertEquals(List.of(0L, 1L), bat.closesAtOpen, "closed once before being opened again");
        DeviceHealth d = device(r);
        assertEquals(1, d.reconnects());
        assertEquals(1, d.errors());
        assertEquals(2, d.polls());
        assertTrue(
                d.lastError().orElseThrow().contains("connection lost in stream 1"),
                d.lastError().toString());
        assertEquals(List.of(Duration.ofMillis(10)), pauses.deviceBackoffs());
    }

    // --- sink isolation ---

    @Test
    void aBlockedSinkDoesNotStopAnotherSinkOrTheDevice() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").limit(30);
        BlockingSink stuck = blocking("stuck");
        RecordingSink healthy = new RecordingSink("healthy");
        Recorder r = started(builder().poll(inv, HOURLY).sink(stuck).sink(healthy));

        assertTrue(healthy.flushedThrough.awaitAtLeast(30));
        assertEquals(oneTo(30), seqs(healthy.accepted()));
        // The device goes on being polled well after the stuck sink stopped taking anything.
        long polledSoFar = inv.pollCalls.get();
        assertTrue(inv.pollCalls.awaitAtLeast(polledSoFar + 20));
        assertEquals(1, stuck.entered.get());
        assertEquals(List.of(), stuck.accepted());
        assertEquals(0, sink(r, 0).delivered());
        assertEquals(30, sink(r, 1).delivered());
    }

    @Test
    void aBlockedSinksFullQueueDropsTheOldest() throws Exception {
        BlockingSink stuck = blocking("stuck");
        Recorder r = started(builder().sink(stuck, 5));

        r.publish(numbered(EXTERNAL, 1));
        // Reading 1 is now inside accept(), out of the queue; 2..12 compete for 5 places.
        assertTrue(stuck.entered.awaitAtLeast(1));
        for (int i = 2; i <= 12; i++) {
            r.publish(numbered(EXTERNAL, i));
        }
        SinkHealth blocked = sink(r, 0);
        assertEquals(6, blocked.dropped());
        assertEquals(5, blocked.queueDepth());
        assertEquals(0, blocked.delivered());

        stuck.release();
        assertTrue(stuck.acceptedCount.awaitAtLeast(6));
        closeWithin(r);
        assertEquals(List.of(1L, 8L, 9L, 10L, 11L, 12L), seqs(stuck.accepted()), "the newest readings are kept");
        assertEquals(6, sink(r, 0).delivered());
        assertEquals(6, sink(r, 0).dropped());
        assertEquals(12, r.health().readingsIn());
    }

    @Test
    void aSinkThatFailsAtFirstGetsEveryReadingInOrder() throws Exception {
        FlakySink flaky = new FlakySink("flaky", 4);
        Recorder r = started(builder().sink(flaky));
        for (int i = 1; i <= 10; i++) {
            r.publish(numbered(EXTERNAL, i));
        }
        assertTrue(flaky.flushedThrough.awaitAtLeast(10));
        assertEquals(oneTo(10), seqs(flaky.accepted()));
        SinkHealth h = sink(r, 0);
        assertEquals(4, h.failures());
        assertEquals(10, h.delivered());
        assertEquals(0, h.dropped());
        assertFalse(h.failing());
        assertTrue(
                h.lastError().orElseThrow().contains("scripted sink failure 4"),
                h.lastError().toString());
        // Retries back off like devices do: 10, 20, 40, then capped at 40 ms.
        assertEquals(
                List.of(10L, 20L, 40L, 40L),
                pauses.by("solar-sink-").stream().map(Duration::toMillis).toList());

        // Still running: a later reading goes through.
        r.publish(numbered(EXTERNAL, 11));
        assertTrue(flaky.acceptedCount.awaitAtLeast(11));
        assertEquals(oneTo(11), seqs(flaky.accepted()));
    }

    // --- close and drain ---

    @Test
    void closeDeliversEveryQueuedReadingToASlowSinkBeforeReturning() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").limit(0);
        BlockingSink slow = blocking("slow");
        Recorder r = started(builder().poll(inv, HOURLY).sink(slow));
        r.publish(numbered(EXTERNAL, 1));
        assertTrue(slow.entered.awaitAtLeast(1));
        for (int i = 2; i <= 50; i++) {
            r.publish(numbered(EXTERNAL, i));
        }

        Thread closer = new Thread(r::close, "test-closer");
        closer.start();
        // The recorder closes its device first: from then on close() is under way.
        assertTrue(inv.closes.awaitAtLeast(1));
        slow.release();
        assertTimeoutPreemptively(CLOSE_LIMIT, () -> closer.join());
        assertFalse(closer.isAlive());

        assertEquals(oneTo(50), seqs(slow.accepted()));
        assertEquals(1, slow.closes.get());
        assertEquals(50, slow.acceptedAtClose, "the sink was closed only after the queue was drained");
        assertEquals(0, sink(r, 0).dropped());
        assertEquals(50, sink(r, 0).delivered());
        assertEquals(50, slow.flushedAtClose, "flushed after the last reading, before closing");
    }

    @Test
    void closeGivesUpOnABrokenSinkAfterTheDrainTimeoutAndCountsTheRestAsDropped() throws Exception {
        FlakySink broken = FlakySink.broken("broken");
        Recorder r = started(builder().drainTimeout(Duration.ofMillis(200)).sink(broken));
        for (int i = 1; i <= 20; i++) {
            r.publish(numbered(EXTERNAL, i));
        }
        assertTrue(broken.acceptCalls.awaitAtLeast(2));

        closeWithin(r);

        SinkHealth h = sink(r, 0);
        assertEquals(0, h.delivered());
        assertEquals(20, h.dropped());
        assertEquals(0, h.queueDepth());
        assertTrue(h.failing());
        assertEquals(1, broken.closes.get());
    }

    /**
     * A sink stuck inside accept() past the drain timeout (and the recorder's grace period after
     * it) is interrupted; what it never took counts as dropped once close() has returned.
     */
    @Test
    void closeGivesUpOnAStuckSinkAndCountsItsReadingsAsDropped() throws Exception {
        BlockingSink stuck = blocking("stuck");
        Recorder r = started(builder().drainTimeout(Duration.ofMillis(100)).sink(stuck));
        r.publish(numbered(EXTERNAL, 1));
        assertTrue(stuck.entered.awaitAtLeast(1));
        for (int i = 2; i <= 10; i++) {
            r.publish(numbered(EXTERNAL, i));
        }

        closeWithin(r);

        SinkHealth h = sink(r, 0);
        assertEquals(0, h.delivered());
        assertEquals(10, h.dropped());
        assertEquals(0, h.queueDepth());
        assertEquals(1, stuck.closes.get(), "closed once it let go");
    }

    @Test
    void closeIsIdempotent() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").limit(1);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().poll(inv, HOURLY).sink(sink));
        assertTrue(sink.acceptedCount.awaitAtLeast(1));
        closeWithin(r);
        long deviceCloses = inv.closes.get();
        closeWithin(r);
        assertEquals(1, sink.closes.get());
        assertEquals(deviceCloses, inv.closes.get());
        assertEquals(DeviceHealth.State.STOPPED, device(r).state());
    }

    @Test
    void aReadingPublishedAfterCloseIsCountedAsDropped() {
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(builder().sink(sink));
        closeWithin(r);
        r.publish(numbered(EXTERNAL, 1));
        assertEquals(1, sink(r, 0).dropped());
        assertEquals(0, sink(r, 0).queueDepth());
        assertEquals(0, sink.accepted().size());
    }

    /** A second close() while the first is draining must not return before the work is done. */
    @Test
    void aConcurrentSecondCloseWaitsForTheFirst() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").limit(0);
        BlockingSink slow = blocking("slow");
        Recorder r = started(builder().poll(inv, HOURLY).sink(slow));
        r.publish(numbered(EXTERNAL, 1));
        assertTrue(slow.entered.awaitAtLeast(1));
        r.publish(numbered(EXTERNAL, 2));

        Thread first = new Thread(r::close, "test-closer-1");
        first.start();
        assertTrue(inv.closes.awaitAtLeast(1), "first close() under way");
        AtomicLong sinkClosesSeenBySecond = new AtomicLong(-1);
        Thread second = new Thread(
                () -> {
                    r.close();
                    sinkClosesSeenBySecond.set(slow.closes.get());
                },
                "test-closer-2");
        second.start();
        // Wait until the second close() either returned or is waiting for the first one.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.isAlive() && second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        slow.release();
        assertTimeoutPreemptively(CLOSE_LIMIT, () -> {
            first.join();
            second.join();
        });
        assertEquals(1, sinkClosesSeenBySecond.get(), "second close() returned before the sink was closed");
        assertEquals(List.of(1L, 2L), seqs(slow.accepted()));
    }

    @Test
    void startTwiceThrows() {
        Recorder r = started(builder().sink(new RecordingSink("s")));
        assertThrows(IllegalStateException.class, r::start);
    }

    @Test
    void startAfterCloseThrows() {
        Recorder r = builder().sink(new RecordingSink("s")).build();
        recorders.add(r);
        closeWithin(r);
        assertThrows(IllegalStateException.class, r::start);
    }

    @Test
    void closingAnUnstartedRecorderDeliversPublishedReadingsAndClosesItsSinks() {
        RecordingSink sink = new RecordingSink("s");
        Recorder r = builder().sink(sink).build();
        recorders.add(r);
        r.publish(numbered(EXTERNAL, 1));
        r.publish(numbered(EXTERNAL, 2));
        closeWithin(r);
        assertEquals(oneTo(2), seqs(sink.accepted()));
        assertEquals(1, sink.closes.get());
    }

    @Test
    void closeReturnsWhenADeviceIsStuckInPollAndClosesIt() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").holdAt(1);
        RecordingSink sink = new RecordingSink("s");
        Recorder r = started(
                builder().stopTimeout(Duration.ofMillis(100)).poll(inv, HOURLY).sink(sink));
        assertTrue(inv.held.await(10, TimeUnit.SECONDS));

        closeWithin(r);

        assertTrue(inv.closes.get() >= 1);
        // The first close() came from close() itself, not from the device thread: that is what freed it.
        assertFalse(inv.closeThreads.get(0).startsWith("solar-device-"), inv.closeThreads.toString());
        assertEquals(1, sink.closes.get());
    }

    // --- builder validation ---

    @Test
    void builderRejectsBadSettings() {
        Recorder.Builder b = Recorder.builder();
        ScriptedDevice inv = new ScriptedDevice("inv-1");
        assertThrows(IllegalArgumentException.class, () -> b.poll(inv, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.poll(inv, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.sink(new RecordingSink("s"), 0));
        assertThrows(IllegalArgumentException.class, () -> b.queueCapacity(0));
        assertThrows(NullPointerException.class, () -> b.sink(null));
        assertThrows(NullPointerException.class, () -> b.backoff(null));
    }

    @Test
    void queueCapacityAppliesToSinksAddedAfterIt() {
        Recorder r = Recorder.builder()
                .sink(new RecordingSink("a"))
                .queueCapacity(7)
                .sink(new RecordingSink("b"))
                .build();
        recorders.add(r);
        assertEquals(10_000, sink(r, 0).queueCapacity());
        assertEquals(7, sink(r, 1).queueCapacity());
    }

    @Test
    void devicePollsAPolledDeviceAtItsDefaultInterval() throws Exception {
        ScriptedDevice inv = new ScriptedDevice("inv-1").defaultInterval(Duration.ofHours(3));
        started(builder().device(inv).sink(new RecordingSink("s")));
        assertTrue(inv.pollCalls.awaitAtLeast(2));
        // The first pause is what is left of one interval after the first poll.
        Duration first = pauses.by("solar-device-").get(0);
        assertTrue(
                first.compareTo(Duration.ofHours(3)) <= 0 && first.compareTo(Duration.ofHours(2)) > 0,
                first.toString());
    }

    @Test
    void deviceStreamsAStreamingDevice() throws Exception {
        ScriptedStreamingDevice bat = new ScriptedStreamingDevice("bat-1", 2);
        RecordingSink sink = new RecordingSink("s");
        started(builder().device(bat).sink(sink));
        assertTrue(sink.acceptedCount.awaitAtLeast(2));
        assertEquals(oneTo(2), seqs(sink.accepted()));
        assertEquals(1, bat.streams.get());
    }
}
