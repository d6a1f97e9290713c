package io.github.solarwire.benchmarks;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.mqtt.MqttSink;
import io.github.solarwire.mqtt.TopicLayout;
import io.github.solarwire.net.WebSocketClient;
import io.github.solarwire.pvs.PvsDevice;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the fleet run: one process follows N PVS telemetry WebSockets (default
 * 1,000) as pvs2mqtt does — each a {@link PvsDevice} under one {@link Recorder}, all sharing one
 * {@link WebSocketClient} event-loop thread, every frame decoded into a site reading and handed to
 * a sink — and reports the process's CPU time per wall-clock second and the heap after a GC.
 * With an MQTT port, the sink is an {@link MqttSink} that publishes each device's values as
 * plain-number topics at most once every 10 s, as pvs2mqtt does (QoS 1).
 *
 * <p>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * io.github.solarwire.benchmarks.PvsFleetRun <ws port> [devices] [seconds] [mqtt port]}
 */
public final class PvsFleetRun {

    private static final long TEN_SECONDS = 10_000_000_000L;

    private PvsFleetRun() {}

    /**
     * Runs the fleet.
     *
     * @param args the simulator's WebSocket port, the number of devices, the measured seconds
     * @throws Exception when the run fails
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        MqttSink mqtt = args.length > 3
                ? MqttSink.builder("127.0.0.1")
                        .port(Integer.parseInt(args[3]))
                        .topicPrefix("pvs")
                        .homeAssistant(false)
                        .layouts(TopicLayout.perMetric())
                        .build()
                : null;
        AtomicLong readings = new AtomicLong();
        Map<String, Long> lastPublished = new HashMap<>();
        Sink counting = new Sink() {
            @Override
            public void accept(Reading reading) throws java.io.IOException {
                readings.incrementAndGet();
                if (mqtt != null) {
                    long now = System.nanoTime();
                    Long last = lastPublished.get(reading.deviceId());
                    if (last == null || now - last >= TEN_SECONDS) {
                        lastPublished.put(reading.deviceId(), now);
                        mqtt.accept(reading);
                    }
                }
            }

            @Override
            public void close() throws java.io.IOException {
                if (mqtt != null) {
                    mqtt.close();
                }
            }
        };
        CountDownLatch pause = new CountDownLatch(1);
        try (WebSocketClient ws = WebSocketClient.builder().build()) {
            Recorder.Builder b = Recorder.builder().sink(counting, 100_000);
            for (int i = 0; i < devices; i++) {
                b.stream(PvsDevice.builder("pvs-" + i, "127.0.0.1")
                        .path(PvsDevice.Path.TELEMETRY_ONLY)
                        .webSocketUri(URI.create("ws://127.0.0.1:" + port + "/"))
                        .webSocketClient(ws)
                        .build());
            }
            Recorder recorder = b.build();
            recorder.start();
            pause.await(20, TimeUnit.SECONDS); // connect and warm up
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapStart = memory.getHeapMemoryUsage().getUsed();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long read0 = readings.get();
            for (int s = 10; s <= seconds; s += 10) {
                pause.await(10, TimeUnit.SECONDS);
                long cpu = os.getProcessCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                System.gc();
                System.out.printf(
                        "%3d s: %,d readings (%.0f/s), CPU %.1f%% of one core, heap after GC %.1f MB%n",
                        s,
                        readings.get() - read0,
                        (readings.get() - read0) * 1e9 / wall,
                        100.0 * cpu / wall,
                        memory.getHeapMemoryUsage().getUsed() / 1e6);
            }
            System.out.printf(
                    "heap after GC at the start %.1f MB; %d devices under the recorder, %d reconnects%s%n",
                    heapStart / 1e6,
                    recorder.health().devices().size(),
                    recorder.health().reconnects(),
                    mqtt == null ? "" : ", " + mqtt.published() + " MQTT messages acknowledged");
            recorder.close();
        }
        System.exit(0);
    }
}
