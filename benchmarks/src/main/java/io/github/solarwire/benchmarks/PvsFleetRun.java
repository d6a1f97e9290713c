package io.github.solarwire.benchmarks;

import io.github.solarwire.core.Reading;
import io.github.solarwire.core.Sink;
import io.github.solarwire.core.recorder.Recorder;
import io.github.solarwire.net.WebSocketClient;
import io.github.solarwire.pvs.PvsDevice;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the fleet run: one process follows N PVS telemetry WebSockets (default
 * 1,000) as pvs2mqtt does — each a {@link PvsDevice} under one {@link Recorder}, all sharing one
 * {@link WebSocketClient} event-loop thread, every frame decoded into a site reading and handed to
 * a sink — and reports the process's CPU time per wall-clock second and the heap after a GC.
 *
 * <p>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar
 * io.github.solarwire.benchmarks.PvsFleetRun <ws port> [devices] [seconds]}
 */
public final class PvsFleetRun {

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
        AtomicLong readings = new AtomicLong();
        Sink counting = new Sink() {
            @Override
            public void accept(Reading reading) {
                readings.incrementAndGet();
            }

            @Override
            public void close() {}
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
                    "heap after GC at the start %.1f MB; %d devices, %s%n",
                    heapStart / 1e6, devices, recorder.health().devices().size() + " under the recorder");
            recorder.close();
        }
        System.exit(0);
    }
}
