package io.github.solarwire.benchmarks;

import io.github.solarwire.pvs.sim.PvsSimulatorServer;
import io.github.solarwire.pvs.sim.SimulatedPvs;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The PVS side of the fleet run: one simulated PVS6 on legacy firmware (its telemetry WebSocket
 * streams without a login) that sends a power frame every second to every client. Run it in a
 * process of its own so that the client's CPU time is the client's alone.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.solarwire.benchmarks.PvsFleetSimulator}
 * prints the WebSocket port, then serves until killed.
 */
public final class PvsFleetSimulator {

    private PvsFleetSimulator() {}

    /**
     * Starts the simulator.
     *
     * @param args none
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        PvsSimulatorServer server = PvsSimulatorServer.builder(
                        SimulatedPvs.builder().build(61640).storage(true).build())
                .messageInterval(Duration.ofSeconds(1))
                .sentTimesCapacity(16)
                .start();
        System.out.println(server.webSocketPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
